#!/usr/bin/env bash
# Measures a re-index with nothing changed against a bare walk that stats
# every file, in one run on one machine, then checks that after changing one
# file only that file is parsed again.
#
#   benches/reindex.sh [CORPUS_DIR] [INDEX_DIR] [RUNS]
#
# CORPUS_DIR defaults to the Reuters 2006-2013 corpus from ../shared
# (unpacked with ../shared/tools/corpus); INDEX_DIR to /tmp/morgue-reindex-bench.
# The corpus is copied to a scratch folder first, since one file is changed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${3:-5}"
src="${1:-}"
if [[ -z $src ]]; then
  [[ -x $here/../shared/tools/corpus ]] || { echo "no corpus given and ../shared is absent" >&2; exit 2; }
  src="$("$here/../shared/tools/corpus" reuters-financial-2006-2013)/ReutersNews106521"
fi
idx="${2:-/tmp/morgue-reindex-bench}"
work="$idx-corpus"
bin="$here/target/release/morgue"
(cd "$here" && cargo build --release --quiet)

if [[ ! -d $work ]]; then
  echo "copying $src to $work"
  cp -r "$src" "$work"
fi
if [[ ! -e $idx/current ]]; then
  echo "building the index once"
  "$bin" --index "$idx" index -q "$work" || true   # exit 1: the corpus has empty files
fi
cat "$(find "$work" -type f | head -1)" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }

find_times=(); morgue_times=()
for ((i = 0; i < runs; i++)); do
  find_times+=("$(time_it find "$work" -type f -printf '%s %T@\n')")
  morgue_times+=("$(time_it "$bin" --index "$idx" index -q)")
done
f=$(printf '%s\n' "${find_times[@]}" | median)
m=$(printf '%s\n' "${morgue_times[@]}" | median)
files=$(find "$work" -type f | wc -l)
echo
echo "files: $files, runs: $runs (medians)"
printf 'bare walk (find -printf size,mtime): %.3f s\n' "$f"
printf 'morgue index, nothing changed:      %.3f s  (%.2fx the walk)\n' "$m" "$(echo "$m / $f" | bc -l)"

one=$(find "$work" -type f -size +1k | sort | sed -n 1p)
echo " " >>"$one"
summary=$("$bin" --index "$idx" index --json || true)
echo "after appending to one file: $summary"
touch "$(find "$work" -type f -size +1k | sort | sed -n 2p)"
summary=$("$bin" --index "$idx" index --json || true)
echo "after touching another (same content): $summary"
