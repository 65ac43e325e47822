#!/usr/bin/env bash
# A million articles: the Reuters 2006-2013 corpus laid out TIMES times under
# distinct paths on a scratch disk, indexed once by morgue and compared with
# one copy indexed in the same run: index time (should grow at most
# linearly), peak memory (should stay within the same bound), size, and the
# in-process medians of the rare-term and the date-ranged quote queries.
#
#   benches/million.sh [SCRATCH] [TIMES]
#
# SCRATCH defaults to /tmp/morgue-million (needs about 9 GB: 3.4 GB of
# copies and the index); TIMES to 10. Nothing is written to the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${1:-/tmp/morgue-million}"
times="${2:-10}"
[[ -x $here/../shared/tools/corpus ]] || { echo "../shared is absent: no corpus to lay out" >&2; exit 2; }
src="$("$here/../shared/tools/corpus" reuters-financial-2006-2013)/ReutersNews106521"
bin="$here/target/release/morgue"
(cd "$here" && cargo build --release --quiet)

mkdir -p "$scratch/corpus"
for i in $(seq 1 "$times"); do
  dest="$scratch/corpus/copy-$i"
  [[ -d $dest ]] || { echo "laying out copy $i of $times"; cp -r "$src" "$dest"; }
done
# Warm the page cache, as the baselines' figures are warm.
find "$scratch/corpus" -type f -print0 | xargs -0 cat >/dev/null

measure() { # name index-dir corpus-dir
  rm -rf "$2"
  /usr/bin/time -f "%e %M" -o "$scratch/$1.time" "$bin" --index "$2" index -q "$3" 2>"$scratch/$1.log" || true
  read -r wall rss < <(tail -n 1 "$scratch/$1.time")
  size=$(du -sm "$2" | cut -f1)
  echo "$1 $wall $rss $size"
}
one=$(measure one "$scratch/index-one" "$scratch/corpus/copy-1")
all=$(measure all "$scratch/index-all" "$scratch/corpus")

queries="$scratch/queries.tsv"
printf 'quarantine\t\t\nquarantine\t2008-09-01\t2008-09-30\nlehman\t2008-09-01\t2008-09-30\n' >"$queries"
bench() { # index-dir [--quotes]
  "$bin" --index "$1" bench -n 10 --runs 20 --queries "$queries" "${@:2}" | awk -F'\t' 'NR>1 && $1 ~ /^[0-9]+$/ {printf "%s%s(%s) %s µs", sep, $5, ($6 == "" ? "all" : $6), $1; sep="; "}'
}

read -r _ w1 r1 s1 <<<"$one"
read -r _ wn rn sn <<<"$all"
docs=$("$bin" --index "$scratch/index-all" status | awk '/^articles:/ {print $2, "articles,", $4, "quotes"}')
echo
echo "| index | articles | wall | peak RSS | size |"
echo "|---|---|---|---|---|"
echo "| 1 copy | $("$bin" --index "$scratch/index-one" status | awk '/^articles:/ {print $2}') | ${w1} s | $((r1 / 1024)) MB | ${s1} MB |"
echo "| $times copies | ${docs} | ${wn} s | $((rn / 1024)) MB | ${sn} MB |"
awk -v a="$wn" -v b="$w1" -v t="$times" 'BEGIN {printf "\nindex time x%.2f for x%d the articles (goal: at most x%.1f)\n", a / b, t, t * 1.05}'
echo
echo "in-process medians, top 10 fetched, on $times copies:"
echo "  articles: $(bench "$scratch/index-all")"
echo "  quotes:   $(bench "$scratch/index-all" --quotes)"
echo
echo "copies and indexes left in $scratch (rm -rf it when done)"
