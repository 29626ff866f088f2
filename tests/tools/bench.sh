#!/bin/bash
# The benchmark behind `make bench`: reports a second on one core for each
# shape of generated report, peak memory at 1,000 and 10,000 files, -j1
# against -jN beside N copies of a CPU-bound loop, the time against `cat`
# of the same bytes, and start-up. Prints a Markdown table (also written
# to OUT/results.md).
#   tests/tools/bench.sh NIANBAO OUT [N]
# N: reports of each shape (default 1000). The reports are made once with
# tests/tools/genreports.lua and kept in OUT/gen until it changes.
set -u
NB=$1
OUT=$2
N=${3:-1000}
JOBS=${BENCH_JOBS:-$(nproc)}
GEN=$OUT/gen
mkdir -p "$OUT"

# the reports: N of each shape, and 10,000 other scraped-text reports (all
# different: the batch skips a second copy of a file) for memory; made again
# when the generator changes, so no run measures reports an older one made
MADE="$GEN/.done-$N-$(cksum < tests/tools/genreports.lua | cut -d' ' -f1)"
if [ ! -f "$MADE" ]; then
  rm -rf "$GEN"
  "$NB" run tests/tools/genreports.lua "$GEN/one" "$N" >/dev/null || exit 2
  "$NB" run tests/tools/genreports.lua "$GEN/many" 10000 txt 7 >/dev/null || exit 2
  mkdir -p "$GEN/txt" "$GEN/html" "$GEN/pdf"
  mv "$GEN"/one/*.pdf.txt "$GEN/pdf/"
  mv "$GEN"/one/*.html "$GEN/html/"
  mv "$GEN"/one/*.txt "$GEN/txt/"
  rmdir "$GEN/one"
  touch "$MADE"
fi
ls "$GEN"/many/*.txt | head -1000 > "$OUT/1000.list"
ls "$GEN"/many/*.txt > "$OUT/10000.list"

now() { date +%s%N; }
# wall seconds of a command (its output discarded)
wall() {
  local a b rc
  a=$(now)
  "$@" >/dev/null 2>"$OUT/stderr.out"
  rc=$?
  b=$(now)
  if [ $rc -gt 1 ]; then echo "bench: $* failed (exit $rc):" >&2; head -5 "$OUT/stderr.out" >&2; exit 2; fi
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.6f", (b - a) / 1e9 }'
}
# CPU seconds (user + system) of a command: the time on one core, whatever
# else the machine runs
cpu() {
  local rc
  /usr/bin/time -f "%U %S" -o "$OUT/time.out" "$@" >/dev/null 2>"$OUT/stderr.out"
  rc=$?
  if [ $rc -gt 1 ]; then echo "bench: $* failed (exit $rc):" >&2; head -5 "$OUT/stderr.out" >&2; exit 2; fi
  tail -1 "$OUT/time.out" | awk '{ printf "%.6f", $1 + $2 }'
}
# peak resident memory (KB) of a command
peak() {
  local rc
  /usr/bin/time -f "%M" -o "$OUT/time.out" "$@" >/dev/null 2>"$OUT/stderr.out"
  rc=$?
  if [ $rc -gt 1 ]; then echo "bench: $* failed (exit $rc):" >&2; head -5 "$OUT/stderr.out" >&2; exit 2; fi
  tail -1 "$OUT/time.out"
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }
ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t * 1000 }'; }

# start-up: a check of one report, 20 times in one timed shell (CPU time:
# time(1) counts in hundredths of a second, too coarse for one check)
one=$(ls "$GEN"/txt/*.txt | head -1)
t=$(cpu bash -c 'for i in $(seq 20); do "$0" check --format json -j 1 "$1" >/dev/null || [ $? -le 1 ] || exit 2; done' "$NB" "$one")
t_one=$(awk -v t="$t" 'BEGIN { printf "%.6f", t / 20 }')

declare -A rps per
rows=""
for shape in txt html pdf; do
  files=$(ls "$GEN/$shape"/* | head -"$N")
  n=$(echo "$files" | wc -l)
  t=$(cpu "$NB" check --format json -j 1 $files)
  tc=$(cpu cat $files)
  bytes=$(cat $files | wc -c)
  # steady state: the run less one start-up, over the reports after the first
  steady=$(awk -v t="$t" -v o="$t_one" -v n="$n" 'BEGIN { s = (t - o) / (n - 1); if (s <= 0) s = t / n; printf "%.6f", s }')
  rps[$shape]=$(rate 1 "$steady")
  per[$shape]=$steady
  ratio=$(awk -v t="$t" -v c="$tc" 'BEGIN { if (c < 0.01) c = 0.01; printf "%.0f", t / c }')
  kb=$(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.1f", b / n / 1024 }')
  rows="$rows$shape $n $kb ${rps[$shape]} $(ms "$steady") $ratio\n"
done

rss1=$(peak "$NB" check --format json -j 1 --files-from "$OUT/1000.list")
rss10=$(peak "$NB" check --format json -j 1 --files-from "$OUT/10000.list")

# scaling: N copies of a CPU-bound loop against one, and -jN against -j1;
# the one loop's time also says how fast this machine is, as the reports/s
# of another machine's table cannot
cat > "$OUT/loop.lua" <<'EOF'
local x = 0
for i = 1, 60000000 do x = x + i % 7 end
return 0
EOF
t1=$(wall "$NB" run "$OUT/loop.lua")
a=$(now)
for i in $(seq "$JOBS"); do "$NB" run "$OUT/loop.lua" & done
wait
b=$(now)
tn=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')
machine=$(awk -v a="$t1" -v b="$tn" -v n="$JOBS" 'BEGIN { printf "%.2f", n * a / b }')
# the same reports, a third of each shape, checked by one worker and by JOBS
all=$(for s in txt html pdf; do ls "$GEN/$s"/* | head -$((N / 3)); done)
j1=$(wall "$NB" check --format json -j 1 $all)
jn=$(wall "$NB" check --format json -j "$JOBS" $all)
ours=$(awk -v a="$j1" -v b="$jn" 'BEGIN { printf "%.2f", a / b }')
nall=$(echo "$all" | wc -l)
# the same reports cut in JOBS parts, each checked by its own -j 1 process,
# side by side: what this work, not a loop, gets of the machine's cores (no
# parent, nothing shared: copies across parts are not looked for)
echo "$all" | split -n "r/$JOBS" - "$OUT/part."
a=$(now)
for part in "$OUT"/part.*; do "$NB" check --format json -j 1 --files-from "$part" >/dev/null 2>&1 & done
wait
b=$(now)
rm -f "$OUT"/part.*
tp=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')
parts=$(awk -v a="$j1" -v b="$tp" 'BEGIN { printf "%.2f", a / b }')

startup=$(awk -v o="$t_one" -v s="${per[txt]}" 'BEGIN { printf "%.1f", (o - s) * 1000 }')
{
  echo "| measure | result | target |"
  echo "|---|---|---|"
  printf "$rows" | while read -r shape n kb r m ratio; do
    case $shape in
      txt) name="scraped text"; want="≥ 2,000/s" ;;
      html) name="CMS HTML"; want="≥ 1,000/s" ;;
      pdf) name="PDF layout text"; want="" ;;
    esac
    echo "| $name ($n reports, $kb KB each): reports/s on one core | $r ($m ms each; $ratio× cat) | $want |"
  done
  echo "| start-up (one-report check $(ms "$t_one") ms, less one report) | $startup ms | < 10 ms |"
  echo "| peak RSS, 1,000 files | $((rss1 / 1024)) MB | flat, < 64 MB |"
  echo "| peak RSS, 10,000 files | $((rss10 / 1024)) MB | flat, < 64 MB |"
  echo "| one CPU-bound Lua loop (60 M steps) on one core: the machine's own speed | $(ms "$t1") ms | (to compare machines) |"
  echo "| $JOBS copies of a CPU-bound loop against one | ${machine}× | (the machine) |"
  echo "| $JOBS processes of -j 1 on a part each, side by side, against one on all ($(ms "$tp") ms) | ${parts}× | (this work on the machine) |"
  echo "| -j$JOBS against -j 1 ($nall reports: $(ms "$j1") → $(ms "$jn") ms) | ${ours}× | as the machine |"
} | tee "$OUT/results.md"
