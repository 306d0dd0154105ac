"""notes: keep short notes in a JSON file and show them in the terminal."""

import argparse
import json
import os
import sys
from datetime import datetime, timezone

from notes.display import bullet_list, indent_block, truncate, wrap_paragraphs

DEFAULT_STORE = os.path.expanduser("~/.notes.json")


def load(store):
    if not os.path.exists(store):
        return []
    with open(store, encoding="utf-8") as handle:
        return json.load(handle)


def save(store, notes):
    tmp = store + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(notes, handle, indent=2, ensure_ascii=False)
    os.replace(tmp, store)


def cmd_add(args):
    notes = load(args.store)
    notes.append({
        "text": " ".join(args.text),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    })
    save(args.store, notes)
    print(f"note {len(notes)} saved")


def cmd_list(args):
    notes = load(args.store)
    if not notes:
        print("no notes yet")
        return
    print(bullet_list([f"{i}. {truncate(n['text'], 60)}" for i, n in enumerate(notes, 1)]))


def cmd_show(args):
    notes = load(args.store)
    if not 1 <= args.number <= len(notes):
        sys.exit(f"notes: there is no note {args.number} (have {len(notes)})")
    note = notes[args.number - 1]
    print(note["created"])
    print(indent_block(wrap_paragraphs(note["text"])))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="notes", description=__doc__)
    parser.add_argument("--store", default=DEFAULT_STORE)
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add")
    add.add_argument("text", nargs="+")
    add.set_defaults(run=cmd_add)
    sub.add_parser("list").set_defaults(run=cmd_list)
    show = sub.add_parser("show")
    show.add_argument("number", type=int)
    show.set_defaults(run=cmd_show)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
