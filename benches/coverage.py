#!/usr/bin/env python3
"""Field coverage of the clipping parser on real corpora.

Runs `morgue parse --json` over each folder given and prints, per corpus:
files, articles, failed files by reason kind, and the share of articles that
yield a date, a title, a non-empty body, a dateline and an author.

Two shares need a denominator of what the text actually holds:

* dateline: also given over the articles whose body *opens like a dateline*
  (an upper-case place, optional ", Qualifier", optional date, optional
  "(Agency)", then a dash or colon), judged here independently of the parser;
* author: also given over the files with a byline-like line in their first
  lines (`By Jane Doe`, `-- By Jane Doe`) or an author key (JSON, front
  matter, HTML meta), read from the raw file (a file-level check: in a JSON
  array or NDJSON file every record counts once any record has an author).

Usage:
    benches/coverage.py [--morgue target/release/morgue] [--markdown] \
        [--examples N] [NAME=]FOLDER [[NAME=]FOLDER ...]

Standard library only (python3 >= 3.8).
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time

# `morgue parse` error text -> ParseError::kind() (plus the reader's reasons).
ERROR_KINDS = [
    (re.compile(r"^the file is empty"), "empty"),
    (re.compile(r"^the file is binary"), "binary"),
    (re.compile(r"^the text encoding"), "encoding"),
    (re.compile(r"^no title"), "missing-title"),
    (re.compile(r"^line \d+: malformed header"), "bad-header"),
    (re.compile(r"^(line \d+: )?invalid date"), "bad-date"),
    (re.compile(r"^date .* out of the accepted range"), "date-out-of-range"),
    (re.compile(r"^JSON:"), "json"),
    (re.compile(r"^unrecognised format"), "unrecognised"),
    (re.compile(r"^larger than the size limit"), "too-large"),
    (re.compile(r"^cannot read"), "unreadable"),
]

# Month names as wire copy types them: any case, abbreviated ("FEb", "APR",
# "Sept.", Spanish "ABR"); typos beyond the first three letters pass too.
MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|abr|ago|dic|ene)[a-z]*)\.?"
# A day, typos included ("2O", "l7").
DAY = r"(?:\d[\dOl]{0,2}|[Ol]\d)"
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # ASCII and Latin-1 capitals
# An upper-case place word ("NEW", "ST.", "D.C.", "O'HARE", "WINSTON-SALEM").
CAPS_WORD = rf"[{UPPER}][{UPPER}.'\u2019-]*[{UPPER}.]"
# A capitalised word ("Belgium", "Calif.", "N.J.").
CAP_WORD = rf"[{UPPER}][^\W\d_]*(?:[.'\u2019-][^\W\d_]*)*\.?"
# Any word ("york" in "New york", "paz" in "La paz").
ANY_WORD = r"[^\W\d_]+(?:[.'\u2019-][^\W\d_]*)*\.?"
# Qualifiers, date and agency tag between the place and the separator.
_QUALIFIERS = rf"(?:\s*,\s*(?:the )?{CAP_WORD}(?: {CAP_WORD}){{0,2}}){{0,2}}"
_DATE = (
    rf"\s*,?\.?\s*(?:-\s+)?(?:{MONTH},?\s+{DAY}|{DAY}\s+{MONTH})(?:,?\s+\d{{4}})?"
)
_AGENCY = r"(?:\s*\([A-Za-z][^)\n]{0,30}\)|\s*\(Reuters\b|\s*,?\s*Reuters?\)?)"
_SEPARATOR = (
    # a hyphen needs a space after it ("US-German" is a word), a dash need not
    r"(?:\s*,?\s*(?:--?\s|[\u2014\u2013]\s*(?=\S)|:\s)"
    # after an agency tag: "(Reuters) -JPMorgan", "NEW YORK (Reuters) Apple said"
    r"|(?<=\))\s*-(?=[A-Z])|(?<=\))\s+(?=[A-Z]))"
)
DATELINE_LIKE = re.compile(
    # leading debris: "****", a stray "c " or "0 "
    r"^[\s*]*(?:[a-z0-9] (?=[A-Z]))?(?:"
    # "NEW YORK/LONDON, Nov 29 (Reuters) -": ALL-CAPS place, the rest optional
    rf"{CAPS_WORD}(?: {CAPS_WORD}){{0,4}}"
    rf"(?:{_QUALIFIERS}\s*/\s*{CAPS_WORD}(?: {CAPS_WORD}){{0,4}})*"
    rf"{_QUALIFIERS}(?:{_DATE})?(?:{_AGENCY})?{_SEPARATOR}"
    # "Berlin, Dec 12 (dpa) -", "La paz, march 4 -": other places need a date
    # or an agency tag
    rf"|{ANY_WORD}(?: {ANY_WORD}){{0,2}}{_QUALIFIERS}"
    rf"(?:{_DATE}(?:{_AGENCY})?|{_AGENCY}){_SEPARATOR}"
    # "Miami: ...", "New Delhi: ...": the colon form
    rf"|{CAP_WORD}(?: {CAP_WORD}){{0,2}}: "
    r")"
)
# "By Jane Doe" / "-- By  Jane Doe" at the start of a line ("by" in lower
# case starts too many wrapped lines: "by December 1."; "By April 15" is a date).
BYLINE_LINE = re.compile(rf"^\s*(?:--\s*)?(?:By|BY)\s+(?!{MONTH},?\s+\d)[A-Z]\w", re.M)
AUTHOR_KEY = re.compile(
    r"""(?ix)
    ^\s*(?:author|authors|byline|creator)\s*:          # YAML front matter
    | "(?:author|authors|byline|creator|by)"\s*:\s*(?!null|\[\s*\]|""|\{\s*\})\S  # JSON, not empty
    | <meta[^>]+(?:name|property)=["'](?:author|article:author|byl|dc\.creator)["']
    """,
    re.M,
)
FIELDS = ["date", "title", "body", "dateline", "author"]


def error_kind(message):
    for pattern, kind in ERROR_KINDS:
        if pattern.search(message):
            return kind
    return "other"


def dateline_like(body):
    """True when the body's first paragraph opens like a dateline."""
    first = body.split("\n\n", 1)[0]
    return DATELINE_LIKE.match(first[:200]) is not None


def raw_has_byline(path, cache):
    """A byline-like line or an author key near the start of the raw file."""
    if path in cache:
        return cache[path]
    try:
        with open(path, "rb") as f:
            head = f.read(16384)
    except OSError:
        head = b""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    lines = "\n".join(text.splitlines()[:40])
    found = bool(BYLINE_LINE.search(lines) or AUTHOR_KEY.search(text))
    cache[path] = found
    return found


class Stats:
    def __init__(self, name, folder):
        self.name = name
        self.folder = folder
        self.files = set()
        self.failed_files = set()
        self.articles = 0
        self.failures = collections.Counter()
        self.failure_example = {}
        self.has = collections.Counter()
        self.formats = collections.Counter()
        self.dateline_like = 0
        self.dateline_like_found = 0
        self.dateline_unlike_found = 0
        self.bylined = 0
        self.bylined_found = 0
        self.seconds = 0.0
        # (what is missing) -> [(path, opening of the body)], for --examples
        self.misses = collections.defaultdict(list)

    def miss(self, what, path, body, limit):
        if len(self.misses[what]) < limit:
            self.misses[what].append((path, body[:120].replace("\n", " ")))

    def add_line(self, obj, byline_cache, limit=0):
        path = obj.get("path", "")
        self.files.add(path)
        if "error" in obj:
            kind = error_kind(obj["error"])
            self.failed_files.add(path)
            self.failures[kind] += 1
            self.failure_example.setdefault(kind, (path, obj["error"]))
            return
        self.articles += 1
        self.formats[obj.get("format") or "?"] += 1
        body = obj.get("body") or ""
        got = {
            "date": bool(obj.get("date")),
            "title": bool((obj.get("title") or "").strip()),
            "body": bool(body.strip()),
            "dateline": bool(obj.get("dateline")),
            "author": bool(obj.get("author")),
        }
        for field, ok in got.items():
            self.has[field] += ok
            if not ok and field in ("date", "title", "body"):
                self.miss(f"no {field}", path, body, limit)
        if dateline_like(body):
            self.dateline_like += 1
            self.dateline_like_found += got["dateline"]
            if not got["dateline"]:
                self.miss("dateline-like opening, no dateline", path, body, limit)
        else:
            self.dateline_unlike_found += got["dateline"]
            if got["dateline"]:
                self.miss(f"dateline {obj['dateline']!r} in an opening not judged dateline-like",
                          path, body, limit)
        if raw_has_byline(path, byline_cache):
            self.bylined += 1
            self.bylined_found += got["author"]
            if not got["author"]:
                self.miss("byline in the file, no author", path, body, limit)

    def share(self, field):
        return pct(self.has[field], self.articles)

    def as_dict(self):
        return {
            "corpus": self.name,
            "folder": self.folder,
            "files": len(self.files),
            "failed_files": len(self.failed_files),
            "articles": self.articles,
            "formats": dict(self.formats),
            "failures": dict(self.failures),
            "failure_examples": {
                k: {"path": p, "error": e} for k, (p, e) in self.failure_example.items()
            },
            "with": {f: self.has[f] for f in FIELDS},
            "dateline_like_openings": self.dateline_like,
            "datelines_of_dateline_like": self.dateline_like_found,
            "datelines_elsewhere": self.dateline_unlike_found,
            "bylined": self.bylined,
            "authors_of_bylined": self.bylined_found,
            "seconds": round(self.seconds, 1),
        }


def pct(n, d):
    return None if d == 0 else 100.0 * n / d


def fmt_pct(n, d):
    p = pct(n, d)
    return "-" if p is None else f"{p:.2f}% ({n}/{d})"


def run_corpus(morgue, name, folder, limit):
    stats = Stats(name, folder)
    byline_cache = {}
    started = time.monotonic()
    proc = subprocess.Popen(
        [morgue, "parse", "--json", folder],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    for line in proc.stdout:
        line = line.strip()
        if line:
            stats.add_line(json.loads(line), byline_cache, limit)
    stderr = proc.stderr.read()
    code = proc.wait()
    stats.seconds = time.monotonic() - started
    # Exit code 1 only says that some files failed: they are counted above.
    if code not in (0, 1):
        sys.exit(f"coverage: {morgue} parse --json {folder} exited {code}: {stderr.strip()}")
    return stats


def print_text(s):
    print(f"== {s.name}: {s.folder}")
    print(f"files     {len(s.files)}  ({len(s.failed_files)} failed)   parse time {s.seconds:.1f}s")
    print(f"articles  {s.articles}   formats: " + ", ".join(
        f"{k} {v}" for k, v in s.formats.most_common()))
    if s.failures:
        print("failures  " + ", ".join(f"{k} {v}" for k, v in s.failures.most_common()))
        for kind, (path, error) in sorted(s.failure_example.items()):
            print(f"  e.g. {kind}: {path}: {error}")
    else:
        print("failures  none")
    for field in FIELDS:
        print(f"  {field:<9} {fmt_pct(s.has[field], s.articles)}")
    print(f"  dateline of dateline-like openings  {fmt_pct(s.dateline_like_found, s.dateline_like)}"
          f"   (datelines found in other openings: {s.dateline_unlike_found})")
    print(f"  author of files with a byline       {fmt_pct(s.bylined_found, s.bylined)}")
    for what, examples in s.misses.items():
        print(f"  examples: {what}")
        for path, opening in examples:
            print(f"    {path}: {opening}")
    print()


def print_markdown(all_stats):
    def cell(n, d):
        p = pct(n, d)
        return "-" if p is None else f"{p:.2f}%"

    head = ["corpus", "files", "failed", "articles", "date", "title", "body",
            "dateline", "dateline (of dateline-like)", "author", "author (of bylined)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for s in all_stats:
        row = [
            s.name,
            str(len(s.files)),
            ", ".join(f"{v} {k}" for k, v in s.failures.most_common()) or "0",
            str(s.articles),
        ]
        row += [cell(s.has[f], s.articles) for f in ["date", "title", "body", "dateline"]]
        row.append(f"{cell(s.dateline_like_found, s.dateline_like)} of {s.dateline_like}")
        row.append(cell(s.has["author"], s.articles))
        row.append(f"{cell(s.bylined_found, s.bylined)} of {s.bylined}")
        print("| " + " | ".join(row) + " |")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_morgue = os.path.join(os.path.dirname(here), "target", "release", "morgue")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="+", metavar="[NAME=]FOLDER",
                    help="folders to parse; NAME labels the corpus (default: the folder's name)")
    ap.add_argument("--morgue", default=default_morgue,
                    help="the morgue binary (default: target/release/morgue of this repository)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    ap.add_argument("--json", action="store_true", help="print one JSON object per corpus instead")
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="list N example paths of each kind of miss (no date, no dateline, ...)")
    args = ap.parse_args()
    if not os.access(args.morgue, os.X_OK):
        sys.exit(f"coverage: no morgue binary at {args.morgue} (cargo build --release, or --morgue PATH)")
    all_stats = []
    for spec in args.corpora:
        name, sep, folder = spec.partition("=")
        if not sep:
            folder = spec
            name = os.path.basename(os.path.normpath(spec))
        if not os.path.exists(folder):
            sys.exit(f"coverage: {folder}: no such file or folder")
        stats = run_corpus(args.morgue, name, folder, args.examples)
        all_stats.append(stats)
        if args.json:
            print(json.dumps(stats.as_dict()), flush=True)
        else:
            print_text(stats)
            sys.stdout.flush()
    if args.markdown and not args.json:
        print_markdown(all_stats)


if __name__ == "__main__":
    main()
