"""Parses a caption file with a real third-party parser and prints its entries as JSON.

Usage: parse_captions.py srt|vtt FILE
Prints [[number, start_ms, end_ms, "text with lines joined by spaces"], ...].
Exit 3 if the parser module is missing, 1 if the file does not parse.
"""
import json
import sys

kind, path = sys.argv[1], sys.argv[2]
try:
    if kind == "srt":
        import srt
    else:
        import webvtt
except ImportError as e:
    print(e, file=sys.stderr)
    sys.exit(3)

entries = []
if kind == "srt":
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    for s in srt.parse(data, ignore_errors=False):
        entries.append([s.index, round(s.start.total_seconds() * 1000),
                        round(s.end.total_seconds() * 1000), " ".join(s.content.splitlines())])
else:
    for i, c in enumerate(webvtt.read(path)):
        entries.append([int(c.identifier) if c.identifier else i + 1,
                        round(c.start_in_seconds * 1000), round(c.end_in_seconds * 1000),
                        " ".join(c.text.splitlines())])
print(json.dumps(entries))
