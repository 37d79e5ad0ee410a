#!/usr/bin/env bash
# gapscope's whole load + analysis against NetworKit's exact weighted betweenness alone,
# on the same generated org, in one run; then a check that both give the same values.
#
# Usage: VENV=DIR bench/compare.sh   (UNITS=10000 RUNS=3; VENV: a Python venv with NetworKit)
# Make one: python3 -m venv ~/venv-nk && ~/venv-nk/bin/pip install networkit
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-10000}
RUNS=${RUNS:-3}
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

echo
echo "== gapscope: load + full analysis (exact betweenness up to the Auto limit)"
"$bin/examples/bench" --file "$tmp/org.json" --runs "$RUNS" | tee "$tmp/ours.txt"
echo
echo "== NetworKit: exact weighted betweenness only"
"$PY" bench/networkit_betweenness.py "$tmp/org.json" --runs "$RUNS" | tee "$tmp/nk.txt"

ours=$(awk '/load \+ analyse/ {print $5}' "$tmp/ours.txt")
nk=$(awk '/networkit exact/ {print $6}' "$tmp/nk.txt")
echo
echo "best times: gapscope load + analyse $ours s, NetworKit betweenness $nk s, ratio $(
    python3 -c "print(f'{$ours / $nk:.3f}')")"

echo
echo "== agreement on a small org"
compare() {
    "$bin/examples/betweenness_values" "$1" > "$tmp/ours.json"
    "$PY" bench/networkit_betweenness.py "$1" --values "$tmp/nk.json" > /dev/null
    python3 - "$tmp/ours.json" "$tmp/nk.json" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
diff = max(abs(a[k] - b[k]) for k in a)
print(f"  {sys.argv[3]}: {len(a)} units, largest difference {diff:.3g}")
PY
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
