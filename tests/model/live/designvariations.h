// SPDX-License-Identifier: MIT
#pragma once

#include "../layout/designgenerator.h"

#include <QRandomGenerator>

// Designs for the simulator's property test: the generators' designs with what the simulator
// can vary drawn at random. Deterministic per seed.
namespace DesignVariations {

inline QString str(const char *text)
{
    return QString::fromUtf8(text);
}

/**
 * The same design with what the simulator can vary drawn at random: each balancer's algorithm,
 * health checks and backend mode, failover on database clusters, a DNS server on a machine of
 * its own with a short TTL, a second balancer paired with the first behind a virtual IP.
 */
inline DesignData vary(DesignData d, quint32 seed)
{
    QRandomGenerator random(seed);
    const QStringList algorithms
        = { str("roundrobin"), str("leastconn"), str("source"), str("uri"), str("random") };
    const QStringList failovers = { str("none"), str("none"), str("orchestrator"), str("galera") };
    QStringList balancers;
    for (Component &c : d.components) {
        if (c.kind == str("load_balancer")) {
            c.props.insert(str("algorithm"), algorithms.at(int(random.bounded(5))));
            c.props.insert(str("health_checks"), random.bounded(3) != 0);
            c.props.insert(str("health_check_interval"), 500 + int(random.bounded(4)) * 500);
            c.props.insert(str("backend_mode"),
                random.bounded(4) == 0 ? str("active-passive") : str("active-active"));
            balancers << c.id;
        }
        if (c.kind == str("database"))
            c.props.insert(str("failover"), failovers.at(int(random.bounded(4))));
        if (c.kind == str("dns") && random.bounded(3) == 0) {
            Host h;
            h.id = c.id + str("-machine");
            h.label = str("Name server");
            d.hosts.append(h);
            c.host = h.id;
            c.props.insert(str("ttl"), 30);
        }
    }
    for (Link &l : d.links) {
        if (random.bounded(6) == 0)
            l.props.insert(str("weight"), 1 + int(random.bounded(4)));
    }
    if (balancers.size() >= 2 && random.bounded(2) == 0) {
        // A pair behind a virtual IP runs one configuration: both send to the same backends
        // (keepalived keeps the address on the master while it is up, so a pair whose pools
        // differ is another matter: see TestSpofAgreement::knownDisagreements).
        const QString a = balancers.at(0);
        const QString b = balancers.at(1);
        QVariantMap config;
        for (const Component &c : std::as_const(d.components)) {
            if (c.id == a)
                config = c.props;
        }
        for (Component &c : d.components) {
            if (c.id == a || c.id == b) {
                for (const char *key :
                    { "algorithm", "health_checks", "health_check_interval", "backend_mode" })
                    c.props.insert(str(key), config.value(str(key)));
                c.props.insert(str("high_availability"), str("cluster"));
                c.props.insert(str("peer"), c.id == a ? b : a);
                c.props.insert(str("virtual_ip"), str("192.0.2.10"));
            }
        }
        // b sends where a sends, in the same order (the first is the active one).
        d.links.removeIf([&](const Link &l) { return l.from == b && l.to != a; });
        const QList<Link> links = d.links;
        for (const Link &l : links) {
            if (l.from == a && l.to != b) {
                Link copy = DesignGenerator::link(b, l.to, l.protocol, d);
                copy.id = l.id + str("-peer"); // ids stay unique after the removal above
                copy.props = l.props;
                d.links.append(copy);
            }
        }
    }
    return d;
}

/** A random design (random kinds, hosts, links with cycles) with users linked into it. */
inline DesignData randomWithUsers(quint32 seed)
{
    DesignData d = DesignGenerator::random(18, 5, 30, seed);
    QRandomGenerator random(seed ^ 0x9e37u);
    d.components.append(ElementBuilder::component(str("users"), str("client"), str("Users")));
    for (int i = 0; i < 2; ++i) {
        Link l = DesignGenerator::link(
            str("users"), QStringLiteral("c%1").arg(random.bounded(18)), str("https"), d);
        l.id = QStringLiteral("users-%1").arg(i);
        d.links.append(l);
    }
    return vary(d, seed);
}

} // namespace DesignVariations
