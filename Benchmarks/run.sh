#!/usr/bin/env bash
# Build the same generated corpus with praktika and with Hugo and compare.
#
#   Benchmarks/run.sh                  # N = 1000 10000 50000
#   Benchmarks/run.sh "200 1000"       # other sizes
#   RUNS=5 Benchmarks/run.sh           # runs per tool and size (default 3)
#   SEARCH=off Benchmarks/run.sh       # the second row: no search index on either side
#
# Environment:
#   PRAKTIKA   praktika binary (default .build/release/praktika; built with
#              `swift build -c release` when it is the default and missing)
#   HUGO       hugo binary (default: hugo on PATH)
#   RUNS       builds per tool and size (default 3)
#   SEARCH     on (default): praktika's full build against Hugo followed by the
#              Pagefind CLI over Hugo's output, the stack a user would otherwise
#              pick; off: praktika --no-search against Hugo alone
#   WORK       where corpora and outputs go (default /tmp/praktika-bench)
#   SETTLE     seconds to wait before each run, after flushing the previous
#              run's output to disk (default 15)
#
# For each N the corpus is generated once into $WORK/corpus-N (reused while the
# generator is unchanged). Then praktika and Hugo builds alternate, RUNS each.
# Every run writes into a new, empty folder, and the outputs are deleted only
# when all runs of that N are done: ext4 without a journal (as on this
# machine) will not reuse an inode freed in the last 60 s (360 s while its
# inode-table block is dirty) and scans past every such inode for every file
# it makes, so a build started after the previous output was deleted paid
# seconds of system time for that deletion. Before the runs of an N start,
# the script waits until the last deletion it made is that old. Each run is
# measured by tree_time.py: wall-clock seconds, user+system CPU seconds, and
# the peak resident memory of the whole process tree at once (praktika and the
# Pagefind processes it runs beside each other, summed; Hugo, then Pagefind).
# The table shows medians.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
sizes="${1:-1000 10000 50000}"
runs="${RUNS:-3}"
settle="${SETTLE:-15}"
search="${SEARCH:-on}"
case "$search" in on|off) ;; *) echo "run.sh: SEARCH must be on or off" >&2; exit 1 ;; esac
# ext4 (no journal) keeps freed inodes from reuse for up to this long.
inode_quarantine=360
work="${WORK:-/tmp/praktika-bench}"
hugo_site="$here/hugo-site"
gnu_time=/usr/bin/time

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 1; }

install_debian() {
    # install_debian PACKAGE: only as root, through apt-get.
    if [ "$(id -u)" -ne 0 ]; then die "$1 is missing; install the Debian package '$1'"; fi
    say "installing Debian package $1 ..."
    apt-get install -y -q "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$1" >/dev/null; }
}

# --- tools -------------------------------------------------------------------
if ! "$gnu_time" -f '%e' true >/dev/null 2>&1; then install_debian time; fi
"$gnu_time" -f '%e' true >/dev/null 2>&1 || die "GNU time ($gnu_time) does not work"

hugo_bin="${HUGO:-hugo}"
if ! command -v "$hugo_bin" >/dev/null 2>&1; then
    [ -z "${HUGO:-}" ] || die "HUGO=$HUGO not found"
    install_debian hugo
fi

if [ -n "${PRAKTIKA:-}" ]; then
    praktika="$PRAKTIKA"
    [ -x "$praktika" ] || die "PRAKTIKA=$praktika is not an executable"
else
    praktika="$repo/.build/release/praktika"
    if [ ! -x "$praktika" ]; then
        say "building praktika (swift build -c release) ..."
        (cd "$repo" && swift build -c release >&2)
    fi
fi

pagefind_bin=""
if [ "$search" = on ]; then
    pagefind_bin="$(python3 -c "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))" 2>/dev/null)" \
        || die "SEARCH=on needs Pagefind: pip install pagefind-bin"
fi

mkdir -p "$work"
generator_stamp="$(sha256sum "$here/generate_corpus.py" | cut -c1-16)"

# --- helpers -------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure TOOL N RUN OUTDIR INPUTDIR CMD...: run once into the new folder
# OUTDIR, append "wall cpu peakKiB" to $work/results-TOOL-N
measure() {
    local tool="$1" n="$2" run="$3" out="$4" input="$5"; shift 5
    local log="$work/log-$tool-$n-$run.txt" tfile="$work/time-$tool-$n-$run.txt"
    [ ! -e "$out" ] || die "$out already exists"
    # The previous run's pages go to disk now, not during this run.
    sync
    sleep "$settle"
    # The machine reclaims idle page cache within seconds; read the tool's
    # input once so that both tools start from a warm cache.
    find "$input" -type f -print0 | xargs -0 cat >/dev/null
    if ! python3 "$here/tree_time.py" -o "$tfile" -- "$@" >"$log" 2>&1; then
        say "  $tool run $run FAILED on N=$n; last lines of $log:"
        tail -n 20 "$log" | sed 's/^/    /' >&2
        tail -n 3 "$tfile" | sed 's/^/    /' >&2
        touch "$work/failed-$tool-$n"
        return 0
    fi
    # the last line of the time file holds the numbers
    tail -n 1 "$tfile" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >>"$work/results-$tool-$n"
    local last; last="$(tail -n 1 "$work/results-$tool-$n")"
    say "  $tool run $run: wall ${last%% *} s, cpu $(echo "$last" | cut -d' ' -f2) s, peak $(echo "$last" | awk '{ printf "%.0f", $3 / 1024 }') MiB"
}

# remove_outputs: delete this script's build outputs and note when.
remove_outputs() {
    local found
    found="$(find "$work" -maxdepth 1 \( -name 'out-praktika-*' -o -name 'out-hugo-*' \) -print -quit)"
    [ -n "$found" ] || return 0
    find "$work" -maxdepth 1 \( -name 'out-praktika-*' -o -name 'out-hugo-*' \) -exec rm -rf {} +
    sync
    date +%s >"$work/.outputs-deleted-at"
}

# wait_for_quarantine: sleep until the last deletion of outputs is old
# enough that ext4 reuses those inodes without scanning past them.
wait_for_quarantine() {
    [ -f "$work/.outputs-deleted-at" ] || return 0
    local left=$(( $(cat "$work/.outputs-deleted-at") + inode_quarantine - $(date +%s) ))
    if [ "$left" -gt 0 ]; then
        say "  waiting ${left} s for the file system to release the inodes of deleted outputs ..."
        sleep "$left"
    fi
}

# need_space N: fail early when the outputs of all runs of N would not fit.
need_space() {
    # about 75 KB per practice from each tool, per run
    local need_kib=$(( $1 * 75 * 2 * runs ))
    local free_kib; free_kib=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
    [ "$free_kib" -gt "$need_kib" ] || die "N=$1 needs about $(( need_kib / 1048576 + 1 )) GiB free in $work for the outputs of $runs runs per tool; $(( free_kib / 1048576 )) GiB are free (lower RUNS or set WORK)"
}

# --- benchmark -------------------------------------------------------------------
table="| N | praktika wall (median) | hugo wall | ratio | praktika CPU | hugo CPU | praktika peak MiB | hugo peak MiB | ratio |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

for n in $sizes; do
    corpus="$work/corpus-$n"
    if [ -f "$corpus/.stamp" ] && [ "$(cat "$corpus/.stamp")" = "$generator_stamp" ]; then
        say "N=$n: reusing $corpus"
    else
        say "N=$n: generating corpus into $corpus ..."
        rm -rf "$corpus"
        start=$(date +%s.%N)
        python3 "$here/generate_corpus.py" --practices "$n" --out "$corpus" --hugo >&2
        say "  generated in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
        echo "$generator_stamp" >"$corpus/.stamp"
    fi
    rm -f "$work/results-praktika-$n" "$work/results-hugo-$n" "$work/failed-praktika-$n" "$work/failed-hugo-$n"
    remove_outputs
    need_space "$n"
    wait_for_quarantine
    # The Hugo site is styled with praktika's own stylesheet, copied at run time.
    mkdir -p "$hugo_site/static"
    cp "$repo/Sources/PraktikaKit/DefaultTheme/assets/style.css" "$hugo_site/static/style.css"
    for run in $(seq 1 "$runs"); do
        out_p="$work/out-praktika-$n-$run"
        out_h="$work/out-hugo-$n-$run"
        hugo_cmd=(env HUGO_RESOURCEDIR="$work/hugo-resources" "$hugo_bin" --source "$hugo_site"
                  --contentDir "$corpus/hugo-content" --destination "$out_h" --cacheDir "$work/hugo-cache" --noBuildLock --quiet)
        if [ "$search" = on ]; then
            # What users run: praktika's build with its search index, against
            # Hugo followed by the Pagefind CLI over Hugo's pages, timed as one.
            measure praktika "$n" "$run" "$out_p" "$corpus/content" "$praktika" build "$corpus" --output "$out_p"
            measure hugo "$n" "$run" "$out_h" "$corpus/hugo-content" sh -c 'site="$1"; shift; "$@" && "$0" --site "$site" --quiet' \
                "$pagefind_bin" "$out_h" "${hugo_cmd[@]}"
        else
            measure praktika "$n" "$run" "$out_p" "$corpus/content" "$praktika" build "$corpus" --output "$out_p" --no-search
            measure hugo "$n" "$run" "$out_h" "$corpus/hugo-content" "${hugo_cmd[@]}"
        fi
    done
    remove_outputs
    # a tool that failed any run gets "failed" instead of numbers
    for tool in praktika hugo; do
        if [ -f "$work/failed-$tool-$n" ]; then : >"$work/results-$tool-$n"; fi
        touch "$work/results-$tool-$n"
    done
    pw=$(cut -d' ' -f1 "$work/results-praktika-$n" | median)
    hw=$(cut -d' ' -f1 "$work/results-hugo-$n" | median)
    pc=$(cut -d' ' -f2 "$work/results-praktika-$n" | median)
    hc=$(cut -d' ' -f2 "$work/results-hugo-$n" | median)
    pm=$(cut -d' ' -f3 "$work/results-praktika-$n" | median)
    hm=$(cut -d' ' -f3 "$work/results-hugo-$n" | median)
    row=$(awk -v n="$n" -v pw="$pw" -v hw="$hw" -v pc="$pc" -v hc="$hc" -v pm="$pm" -v hm="$hm" '
        function s(v) { return v == "nan" ? "failed" : sprintf("%.2f s", v) }
        function mib(v) { return v == "nan" ? "failed" : sprintf("%.0f", v / 1024) }
        function ratio(a, b) { return (a == "nan" || b == "nan" || b == 0) ? "–" : sprintf("%.2f", a / b) }
        BEGIN { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |", n, s(pw), s(hw), ratio(pw, hw), s(pc), s(hc), mib(pm), mib(hm), ratio(pm, hm) }')
    table="$table
$row"
done

echo
echo "search: $search (on: praktika with its index against hugo + pagefind; off: praktika --no-search against hugo alone)"
echo "praktika: $("$praktika" --version 2>/dev/null || echo "$praktika") · $("$hugo_bin" version | cut -d' ' -f1-2) · $runs runs each · $(nproc) cores · ${settle} s settle · a new output folder per run"
echo "ratios are praktika / hugo (below 1: praktika is faster or smaller)"
echo
echo "$table"
