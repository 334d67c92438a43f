#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The yardstick of bench_simulator: the example design's routing done in plain Python.

Reads a .topo design and sends requests through it as the simulator does for that design:
the users resolve the name now and then, the load balancer picks a backend by round robin,
every component calls each kind of callee it has in turn (the application server its files,
then its database: reads prefer a replica, writes the primary), with a service-time factor per
request and per-element counters. No health checks, capacity or events: the least a simulator
of this design must do. Prints simulated requests per CPU second.

    simulate_routing.py DESIGN.topo REQUESTS
"""
import json
import random
import sys
import time

SERVICE_MS = {"client": 0, "dns": 20, "load_balancer": 0.1, "web_server": 0.5,
              "app_server": 25, "app_files": 0.2, "database": 2}
FORWARDS = {"client", "load_balancer", "web_server", "app_server"}


def main():
    design = json.load(open(sys.argv[1]))
    requests = int(sys.argv[2])
    kind = {c["id"]: c["kind"] for c in design["components"]}
    props = {c["id"]: c.get("properties", {}) for c in design["components"]}
    calls = {c: [] for c in kind}
    for link in design["links"]:
        if link["protocol"] in ("replication", "metrics", "syslog", "vrrp"):
            continue
        if kind[link["from"]] in FORWARDS:
            calls[link["from"]].append(link["to"])
    users = next(c for c in kind if kind[c] == "client")
    arrivals = {c: 0 for c in kind}
    spent = {c: 0.0 for c in kind}
    turn = {c: 0 for c in kind}
    rng = random.Random(1)

    def visit(c, write, factor):
        arrivals[c] += 1
        ms = SERVICE_MS.get(kind[c], 1) * factor
        targets = calls[c]
        if kind[c] == "load_balancer" and targets:
            turn[c] += 1
            ms += visit(targets[turn[c] % len(targets)], write, factor)
        else:
            groups = {}
            for t in targets:
                groups.setdefault(kind[t], []).append(t)
            for k in ("dns", "app_files", "database", "web_server", "load_balancer",
                      "app_server"):
                members = groups.get(k)
                if not members:
                    continue
                if k == "database":
                    role = "primary" if write else "replica"
                    preferred = [m for m in members if props[m].get("role") == role]
                    members = preferred or members
                if k == "dns" and rng.random() > 0.03:
                    continue  # the resolver's cache answers
                turn[c] += 1
                ms += visit(members[turn[c] % len(members)], write, factor)
        spent[c] += ms
        return ms

    start = time.process_time()
    for _ in range(requests):
        write = rng.random() < 0.1
        rng.randrange(10000)  # the user's address, as the simulator draws it
        rng.random()  # the arrival time within the tick
        visit(users, write, 0.5 + rng.random())
        rng.random()  # the status class
    cpu = time.process_time() - start
    assert sum(arrivals.values()) > requests
    print(requests / cpu)


if __name__ == "__main__":
    main()
