// SPDX-License-Identifier: MIT
#include "placement.h"

#include "deploytopology.h"

namespace {

int defaultPort(const QString &kind)
{
    if (kind == QLatin1String("app_server"))
        return 8000;
    if (kind == QLatin1String("database"))
        return 3306;
    return 80;
}

} // namespace

Placement Placement::placeholders(const DeployTopology &topology)
{
    Placement p;
    const DesignData &d = topology.design();
    QHash<ElementId, QString> hostAddress;
    for (qsizetype h = 0; h < d.hosts.size(); ++h) {
        const QString given = d.hosts.at(h).props.value(QStringLiteral("address")).toString();
        hostAddress.insert(d.hosts.at(h).id,
            given.isEmpty() ? QStringLiteral("192.0.2.%1").arg(10 + h % 90) : given);
    }
    // The port a server listens on is the one the links into it name.
    QHash<ElementId, int> inPort;
    for (const Link &l : d.links) {
        if (l.port > 0 && !inPort.contains(l.to) && l.protocol != QLatin1String("replication")
            && l.protocol != QLatin1String("metrics") && l.protocol != QLatin1String("syslog"))
            inPort.insert(l.to, l.port);
    }
    int loose = 0;
    for (const Component &c : d.components) {
        Server s;
        s.address
            = hostAddress.value(c.host, QStringLiteral("192.0.2.%1").arg(100 + (loose++ % 150)));
        s.port = inPort.value(c.id, defaultPort(c.kind));
        if (c.kind == QLatin1String("load_balancer"))
            s.statsPort = 8404;
        else if (c.kind == QLatin1String("web_server"))
            s.exporterPort = 9113;
        else if (c.kind == QLatin1String("database"))
            s.exporterPort = 9104;
        p.servers.insert(c.id, s);
    }
    // Request logs and metrics go to the design's monitoring component where there is one.
    p.syslogAddress = QStringLiteral("192.0.2.254");
    p.syslogPort = 514;
    p.prometheusAddress = QStringLiteral("192.0.2.254");
    for (const Component &c : d.components) {
        if (c.kind == QLatin1String("monitoring")
            && c.props.value(QStringLiteral("mode")) == QLatin1String("collector")) {
            p.syslogAddress = p.servers.value(c.id).address;
            p.prometheusAddress = p.syslogAddress;
            break;
        }
    }
    return p;
}
