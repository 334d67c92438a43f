// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "design/kinds.h"

// The design the canvas and findings benchmarks share: 10 load balancers in front of 200 hosts
// (web, app, files, database each), users and DNS on top, 188 more cards (caches, queues,
// monitoring) beside them: 1,000 components, ~1,800 links.
inline DesignData generatedDesign()
{
    DesignData d;
    d.name = QStringLiteral("Generated 1,000 components");
    int n = 0;
    const auto add
        = [&](const QString &kind, const QString &label, const QString &host, QPointF pos) {
              Component c;
              c.id = QStringLiteral("%1-%2").arg(kind).arg(++n);
              c.kind = kind;
              c.label = label;
              c.host = host;
              c.pos = pos;
              c.props = Kinds::defaults(kind);
              d.components.append(c);
              return c.id;
          };
    int linkCount = 0;
    const auto link = [&](const QString &from, const QString &to, const QString &protocol) {
        Link l;
        l.id = QStringLiteral("link-%1").arg(++linkCount);
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        l.port = Kinds::findProtocol(protocol)->defaultPort;
        l.props = { { QStringLiteral("weight"), 1 },
            { QStringLiteral("backup"), false },
            { QStringLiteral("tls"), false } };
        d.links.append(l);
    };

    const QString users = add(QStringLiteral("client"), QStringLiteral("Users"), {}, { 4000, 0 });
    const QString dns = add(QStringLiteral("dns"), QStringLiteral("DNS"), {}, { 4300, 0 });
    link(users, dns, QStringLiteral("dns"));
    QStringList balancers;
    for (int i = 0; i < 10; ++i) {
        const QString lb = add(QStringLiteral("load_balancer"),
            QStringLiteral("LB %1").arg(i + 1),
            {},
            { 400.0 + i * 800, 200 });
        link(users, lb, QStringLiteral("https"));
        balancers << lb;
    }
    QStringList apps;
    for (int h = 0; h < 200; ++h) {
        const qreal x = (h % 20) * 420.0;
        const qreal y = 400 + (h / 20) * 520.0;
        Host host;
        host.id = QStringLiteral("host-%1").arg(h + 1);
        host.label = QStringLiteral("Server %1").arg(h + 1);
        host.rect = QRectF(x, y, 360, 460);
        host.props = { { QStringLiteral("address"),
                           QStringLiteral("10.0.%1.%2").arg(h / 250).arg(h % 250) },
            { QStringLiteral("public"), false } };
        d.hosts.append(host);
        const QString web = add(QStringLiteral("web_server"),
            QStringLiteral("Nginx %1").arg(h + 1),
            host.id,
            { x + 100, y + 90 });
        const QString app = add(QStringLiteral("app_server"),
            QStringLiteral("App %1").arg(h + 1),
            host.id,
            { x + 100, y + 230 });
        const QString files = add(QStringLiteral("app_files"),
            QStringLiteral("Code %1").arg(h + 1),
            host.id,
            { x + 260, y + 230 });
        const QString db = add(QStringLiteral("database"),
            QStringLiteral("MySQL %1").arg(h + 1),
            host.id,
            { x + 100, y + 370 });
        link(balancers.at(h % 10), web, QStringLiteral("http"));
        link(web, app, QStringLiteral("http"));
        link(app, files, QStringLiteral("file"));
        link(app, db, QStringLiteral("mysql"));
        if (h % 2 == 1)
            link(d.components.at(d.components.size() - 5).id, db, QStringLiteral("replication"));
        apps << app;
    }
    const QStringList extras
        = { QStringLiteral("cache"), QStringLiteral("queue"), QStringLiteral("monitoring") };
    for (int i = 0; d.components.size() < 1000; ++i) {
        const QString kind = extras.at(i % 3);
        const QString id = add(kind,
            QStringLiteral("%1 %2").arg(kind).arg(i + 1),
            {},
            { 8600.0 + (i % 4) * 180, 400.0 + (i / 4) * 110 });
        link(apps.at(i % apps.size()),
            id,
            kind == QLatin1String("cache")       ? QStringLiteral("redis")
                : kind == QLatin1String("queue") ? QStringLiteral("amqp")
                                                 : QStringLiteral("metrics"));
    }
    return d;
}
