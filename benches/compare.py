#!/usr/bin/env python3
"""Side-by-side comparison of morgue with the baselines of ../shared/bench, in
one run on one machine (the machine is noisy: read the ratios).

    benches/compare.py [--corpus DIR] [--queries FILE] [--reps 3] [--qruns 20] [--qrounds 3]
                       [--fts5] [--out DIR] [--queries-only]

Defaults: the Reuters 2006-2013 corpus (unpacked with ../shared/tools/corpus)
and ../shared/bench/queries-financial.tsv. It builds morgue (release) and the
raw-tantivy baseline (into a scratch target dir, nothing is written to the
repository), indexes the corpus REPS times with each (page cache warm, the
indexers taking turns), then times every query in-process (median of QRUNS,
in QROUNDS rounds, each query answered by every tool in turn before the next:
the median of the rounds, and each ratio the median of the rounds' ratios;
morgue ranking a top 10 without fetching it, as the baseline does, and
counting alone, which scores nothing; with and without facets)
and as a whole process, and prints a markdown table of figures and ratios.
Queries both tools answer in under 50 us are timed again from whole
processes of 20,001 and 1 runs (their printed medians are whole microseconds).
With --fts5, the SQLite FTS5 baseline builds in the same turns and its
queries are timed in the same rounds (5 runs each). With --queries-only, the
queries are timed again on the indexes an earlier run left in --out. Standard
library only.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(HERE, "..", "shared"))


def run_timed(cmd, **kw):
    """Runs cmd, returns (wall seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, **kw)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"failed ({code}): {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def du_mb(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total / 1e6


def build(args):
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=HERE, check=True)
    raw_src = os.path.join(SHARED, "bench", "raw-tantivy")
    target = os.path.join(args.scratch, "raw-target")
    env = dict(os.environ, CARGO_TARGET_DIR=target)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path",
                    os.path.join(raw_src, "Cargo.toml")], env=env, check=True)
    return os.path.join(HERE, "target", "release", "morgue"), os.path.join(target, "release", "raw-tantivy")


def index_runs(indexers, reps, scratch):
    """Builds each index REPS times, the indexers taking turns (raw, morgue,
    morgue --no-quotes, raw, ...): the machine's load drifts over minutes, and
    alternating spreads it over all of them. indexers: name -> (folder prefix,
    command maker). Keeps the last build of each."""
    walls = {name: [] for name in indexers}
    rss = {name: [] for name in indexers}
    out = {}
    for i in range(reps):
        for name, (prefix, make_cmd) in indexers.items():
            dest = os.path.join(scratch, f"{prefix}-{i}")
            remove(dest)
            w, r, _ = run_timed(make_cmd(dest))
            walls[name].append(w)
            rss[name].append(r)
            size = du_mb(dest) if os.path.isdir(dest) else os.path.getsize(dest) / 1e6
            if i < reps - 1:
                remove(dest)
            out[name] = {"size": size, "dest": dest}
    for name in indexers:
        out[name].update(wall=statistics.median(walls[name]), runs=walls[name], rss=max(rss[name]))
    return out


def remove(dest):
    if os.path.isfile(dest):
        os.remove(dest)
    shutil.rmtree(dest, ignore_errors=True)


def parse_tsv(text):
    rows = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) >= 7 and cols[0].isdigit():
            rows.append({"median": int(cols[0]), "min": int(cols[1]), "hits": int(cols[3]), "q": cols[4],
                         "from": cols[5],
                         "to": cols[6]})
    return rows


def query_lines(path):
    """The query lines of a queries file (comments and blank lines left out)."""
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def query_rounds(measures, queries, n_rounds, scratch):
    """Times every query with every measure, in n_rounds rounds: within a
    round, query by query, every measure answers the query in turn. The
    machine's speed drifts within seconds (a tool timed over all its queries
    at once can meet a slow spell the other does not), so each query is timed
    by all the tools back to back. Returns measure -> rounds -> rows, a row
    per query in the file's order."""
    rounds = {name: [[] for _ in range(n_rounds)] for name in measures}
    qfile = os.path.join(scratch, "round-query.tsv")
    for r in range(n_rounds):
        for line in queries:
            with open(qfile, "w") as f:
                f.write(line + "\n")
            for name, cmd in measures.items():
                rounds[name][r] += parse_tsv(run_timed(cmd(qfile))[2])
    return rounds


def round_ratios(rounds, base_rounds):
    """Each query's ratio to the baseline: the median over the rounds of the
    two medians of a round, timed back to back (the machine's speed drifts
    between rounds more than within one)."""
    n = len(rounds[0])
    return [statistics.median(rnd[i]["median"] / max(b[i]["median"], 1)
                              for rnd, b in zip(rounds, base_rounds)) for i in range(n)]


def median_rows(rounds):
    """Each query's row of the first round, its median the median of the
    rounds' medians."""
    rows = [dict(r) for r in rounds[0]]
    for i, row in enumerate(rows):
        row["median"] = int(statistics.median(rnd[i]["median"] for rnd in rounds))
        row["min"] = min(rnd[i]["min"] for rnd in rounds)
    return rows


def process_time(cmd, runs):
    times = []
    for _ in range(runs + 2):
        w, _, _ = run_timed(cmd)
        times.append(w)
    return statistics.median(times[2:]) * 1000


def per_query_us(cmd_for_runs, runs=20001, rounds=3):
    """Mean time of one query in microseconds, finer than the tools' whole
    microsecond medians: a process answering the query `runs` times less one
    answering it once, over runs - 1, the median of `rounds` such pairs."""
    means = []
    for _ in range(rounds):
        one = run_timed(cmd_for_runs(1))[0]
        many = run_timed(cmd_for_runs(runs))[0]
        means.append((many - one) / (runs - 1) * 1e6)
    return statistics.median(means)


def fast_queries(raw, morgue, raw_dest, midx, queries_file, raw_rows, scratch):
    """For the queries both tools answer in under 50 us, where a whole
    microsecond is a fifth of the time, the mean from whole-process timing."""
    fast = [r for r in raw_rows if r["median"] < 50]
    if not fast:
        return
    print("\nQueries under 50 µs, mean of 20,000 runs from whole-process timing (3 rounds, median):\n")
    print("| query | range | raw | morgue | ratio |")
    print("|---|---|---|---|---|")
    for r in fast:
        qfile = os.path.join(scratch, "fast-query.tsv")
        with open(qfile, "w") as f:
            f.write(f"{r['q']}\t{r['from']}\t{r.get('to', '')}\n")
        raw_us = per_query_us(lambda n: [raw, "search", raw_dest, "--queries", qfile, "--runs", str(n)])
        m_us = per_query_us(lambda n: [morgue, "--index", midx, "bench", "-n", "10", "--ranked",
                                       "--queries", qfile, "--runs", str(n)])
        print(f"| `{r['q']}` | {'yes' if r['from'] else '-'} | {raw_us:.2f} µs | {m_us:.2f} µs | "
              f"{m_us / raw_us:.2f}x |")


def kept_indexes(indexers, args):
    """The indexes the last build of an earlier run left in --out."""
    res = {}
    for name, (prefix, _) in indexers.items():
        dest = os.path.join(args.scratch, f"{prefix}-{args.reps - 1}")
        if not os.path.exists(dest):
            sys.exit(f"--queries-only: no {dest} (run once without it, with the same --out and --reps)")
        res[name] = {"dest": dest}
    return res


def build_table(res, corpus, mb):
    """Prints the builds' figures and ratios."""
    base = res["raw-tantivy"]
    print(f"\nCorpus {corpus}: {mb:.1f} MB; {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}\n")
    print("| indexer | median wall | runs | MB/s | peak RSS | size | wall vs raw | size vs raw |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in res.items():
        runs = " ".join(f"{w:.1f}" for w in r["runs"])
        print(f"| {name} | {r['wall']:.2f} s | {runs} | {mb / r['wall']:.1f} | {r['rss']:.0f} MB | "
              f"{r['size']:.0f} MB | {r['wall'] / base['wall']:.2f}x | {r['size'] / base['size']:.2f}x |")
    if "fts5" in res:
        print(f"\nFTS5's build takes {res['fts5']['wall'] / res['morgue']['wall']:.2f}x morgue's in "
              f"this run ({res['fts5']['wall']:.2f} s against {res['morgue']['wall']:.2f} s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus")
    ap.add_argument("--queries", default=os.path.join(SHARED, "bench", "queries-financial.tsv"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--qruns", type=int, default=20)
    ap.add_argument("--qrounds", type=int, default=3,
                    help="rounds of the query measurements, taking turns (median of the rounds)")
    ap.add_argument("--fts5", action="store_true",
                    help="also build with the SQLite FTS5 baseline and time its queries, in the "
                         "same turns (slow)")
    ap.add_argument("--out", help="scratch folder for indexes (default: a temp dir)")
    ap.add_argument("--queries-only", action="store_true",
                    help="time the queries on the indexes an earlier run left in --out (no builds)")
    args = ap.parse_args()
    if not args.corpus:
        unpacked = subprocess.run([os.path.join(SHARED, "tools", "corpus"), "reuters-financial-2006-2013"],
                                  capture_output=True, text=True, check=True).stdout.strip()
        args.corpus = os.path.join(unpacked, "ReutersNews106521")
    args.scratch = args.out or tempfile.mkdtemp(prefix="morgue-compare-")
    os.makedirs(args.scratch, exist_ok=True)
    morgue, raw = build(args)
    subprocess.run(f"find '{args.corpus}' -type f -print0 | xargs -0 cat > /dev/null", shell=True)
    mb = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(args.corpus) for f in fs) / 1e6

    indexers = {
        "raw-tantivy": ("raw", lambda d: [raw, "index", args.corpus, d]),
        "morgue": ("morgue", lambda d: [morgue, "--index", d, "index", "-q", args.corpus]),
        "morgue --no-quotes": ("morgue-nq", lambda d: [morgue, "--index", d, "index", "-q",
                                                      "--no-quotes", args.corpus]),
    }
    if args.fts5:
        # In the same turns as the others: the machine's speed drifts.
        fts = os.path.join(SHARED, "bench", "fts5.py")
        indexers["fts5"] = ("fts5.db", lambda d: [sys.executable, fts, "index", args.corpus, d])
    if args.queries_only:
        res = kept_indexes(indexers, args)
    else:
        res = index_runs(indexers, args.reps, args.scratch)
        build_table(res, args.corpus, mb)
    base = res["raw-tantivy"]
    midx = res["morgue"]["dest"]
    runs = ["--runs", str(args.qruns)]
    # Like for like: raw tantivy ranks a top 10 and counts, so does `--ranked -n 10`; `-n 0`
    # counts without ranking (no scores), what a request for counts and facets alone does.
    facets = ["--facets", "speaker,dateline"]
    measures = {
        "raw": lambda f: [raw, "search", base["dest"], "--queries", f] + runs,
        "morgue": lambda f: [morgue, "--index", midx, "bench", "-n", "10", "--ranked", "--queries", f] + runs,
        "count": lambda f: [morgue, "--index", midx, "bench", "-n", "0", "--queries", f] + runs,
        "fetch": lambda f: [morgue, "--index", midx, "bench", "-n", "10", "--queries", f] + runs,
        "facets": lambda f: [morgue, "--index", midx, "bench", "-n", "10", "--ranked", "--queries", f]
        + facets + runs,
        "facets-count": lambda f: [morgue, "--index", midx, "bench", "-n", "0", "--queries", f]
        + facets + runs,
    }
    if "fts5" in res:
        # Its queries take up to a second: fewer runs, in the same turns.
        measures["fts5"] = lambda f: [sys.executable, os.path.join(SHARED, "bench", "fts5.py"), "search",
                                      res["fts5"]["dest"], "--queries", f, "--runs", str(min(args.qruns, 5))]
    rounds = query_rounds(measures, query_lines(args.queries), args.qrounds, args.scratch)
    raw_rows, m_rows, m_count, m_fetch, m_facets, m_fcount = (
        median_rows(rounds[n]) for n in list(measures)[:6])
    fts_rows = median_rows(rounds["fts5"]) if "fts5" in rounds else [None] * len(raw_rows)
    fts_head = " FTS5 hits | FTS5 | FTS5 / morgue |" if "fts5" in rounds else ""
    print("\n| query | range | raw hits | raw | morgue hits | morgue | ratio | best ratio | count only | "
          "+top 10 with snippets | +speaker,dateline facets | ratio | best ratio | facets, count only | "
          f"ratio |{fts_head}")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" + "---|" * fts_head.count("|"))
    ratios = {n: round_ratios(rounds[n], rounds["raw"]) for n in ("morgue", "facets", "facets-count")}
    rows = zip(raw_rows, m_rows, m_count, m_fetch, m_facets, m_fcount, fts_rows)
    for i, (r, m, mn, mf, mc, mcn, f) in enumerate(rows):
        fts = (f" {f['hits']} | {f['median']} µs | {f['median'] / max(m['median'], 1):.0f}x |"
               if f else "")
        ratio = lambda name: f"{ratios[name][i]:.2f}x"
        best = lambda x: f"{x['min'] / max(r['min'], 1):.2f}x"
        print(f"| `{r['q']}` | {'yes' if r['from'] else '-'} | {r['hits']} | {r['median']} µs | {m['hits']} | "
              f"{m['median']} µs | {ratio('morgue')} | {best(m)} | {mn['median']} µs | {mf['median']} µs | "
              f"{mc['median']} µs | {ratio('facets')} | {best(mc)} | {mcn['median']} µs | "
              f"{ratio('facets-count')} |{fts}")
    print("\nTimes: the median of the rounds' medians; ratios: the median of the rounds' ratios "
          "(each query timed by every tool back to back); best ratio: the fastest run of each "
          "over every round (the machine has slow spells of seconds, in which a run takes 2-3 "
          "times as long).")
    fast_queries(raw, morgue, base["dest"], midx, args.queries, raw_rows, args.scratch)
    ranged = next((r for r in raw_rows if r["from"]), None)
    if ranged:
        frm = ranged["from"]
        cli_m = process_time([morgue, "--index", midx, "search", "lehman", "--from", frm, "--to",
                              frm[:7], "--json"], 10)
        cli_r = process_time([raw, "search", base["dest"], "-q", "lehman", "--from", frm, "--to",
                              frm[:8] + "30", "--runs", "1", "--fetch"], 10)
        print(f"\nWhole process, `lehman` in {frm[:7]}, top 10 fetched: morgue search {cli_m:.1f} ms, "
              f"raw-tantivy {cli_r:.1f} ms (median of 10)")
    print(f"\nindexes left in {args.scratch}")


if __name__ == "__main__":
    main()
