#!/usr/bin/env python3
"""Exact (or estimated) weighted betweenness of a gapscope org file with NetworKit, timed.

Builds the graph of REPORT.md: a directed file gives the arcs with s > 0, an undirected
file the pairs; the weight of an edge is its distance 1/s. Prints the time of
`networkit.centrality.Betweenness(G, normalized=True).run()` alone (best and median of
--runs, and the CPU seconds of the best run, all threads), and with --values FILE
writes {id: betweenness} as JSON for a comparison.
With --estimate K it times `EstimateBetweenness(G, K, normalized=True, parallel=True)`
instead: K sampled sources, one Dijkstra and one accumulation each, the same work as
gapscope's sampled betweenness (which scales by n/K; NetworKit weights each contribution
by the distance, Geisberger-Sanders-Schultes, so the values differ but the ranks agree).

Usage: networkit_betweenness.py ORG.json [--runs R] [--values OUT.json] [--estimate K]
"""

import argparse
import json
import os
import statistics
import time

import networkit as nk


def load(path):
    with open(path, encoding="utf-8") as f:
        org = json.load(f)
    scale = org.get("scale", {"min": 0, "max": 1})
    lo, hi = scale["min"], scale["max"]
    ids = [u["id"] for u in org["units"]]
    index = {u: i for i, u in enumerate(ids)}
    directed = org.get("directed", False)
    g = nk.Graph(len(ids), weighted=True, directed=directed)
    for t in org.get("ties", []):
        s = min(max((t["strength"] - lo) / (hi - lo), 0.0), 1.0)
        a, b = index[t["from"]], index[t["to"]]
        if s > 0 and a != b:
            g.addEdge(a, b, 1.0 / s)
    return ids, g


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("org")
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--values")
    p.add_argument("--estimate", type=int, default=0,
                   help="sampled sources for EstimateBetweenness (0: exact Betweenness)")
    args = p.parse_args()
    ids, g = load(args.org)
    print(f"networkit {nk.__version__}, {nk.getMaxNumberOfThreads()} threads, "
          f"{g.numberOfNodes()} nodes, {g.numberOfEdges()} edges, "
          f"{'directed' if g.isDirected() else 'undirected'}, nproc {os.cpu_count()}")
    times = []
    scores = None
    for _ in range(max(1, args.runs)):
        if args.estimate > 0:
            bc = nk.centrality.EstimateBetweenness(g, args.estimate, True, True)
        else:
            bc = nk.centrality.Betweenness(g, normalized=True)
        start, cpu = time.perf_counter(), time.process_time()
        bc.run()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
        scores = bc.scores()
    times.sort()
    what = f"estimate ({args.estimate} sources)" if args.estimate > 0 else "exact"
    median = statistics.median(wall for wall, _ in times)
    print(f"networkit {what} weighted betweenness: best {times[0][0]:.3f} s  "
          f"median {median:.3f} s  (cpu {times[0][1]:.2f} s; {len(times)} runs)")
    if args.values:
        with open(args.values, "w", encoding="utf-8") as f:
            json.dump(dict(zip(ids, scores)), f)


if __name__ == "__main__":
    main()
