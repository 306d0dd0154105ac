#!/usr/bin/env python3
"""Builds testrepos/<name>/cassette-tools.jsonl for the tool loop (`ratchet demo NAME --mode tools`).

Like make-cassettes.py, the conversations were written by the ratchet team in GPT-4.1's style (no
machine of ours reaches the OpenAI API): hand-written, not recordings, and `ratchet demo` says so.
Each turn is one reply with one tool call (the tool loop turns parallel calls off), or the final
summary. The `expect` of turn i is the request it answers: gpt-4.1, 2 + 2*i messages (system,
issue, then one assistant message and one tool result per earlier turn) and the six tools.

Token usage is an estimate, not a measurement: a turn's prompt is the previous prompt plus the
previous reply plus the tool result it got back (RESULT_TOKENS: the result's characters / 4, read
off a replay's transcript), rounded to 10; the cached part is the previous prompt rounded down to
a multiple of 128, as OpenAI caches prefixes; a reply costs its characters / 4 plus 20 tokens.

python-ini's cassette-tools.jsonl is older and written by hand; this script does not touch it.
Run it again after editing a turn:  python3 testrepos/make-tool-cassettes.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
TOOLS = ["list_files", "read_file", "search", "apply_patch", "run_tests", "run_command"]


def turn(content, tool=None, result_tokens=0, **arguments):
    return {"content": content, "tool": tool, "arguments": arguments, "result_tokens": result_tokens}


JS_MONEY = {
    # system prompt and tools, the issue, and the two failing tests of the baseline
    "first_prompt": 2450,
    "turns": [
        turn("I'll look at the project layout first to find the formatter and its tests.",
             "list_files", 40),
        turn("The formatter is src/format.js and its tests are in test/format.test.js. Reading the formatter.",
             "read_file", 410, path="src/format.js"),
        turn("`formatMoney` computes `sign` and puts it after `currency.symbol` in the last branch, which gives "
             "`$-1,234.56`. Plan: move the sign in front of the symbol, return the amount in parentheses early "
             "when `accounting` is set and the amount is negative, and document the option in the JSDoc.",
             "apply_patch", 20,
             patch="""*** Begin Patch
*** Update File: src/format.js
@@
  * @param {number} cents integer amount in the currency's minor unit
- * @param {{currency?: string, symbol?: boolean}} [options] `symbol: false` prints the ISO code
- *   after the number instead of the symbol
+ * @param {{currency?: string, symbol?: boolean, accounting?: boolean}} [options] `symbol: false`
+ *   prints the ISO code after the number instead of the symbol; `accounting: true` shows negative
+ *   amounts in parentheses instead of with a minus sign
  * @returns {string}
  */
@@ export function formatMoney(cents, options = {}) {
     number += currency.decimal + fraction;
   }
 
   const sign = cents < 0 ? "-" : "";
+  if (cents < 0 && options.accounting) {
+    return `(${currency.symbol}${number})`;
+  }
   if (options.symbol === false) {
     return `${sign}${number} ${currency.code}`;
   }
   return currency.symbolAfter
     ? `${sign}${number} ${currency.symbol}`
-    : `${currency.symbol}${sign}${number}`;
+    : `${sign}${currency.symbol}${number}`;
 }
*** End Patch
"""),
        turn("The patch applied. Running the test suite.", "run_tests", 370),
        turn("One failure left: with `currency: \"EUR\"` the accounting form is `(€1.234,56)` but should be "
             "`(1.234,56 €)`. My early return always puts the symbol first and ignores `symbolAfter` (and "
             "`symbol: false`). I'll build the unsigned text once, for every symbol position, and then add "
             "either the minus sign or the parentheses around it.",
             "apply_patch", 20,
             patch="""*** Begin Patch
*** Update File: src/format.js
@@ export function formatMoney(cents, options = {}) {
     number += currency.decimal + fraction;
   }
 
-  const sign = cents < 0 ? "-" : "";
-  if (cents < 0 && options.accounting) {
-    return `(${currency.symbol}${number})`;
-  }
+  let text;
   if (options.symbol === false) {
-    return `${sign}${number} ${currency.code}`;
+    text = `${number} ${currency.code}`;
+  } else {
+    text = currency.symbolAfter
+      ? `${number} ${currency.symbol}`
+      : `${currency.symbol}${number}`;
   }
-  return currency.symbolAfter
-    ? `${sign}${number} ${currency.symbol}`
-    : `${sign}${currency.symbol}${number}`;
+  if (cents >= 0) {
+    return text;
+  }
+  return options.accounting ? `(${text})` : `-${text}`;
 }
 
 function groupThousands(digits, separator) {
*** End Patch
"""),
        turn("Applied. Running the tests again.", "run_tests", 20),
        turn("All 10 tests pass. `formatMoney(-123456)` now returns `\"-$1,234.56\"` (the sign comes before the "
             "symbol, and before the number when the symbol or ISO code follows it), and the new `accounting: true` "
             "option wraps negative amounts in parentheses in every currency: `\"($1,234.56)\"`, "
             "`\"(1.234,56 €)\"`. The option is documented in the JSDoc of `formatMoney`."),
    ],
}

JAVA_DURATION = {
    "first_prompt": 2500,
    "turns": [
        turn("I'll start with the repository layout to find the parser and its tests.", "list_files", 40),
        turn("The parser is src/main/java/org/example/duration/DurationParser.java. Let me find where units are "
             "matched and where the unknown-unit error is built.",
             "search", 160, pattern="unknown unit|case \"", path="src/main"),
        turn("Units are matched in a `switch` in `toDuration`, and the error message lists `h, m, s or ms`. I'll "
             "read the whole file before changing it.",
             "read_file", 710, path="src/main/java/org/example/duration/DurationParser.java"),
        turn("Plan: add `case \"d\"` returning `Duration.ofDays(amount)` at the top of the switch (the input is "
             "already lower-cased, so `D` works too), and add `d` to the list in the unknown-unit message.",
             "apply_patch", 200,
             patch="""*** Begin Patch
*** Update File: src/main/java/org/example/duration/DurationParser.java
@@ private static Duration toDuration(long amount, String unit, String text) {
         switch (unit) {
+            case "d":
+                return Duration.ofDays(amount);
             case "h":
                 return Duration.ofHours(amount);
             case "m":
@@
                         "missing unit after " + amount + " in '" + text + "'");
             default:
-                throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "' (use h, m, s or ms)");
+                throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "' (use d, h, m, s or ms)");
         }
     }
 }
*** End Patch
"""),
        turn("Nothing was written: the second hunk was refused. The closest lines show the `throw` wrapped after "
             "`new IllegalArgumentException(` with the message on the next line, and I had joined the two. Resending "
             "both hunks with the lines exactly as they are in the file.",
             "apply_patch", 30,
             patch="""*** Begin Patch
*** Update File: src/main/java/org/example/duration/DurationParser.java
@@ private static Duration toDuration(long amount, String unit, String text) {
         switch (unit) {
+            case "d":
+                return Duration.ofDays(amount);
             case "h":
                 return Duration.ofHours(amount);
             case "m":
@@
                         "missing unit after " + amount + " in '" + text + "'");
             default:
                 throw new IllegalArgumentException(
-                        "unknown unit '" + unit + "' in '" + text + "' (use h, m, s or ms)");
+                        "unknown unit '" + unit + "' in '" + text + "' (use d, h, m, s or ms)");
         }
     }
 }
*** End Patch
"""),
        turn("The patch applied. Running the Maven test suite.", "run_tests", 20),
        turn("All 12 tests pass. `DurationParser` now accepts `d` for days (`\"2d4h\"` is 52 hours, and `\"1D 1h\"` "
             "works because the input is lower-cased first), and the unknown-unit error lists `d, h, m, s or ms`."),
    ],
}

CONTACTS = {
    "first_prompt": 2550,
    "turns": [
        turn("I'll look at the repository layout to see how the reader, the model and the vCard writer are split.",
             "list_files", 60),
        turn("Three modules are involved: contacts/model.py, contacts/csv_reader.py and contacts/vcard.py. Let me see "
             "where a `Contact` is built.",
             "search", 30, pattern="Contact\\(", path="contacts"),
        turn("The only `Contact(...)` call in the package is in `read_contacts`. I'll read the model first.",
             "read_file", 170, path="contacts/model.py"),
        turn("`Contact` is a frozen dataclass with `name`, `email` and `tags`; `phone` can be a new field with a "
             "`None` default after `tags`. Now the reader.",
             "read_file", 460, path="contacts/csv_reader.py"),
        turn("The reader maps lower-cased column names to the header's spelling in `columns`. Last, the vCard writer.",
             "read_file", 260, path="contacts/vcard.py"),
        turn("Plan, in one patch over the three files: a `phone: str | None = None` field on `Contact`; the reader "
             "strips the `phone` cell and turns an empty one into `None`; the writer adds "
             "`TEL;TYPE=CELL:<number>` right after the EMAIL line only when there is a phone.",
             "apply_patch", 40,
             patch="""*** Begin Patch
*** Update File: contacts/model.py
@@ class Contact:
-    \"\"\"One person: a display name, an email address and free-form tags.\"\"\"
+    \"\"\"One person: a display name, an email address, free-form tags and an optional phone.\"\"\"
 
     name: str
     email: str
     tags: tuple = field(default_factory=tuple)
+    phone: str | None = None
 
     @property
     def family_name(self):
*** Update File: contacts/csv_reader.py
@@
 \"\"\"Read contacts from CSV with a header row.
 
-Required columns: ``name`` and ``email``. Optional: ``tags`` (separated by ``;``).
+Required columns: ``name`` and ``email``. Optional: ``tags`` (separated by ``;``) and ``phone``.
 Column names are case-insensitive and may appear in any order; unknown columns are ignored.
 \"\"\"
 
@@ def read_contacts(lines):
         if "@" not in email:
             raise CsvFormatError(f"row {row_number}: {email!r} is not an email address")
         tags = _split_tags(row.get(columns.get("tags", ""), ""))
-        contacts.append(Contact(name=name, email=email, tags=tags))
+        phone = (row[columns["phone"]] or "").strip() or None
+        contacts.append(Contact(name=name, email=email, tags=tags, phone=phone))
     return contacts
 
 
*** Update File: contacts/vcard.py
@@ def to_vcard(contact):
         f"N:{_escape(contact.family_name)};{_escape(contact.given_name)};;;",
         f"EMAIL;TYPE=INTERNET:{_escape(contact.email)}",
     ]
+    if contact.phone:
+        lines.append(f"TEL;TYPE=CELL:{_escape(contact.phone)}")
     if contact.tags:
         lines.append("CATEGORIES:" + ",".join(_escape(tag) for tag in contact.tags))
     lines.append("END:VCARD")
*** End Patch
"""),
        turn("All three files changed. Running the tests.", "run_tests", 1700),
        turn("The vCard tests pass now, but every CSV without a `phone` column fails with `KeyError: 'phone'`: I "
             "read the cell with `row[columns[\"phone\"]]` like the required columns, but `phone` is optional. I'll "
             "read it the way `tags` is read, with `.get` on both lookups.",
             "apply_patch", 20,
             patch="""*** Begin Patch
*** Update File: contacts/csv_reader.py
@@ def read_contacts(lines):
         if "@" not in email:
             raise CsvFormatError(f"row {row_number}: {email!r} is not an email address")
         tags = _split_tags(row.get(columns.get("tags", ""), ""))
-        phone = (row[columns["phone"]] or "").strip() or None
+        phone = (row.get(columns.get("phone", ""), "") or "").strip() or None
         contacts.append(Contact(name=name, email=email, tags=tags, phone=phone))
     return contacts
 
*** End Patch
"""),
        turn("Applied. Running the whole suite again.", "run_tests", 20),
        turn("All 14 tests pass. `Contact` has an optional `phone` (default `None`); `read_contacts` reads the "
             "optional `phone` column, trimmed, with a missing column or an empty cell giving `None`; and `to_vcard` "
             "writes `TEL;TYPE=CELL:<number>` right after the EMAIL line, and no TEL line when there is no phone."),
    ],
}

PROJECTS = {"js-money": JS_MONEY, "java-duration": JAVA_DURATION, "python-contacts-multifile": CONTACTS}


def round10(value):
    return int(round(value / 10.0)) * 10


def build(conversation):
    lines = []
    prompt = conversation["first_prompt"]
    cached = 0
    turns = conversation["turns"]
    for i, step in enumerate(turns):
        reply = {"content": step["content"]}
        if step["tool"]:
            reply["tool_calls"] = [{"id": f"call_{i + 1}", "name": step["tool"], "arguments": step["arguments"]}]
        else:
            if i != len(turns) - 1:
                raise ValueError("only the last turn may end without a tool call")
            reply["finish_reason"] = "stop"
        written = len(step["content"]) + len(json.dumps(step["arguments"], ensure_ascii=False))
        completion = round10(written / 4 + 20)
        reply["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion, "cached_tokens": cached}
        lines.append({
            "note": f"hand-written tool-loop turn {i + 1} (not a recording of a live model)",
            "expect": {"model": "gpt-4.1", "messages": 2 + 2 * i, "tools": TOOLS},
            "reply": reply,
        })
        cached = (prompt // 128) * 128
        prompt = round10(prompt + completion + step["result_tokens"])
    return lines


def main():
    for name, conversation in PROJECTS.items():
        lines = build(conversation)
        target = HERE / name / "cassette-tools.jsonl"
        target.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        print(f"{name}: {len(lines)} turns -> {target}")


if __name__ == "__main__":
    main()
