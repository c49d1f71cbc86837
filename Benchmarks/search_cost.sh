#!/usr/bin/env bash
# What search adds to a build, on the generated corpus:
#   1. praktika build --no-search;
#   2. praktika build with search (Pagefind over lean copies of the indexed pages);
#   3. Pagefind alone over the full pages of run 1 (how praktika ran it before).
# Each run writes into a new folder; GNU time gives wall time, CPU time and peak RSS.
#
#   N=2000 PRAKTIKA=.build/release/praktika Benchmarks/search_cost.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
n="${N:-2000}"
work="${WORK:-/tmp/praktika-bench}/search-$n"
praktika="${PRAKTIKA:-$here/../.build/release/praktika}"
pagefind="${PAGEFIND:-$(python3 -c 'import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))')}"
mkdir -p "$work"
[ -d "$work/corpus/content" ] || python3 "$here/generate_corpus.py" --practices "$n" --out "$work/corpus" > /dev/null
rm -rf "$work"/out-* "$work"/index-full
echo "N=$n, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() { local label="$1"; shift; /usr/bin/time -f "$label: %e s wall, %U+%S s CPU, %M KB peak" "$@" > /dev/null; }
timed "praktika build --no-search" "$praktika" build "$work/corpus" --output "$work/out-nosearch" --no-search --no-pdf
timed "praktika build with search" "$praktika" build "$work/corpus" --output "$work/out-search" --no-pdf
timed "Pagefind alone over the full pages" "$pagefind" --site "$work/out-nosearch" --output-path "$work/index-full" --quiet
echo "site: $(du -sm "$work/out-nosearch" | cut -f1) MB; index: $(find "$work/out-search/pagefind" -type f | wc -l) files; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"/out-* "$work"/index-full
