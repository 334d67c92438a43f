#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The SPOF analysis of bench_validate done by networkx on the same request-flow graph.

Usage: networkx_spof.py EDGES [RUNS]
EDGES holds one "u v" line per edge; vertex 0 is the source (the users), 1 the sink. Prints one
JSON object: vertex and edge counts, the median seconds of nx.immediate_dominators (from the
source) and of nx.articulation_points (on the undirected graph), and how many sink dominators
and articulation points were found. Only the two algorithm calls are timed, not reading the file
or building the graph.
"""
import json
import statistics
import sys
import time

import networkx as nx


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    graph = nx.DiGraph()
    graph.add_nodes_from((0, 1))
    with open(path) as f:
        graph.add_edges_from(tuple(map(int, line.split())) for line in f if line.strip())
    undirected = graph.to_undirected(as_view=False)

    idom_times, ap_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        idom = nx.immediate_dominators(graph, 0)
        idom_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        points = list(nx.articulation_points(undirected))
        ap_times.append(time.perf_counter() - start)

    chain = 0
    if 1 in idom:
        v = 1
        while idom[v] != v:
            v = idom[v]
            chain += 1
    print(json.dumps({
        "vertices": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "dominators_s": statistics.median(idom_times),
        "articulation_points_s": statistics.median(ap_times),
        "sink_dominators": chain,
        "articulation_points": len(points),
        "networkx": nx.__version__,
    }))


if __name__ == "__main__":
    main()
