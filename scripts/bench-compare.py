#!/usr/bin/env python3
"""Puts two tables of scripts/bench rows side by side: baseline and main, with ratios.

Usage: bench-compare.py ROWS-BASELINE ROWS-MAIN  (files of `| scenario | load | … |` rows).
Rows are matched by scenario and load, in the order of the main file; a row only one side has
shows "–" on the other. Ratios are main ÷ baseline: above 1 for throughput is better, below 1
for latency and memory is better.
"""
import re
import sys


def rows(path):
    table = {}
    order = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) < 10 or not cells[0][:1].isdigit():
                continue
            key = (cells[0], cells[1])
            if key not in table:
                order.append(key)
            table[key] = cells
    return table, order


def number(text):
    """The first number of a cell, in the cell's own unit (ms, requests/s, KB/connection)."""
    match = re.search(r"[0-9]+(?:\.[0-9]+)?", text)
    return float(match.group(0)) if match else None


def ratio(main, base):
    a, b = number(main), number(base)
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}×"


def headline(cells):
    """Throughput as one figure with its unit: `600 requests/s`, `11.7 KB/connection`."""
    return cells[2].split(" (")[0] if cells else "–"


def main():
    base, base_order = rows(sys.argv[1])
    new, new_order = rows(sys.argv[2])
    keys = new_order + [key for key in base_order if key not in new]
    print("| scenario | load | throughput main | baseline | ratio | p99 main | baseline | ratio | p50 main | baseline | RSS main | baseline |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(keys, key=lambda k: int(re.match(r"[0-9]+", k[0]).group(0))):
        m, b = new.get(key), base.get(key)
        cell = lambda row, i: row[i] if row else "–"
        print("| " + " | ".join([
            key[0], key[1],
            headline(m), headline(b), ratio(headline(m), headline(b)) if m and b else "–",
            cell(m, 5), cell(b, 5), ratio(m[5], b[5]) if m and b else "–",
            cell(m, 3), cell(b, 3),
            cell(m, 8), cell(b, 8),
        ]) + " |")


if __name__ == "__main__":
    main()
