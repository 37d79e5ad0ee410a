#!/usr/bin/env python3
"""How far two betweenness value files ({id: value} JSON) agree.

  agreement.py diff A.json B.json LABEL     largest absolute difference (exact values)
  agreement.py ranks REF.json EST.json LABEL   for estimates: Spearman rank correlation
      over all units, and how many of REF's top 20 and top 100 units EST also puts there

Plain Python (no numpy), so it runs outside the NetworKit venv.
"""

import json
import sys


def ranks(values):
    """Average ranks (ties share the mean of their positions), in the order given."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2.0
        i = j + 1
    return out


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5 if va > 0 and vb > 0 else float("nan")


def top(values, ids, k):
    return set(sorted(ids, key=lambda u: (-values[u], u))[:k])


def main():
    mode, a_path, b_path, label = sys.argv[1:5]
    a, b = (json.load(open(p, encoding="utf-8")) for p in (a_path, b_path))
    ids = sorted(a)
    if mode == "diff":
        diff = max(abs(a[k] - b[k]) for k in ids)
        print(f"  {label}: {len(ids)} units, largest difference {diff:.3g}")
        return
    rho = spearman([a[k] for k in ids], [b[k] for k in ids])
    t20 = len(top(a, ids, 20) & top(b, ids, 20))
    t100 = len(top(a, ids, 100) & top(b, ids, 100))
    print(f"  {label}: Spearman {rho:.3f}, top 20 shared {t20}/20, top 100 shared {t100}/100")


if __name__ == "__main__":
    main()
