#!/usr/bin/env python3
"""Builds testrepos/<name>/cassette.jsonl from testrepos/<name>/replies/N.md.

The replies were written by the ratchet team in the style of GPT-4.1 (no machine of ours reaches
the OpenAI API), so these cassettes are hand-written, not recordings; `ratchet demo` says so.
Each line uses the cassette's hand-written reply form (see dev.ratchet.model.Cassette), with the
request it must answer (model and message count) and token usage estimated at 4 bytes per token.
Run it again after editing a reply:  python3 testrepos/make-cassettes.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
# The edit loop's first request holds the system prompt and one user message; each later request
# adds the previous reply and one feedback message.
FIRST_REQUEST_MESSAGES = 2


def main():
    for project in sorted(p for p in HERE.iterdir() if (p / "replies").is_dir()):
        replies = sorted((project / "replies").glob("*.md"), key=lambda p: int(p.stem))
        prompt = 1500 + sum(f.stat().st_size for f in (project / "repo").rglob("*") if f.is_file()) // 4
        lines = []
        for i, reply in enumerate(replies):
            text = reply.read_text(encoding="utf-8")
            completion = max(1, len(text.encode("utf-8")) // 4)
            cached = (prompt // 128) * 128 if i > 0 else 0
            lines.append(json.dumps({
                "note": f"hand-written reply {reply.name} (not a recording of a live model)",
                "expect": {"model": "gpt-4.1", "messages": FIRST_REQUEST_MESSAGES + 2 * i},
                "reply": {"content": text, "finish_reason": "stop",
                          "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "cached_tokens": cached}},
            }, ensure_ascii=False))
            prompt += completion + 400
        (project / "cassette.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{project.name}: {len(lines)} replies -> {project / 'cassette.jsonl'}")


if __name__ == "__main__":
    main()
