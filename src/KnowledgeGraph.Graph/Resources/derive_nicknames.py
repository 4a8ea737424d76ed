#!/usr/bin/env python3
"""Derives nicknames.tsv (formal first name, TAB, a short form of it) from carltonnorthern/nicknames names.csv
(Apache-2.0; each line a name and the names related to it). Usage: python3 derive_nicknames.py names.csv > nicknames.tsv

A pair (F, N) is kept when F's own line lists N, N is shorter than F, F is no short form itself (no longer name's line
lists it) and N is no formal name of its own (its own line, if any, lists no shorter name that F's line leaves out): "james" -> "jim",
"william" -> "bill", "robert" -> "bob"; not "patrick" -> "peter" (peter has short forms of its own), not "bill" ->
"robert" (only the formal name's line counts).
"""
import sys

rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    names = [n.strip().lower() for n in line.strip().split(",") if n.strip()]
    if len(names) < 2:
        continue
    rows.setdefault(names[0], []).extend(n for n in names[1:] if n != names[0])

short_forms = {n for head, related in rows.items() for n in related if len(n) < len(head)}
def own_short_forms(name, formal):
    """Short forms of the name that the formal name's line does not list: it is a formal name of its own."""
    return any(len(n) < len(name) and n not in rows[formal] for n in rows.get(name, []))

pairs = set()
for formal, related in rows.items():
    if formal in short_forms or not formal.isalpha():
        continue
    for nick in related:
        if nick.isalpha() and len(nick) < len(formal) and not own_short_forms(nick, formal):
            pairs.add((formal, nick))
sys.stdout.write("# formal\tshort form (derived from carltonnorthern/nicknames names.csv, Apache-2.0; see NOTICE)\n")
for formal, nick in sorted(pairs):
    sys.stdout.write(f"{formal}\t{nick}\n")
