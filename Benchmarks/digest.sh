#!/usr/bin/env bash
# The printed digest's cost: praktika's own part (checks, selection, print
# HTML, QR codes) against WeasyPrint laying out the same HTML.
#
#   Benchmarks/digest.sh [N]      # N practices in the digest (default 100)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
n="${1:-100}"
work="${WORK:-/tmp/praktika-bench}/digest-$n"
praktika="${PRAKTIKA:-$repo/.build/release/praktika}"
[ -x "$praktika" ] || (cd "$repo" && swift build -c release --product praktika >&2)

mkdir -p "$work"
if [ ! -d "$work/site/content" ]; then
  python3 "$here/generate_corpus.py" --practices "$n" --out "$work/site" >&2
fi
mkdir -p "$work/site/content/digests"
cat > "$work/site/content/digests/all.yaml" <<YAML
title: Сборник практик
subtitle: Все опубликованные практики
date: 2026-12-01
select:
  status: [published, recommended]
order: by-school
intro: Сборник для участников семинара.
YAML

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
runs=3
own=(); weasy=(); total=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  PRAKTIKA_WEASYPRINT="" "$praktika" digest all "$work/site" --output "$work/all.pdf" >/dev/null
  own+=("$(echo "$(date +%s.%N) - $start" | bc)")
  start=$(date +%s.%N)
  weasyprint --quiet --base-url "file://$work/site/content/.digest/all/print.html" "$work/all.html" "$work/weasy.pdf"
  weasy+=("$(echo "$(date +%s.%N) - $start" | bc)")
  start=$(date +%s.%N)
  "$praktika" digest all "$work/site" --output "$work/all.pdf" >/dev/null 2>&1
  total+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
pages=$(pdfinfo "$work/all.pdf" | awk '/^Pages:/ {print $2}')
o=$(printf '%s\n' "${own[@]}" | median); w=$(printf '%s\n' "${weasy[@]}" | median); t=$(printf '%s\n' "${total[@]}" | median)
echo "| practices | pages | praktika alone | WeasyPrint alone | praktika digest (total) | praktika share | total / WeasyPrint |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %s | %.2f s | %.2f s | %.2f s | %.1f %% | %.3f |\n' "$n" "$pages" "$o" "$w" "$t" "$(echo "100 * $o / $t" | bc -l)" "$(echo "$t / $w" | bc -l)"
