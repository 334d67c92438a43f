#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The yardstick of bench_validate's end-to-end figures: a whole command, file to printed
findings, done with networkx on the same design.

Usage: networkx_validate.py DESIGN.topo
Reads the .topo file (JSON), builds the directed graph of its links (components are vertices),
finds the single points of failure on the way from the users (immediate dominators from every
client, and the articulation points of the undirected graph), and prints them as JSON findings
with each subject's id, kind and label, as `toposcope validate --format json` does. It checks
much less than Toposcope (no hosts, writes, security or monitoring rules); it is a floor for
what reading, analysing and printing such a design costs in Python.
"""
import json
import sys

import networkx as nx


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        design = json.load(f)
    components = {c["id"]: c for c in design.get("components", [])}
    graph = nx.DiGraph()
    graph.add_nodes_from(components)
    graph.add_edges_from((l["from"], l["to"]) for l in design.get("links", []))
    clients = [i for i, c in components.items() if c.get("kind") == "client"]

    spofs = set()
    for client in clients:
        for vertex, dominator in nx.immediate_dominators(graph, client).items():
            if dominator not in (vertex, client):
                spofs.add(dominator)
    spofs.update(nx.articulation_points(graph.to_undirected(as_view=True)))

    def subject(i):
        c = components[i]
        return {"id": i, "kind": c.get("kind"), "label": c.get("label", "")}

    findings = [{
        "rule": "spof.component",
        "severity": "critical",
        "title": "%s is a single point of failure" % components[i].get("label", i),
        "subjects": [subject(i)],
    } for i in sorted(spofs)]
    sys.stdout.write(json.dumps({"findings": findings, "accepted": []}, indent=4) + "\n")


if __name__ == "__main__":
    main()
