#!/usr/bin/env bash
# Build the seed corpus of the parse_file fuzz target in fuzz/corpus/parse_file
# from tests/fixtures/formats and a few files of sample-corpus.
# Each seed is two selector bytes (extension, folder; see
# fuzz_targets/parse_file.rs) followed by the file's bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/corpus/parse_file"
mkdir -p "$out"

ext_byte() {
  case "$1" in
    *.txt) echo 0 ;; *.md) echo 1 ;; *.json) echo 2 ;; *.ndjson) echo 3 ;;
    *.html) echo 4 ;; *) echo 5 ;;
  esac
}
folder_byte() {
  case "$1" in
    */dashed/*) echo 3 ;; */business/*) echo 2 ;; */sample-corpus/*) echo 1 ;; *) echo 0 ;;
  esac
}

n=0
while IFS= read -r -d '' f; do
  name="$(echo "${f#"$root"/}" | tr '/' '_')"
  {
    printf "\\x$(printf %02x "$(ext_byte "$f")")\\x$(printf %02x "$(folder_byte "$f")")"
    cat "$f"
  } >"$out/$name"
  n=$((n + 1))
done < <(
  find "$root/tests/fixtures/formats" -type f -print0
  find "$root/sample-corpus" -type f -name '*.txt' -print0 | sort -z | head -z -n 8
)
echo "$n seeds in $out"
