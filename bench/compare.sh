#!/usr/bin/env bash
# gapscope against NetworKit on the same generated org, in one run, then a value check.
#
# Exact (default): gapscope's whole load + analysis (exact betweenness up to the Auto
# limit) against NetworKit's exact weighted betweenness alone.
# Estimate (ESTIMATE=K, default 100,000 units): `gapscope report --format json` (Auto:
# 256 sampled sources at this size) and the bench's load + analysis against NetworKit's
# EstimateBetweenness from K sources alone; values by rank (both estimate; see below).
#
# Usage: VENV=DIR bench/compare.sh            (UNITS=10000 RUNS=3)
#        VENV=DIR ESTIMATE=256 bench/compare.sh  (UNITS=100000 RUNS=1)
# Make a venv: python3 -m venv ~/venv-nk && ~/venv-nk/bin/pip install networkit
set -euo pipefail
cd "$(dirname "$0")/.."
ESTIMATE=${ESTIMATE:-0}
if [ "$ESTIMATE" -gt 0 ]; then
  UNITS=${UNITS:-100000}
  RUNS=${RUNS:-1}
else
  UNITS=${UNITS:-10000}
  RUNS=${RUNS:-3}
fi
VENV=${VENV:-$HOME/venv-nk}
PY="$VENV/bin/python"
# Checked before anything is built or timed, so a missing NetworKit costs no minutes.
if ! "$PY" -c 'import networkit' 2>/dev/null; then
  echo "bench/compare.sh: no NetworKit in the venv $VENV ($PY cannot import networkit)." >&2
  echo "Make one:  python3 -m venv ~/venv-nk && ~/venv-nk/bin/pip install networkit" >&2
  echo "then run:  VENV=~/venv-nk bench/compare.sh" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin gapscope --example bench --example betweenness_values
bin=target/release
echo "nproc: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin/gapscope" generate --units "$UNITS" --seed 1 -o "$tmp/org.json"

# The number after "best" on the line matching $1 of file $2.
best() { awk -v pat="$1" '$0 ~ pat { for (i = 1; i < NF; i++) if ($i == "best") print $(i + 1) }' "$2"; }
# The CPU seconds after "(cpu" on that line.
cpu() { awk -v pat="$1" '$0 ~ pat { for (i = 1; i < NF; i++) if ($i == "(cpu") { v = $(i + 1); gsub(/[;)]/, "", v); print v } }' "$2"; }
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }

if [ "$ESTIMATE" -eq 0 ]; then
  echo
  echo "== gapscope: load + full analysis (exact betweenness up to the Auto limit)"
  "$bin/examples/bench" --file "$tmp/org.json" --runs "$RUNS" | tee "$tmp/ours.txt"
  echo
  echo "== NetworKit: exact weighted betweenness only"
  "$PY" bench/networkit_betweenness.py "$tmp/org.json" --runs "$RUNS" | tee "$tmp/nk.txt"
  ours=$(best 'load \+ analyse' "$tmp/ours.txt")
  nk=$(best 'networkit exact' "$tmp/nk.txt")
  echo
  echo "best times: gapscope load + analyse $ours s, NetworKit betweenness $nk s, ratio $(ratio "$ours" "$nk")"
  ours_cpu=$(cpu 'load \+ analyse' "$tmp/ours.txt")
  nk_cpu=$(cpu 'networkit exact' "$tmp/nk.txt")
  echo "cpu of those runs: gapscope $ours_cpu s, NetworKit $nk_cpu s, ratio $(ratio "$ours_cpu" "$nk_cpu")"

  echo
  echo "== agreement on a small org"
  compare() {
    "$bin/examples/betweenness_values" "$1" > "$tmp/ours.json"
    "$PY" bench/networkit_betweenness.py "$1" --values "$tmp/nk.json" > /dev/null
    python3 bench/agreement.py diff "$tmp/ours.json" "$tmp/nk.json" "$2"
  }
  "$bin/gapscope" generate --units 500 --seed 3 -o "$tmp/small.json"
  compare "$tmp/small.json" "ratings 1-5 (lengths 5/3 etc.: float ties, NetworKit compares exactly)"
  # Strengths 1, 1/2, 1/4: every path length is exact in binary, so ties cannot differ.
  python3 - "$tmp/small.json" "$tmp/exact.json" <<'PY'
import json, sys
org = json.load(open(sys.argv[1]))
for t in org["ties"]:
    t["strength"] = {0: 0, 1: 1.25, 2: 1.25, 3: 2.5}.get(int(t["strength"]), 5)
json.dump(org, open(sys.argv[2], "w"))
PY
  compare "$tmp/exact.json" "strengths 1, 1/2, 1/4 (exact lengths)"
  exit 0
fi

echo
echo "== gapscope report --format json (the whole command; betweenness Auto)"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %U %S %M" -a -o "$tmp/report.txt" \
    "$bin/gapscope" report --format json "$tmp/org.json" > "$tmp/report.json"
done
read -r rep_wall rep_user rep_sys rep_kb < <(sort -n "$tmp/report.txt" | head -1)
python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"  betweenness: {r.get('betweenness_mode')}, {r.get('betweenness_sources')} sources")
PY
echo "  best of $RUNS: $rep_wall s wall, cpu $(python3 -c "print(f'{$rep_user + $rep_sys:.2f}')") s, peak RSS $((rep_kb / 1024)) MB"
echo
echo "== gapscope: load + full analysis (examples/bench)"
"$bin/examples/bench" --file "$tmp/org.json" --runs "$RUNS" | tee "$tmp/ours.txt"
echo
echo "== NetworKit: EstimateBetweenness from $ESTIMATE sources only"
"$PY" bench/networkit_betweenness.py "$tmp/org.json" --runs "$RUNS" --estimate "$ESTIMATE" \
  --values "$tmp/nk_big.json" | tee "$tmp/nk.txt"
ours=$(best 'load \+ analyse' "$tmp/ours.txt")
nk=$(best 'networkit estimate' "$tmp/nk.txt")
echo
echo "best times: gapscope report $rep_wall s, load + analyse $ours s; NetworKit estimate $nk s"
echo "ratios: report $(ratio "$rep_wall" "$nk"), load + analyse $(ratio "$ours" "$nk")"
nk_cpu=$(cpu 'networkit estimate' "$tmp/nk.txt")
echo "cpu: report $(python3 -c "print(f'{$rep_user + $rep_sys:.2f}')") s, NetworKit $nk_cpu s, ratio $(
    ratio "($rep_user + $rep_sys)" "$nk_cpu")"

# Both are estimates, so values are compared by rank: against each other here, and each
# against exact values on a 5,000-unit org (ours exact; the same sample size K).
echo
echo "== agreement of the estimates"
"$bin/examples/betweenness_values" "$tmp/org.json" --sources "$ESTIMATE" > "$tmp/ours_big.json"
python3 bench/agreement.py ranks "$tmp/ours_big.json" "$tmp/nk_big.json" \
  "$UNITS units, gapscope's estimate vs NetworKit's"
"$bin/gapscope" generate --units 5000 --seed 3 -o "$tmp/mid.json"
"$bin/examples/betweenness_values" "$tmp/mid.json" > "$tmp/exact.json"
"$bin/examples/betweenness_values" "$tmp/mid.json" --sources "$ESTIMATE" > "$tmp/ours_mid.json"
"$PY" bench/networkit_betweenness.py "$tmp/mid.json" --estimate "$ESTIMATE" \
  --values "$tmp/nk_mid.json" > /dev/null
python3 bench/agreement.py ranks "$tmp/exact.json" "$tmp/ours_mid.json" \
  "5,000 units, exact vs gapscope's estimate"
python3 bench/agreement.py ranks "$tmp/exact.json" "$tmp/nk_mid.json" \
  "5,000 units, exact vs NetworKit's estimate"
