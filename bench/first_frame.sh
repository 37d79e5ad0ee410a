#!/usr/bin/env bash
# First frame of the real screen: milliseconds from tmux starting `gapscope FILE` (120x40) until
# the screen's title shows the unit count. Needs tmux and a release build.
#
#   bench/first_frame.sh [FILE] [RUNS]      # default: a 10,000-unit `gapscope generate` org, 8 runs
#   BIN=/path/to/other/gapscope bench/first_frame.sh ...   # time another build (before/after)
#
# Prints each run, then the best and the median. The time includes starting the process and
# tmux's own polling (a few ms; the tmux server is already running); run it on an idle
# machine for numbers worth comparing, or alternate two builds (BIN=) in the same minutes.
# "cpu" is the CPU time of all the process's threads when the title was seen (from
# /proc/PID/task/*/schedstat; the analysis that starts after the first frame adds a little).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-"$PWD/target/release/gapscope"}
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "needs tmux (apt-get install tmux)" >&2; exit 1; }
FILE=${1:-}
RUNS=${2:-8}
if [ -z "$FILE" ]; then
    FILE=$(mktemp -d)/org10k.json
    "$BIN" generate --units 10000 -o "$FILE"
fi
FILE=$(realpath "$FILE")
# One session stays up for the whole measurement, so the tmux server neither starts inside a
# run's time nor exits between runs (a new session racing the old server's exit failed with
# "server exited unexpectedly").
keep="gapscope-first-frame-$$-keep"
for _ in 1 2 3 4 5; do
    tmux new-session -d -s "$keep" -x 120 -y 40 "sleep 3600" 2>/dev/null && break
    sleep 0.2
done
trap 'tmux kill-session -t "$keep" 2>/dev/null || true' EXIT
times=()
cpus=()
for i in $(seq "$RUNS"); do
    s="gapscope-first-frame-$$-$i"
    start=$(date +%s%N)
    tmux new-session -d -s "$s" -x 120 -y 40 "exec $BIN $FILE"
    while ! tmux capture-pane -p -t "$s" 2>/dev/null | head -1 | grep -q ' units'; do
        if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 20000 ]; then
            echo "no title after 20 s" >&2
            tmux kill-session -t "$s" 2>/dev/null || true
            exit 1
        fi
    done
    end=$(date +%s%N)
    pid=$(tmux display-message -p -t "$s" '#{pane_pid}' 2>/dev/null || true)
    cpu=$( (cat /proc/"$pid"/task/*/schedstat 2>/dev/null || true) | awk '{ns += $1} END {printf "%d", ns / 1000000}')
    tmux kill-session -t "$s" 2>/dev/null || true
    ms=$(( (end - start) / 1000000 ))
    echo "run $i: $ms ms (cpu $cpu ms)"
    times+=("$ms")
    cpus+=("$cpu")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "first frame: best %d ms, median %d ms (%d runs)\n", a[1], a[int((NR+1)/2)], NR}'
printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {printf "cpu at the first frame: best %d ms, median %d ms\n", a[1], a[int((NR+1)/2)]}'
