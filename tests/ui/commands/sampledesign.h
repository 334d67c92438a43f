// SPDX-License-Identifier: MIT
#pragma once

#include "design/designdata.h"
#include "design/kinds.h"

// The two-server distributed design of the first seed, small enough to reason about in a test:
// users → HAProxy → two hosts, each with Nginx → app → MySQL (primary / replica).
inline DesignData sampleDesign()
{
    DesignData d;
    d.name = QStringLiteral("Distributed");
    d.domain = QStringLiteral("www.foobar.com");
    const auto component
        = [](const char *id, const char *kind, const char *label, const char *host, QPointF pos) {
              Component c;
              c.id = QString::fromLatin1(id);
              c.kind = QString::fromLatin1(kind);
              c.label = QString::fromLatin1(label);
              c.host = QString::fromLatin1(host);
              c.pos = pos;
              c.props = Kinds::defaults(c.kind);
              return c;
          };
    const auto link
        = [](const char *id, const char *from, const char *to, const char *protocol, int port) {
              Link l;
              l.id = QString::fromLatin1(id);
              l.from = QString::fromLatin1(from);
              l.to = QString::fromLatin1(to);
              l.protocol = QString::fromLatin1(protocol);
              l.port = port;
              l.props = { { QStringLiteral("weight"), 1 },
                  { QStringLiteral("backup"), false },
                  { QStringLiteral("tls"), false } };
              return l;
          };
    const auto host = [](const char *id, const char *label, QRectF rect) {
        Host h;
        h.id = QString::fromLatin1(id);
        h.label = QString::fromLatin1(label);
        h.rect = rect;
        for (const Kinds::PropertySpec &p : Kinds::hostProperties())
            h.props.insert(p.name, p.defaultValue);
        return h;
    };
    d.hosts = { host("server-1", "Server 1", QRectF(0, 200, 200, 400)),
        host("server-2", "Server 2", QRectF(300, 200, 200, 400)) };
    d.components = { component("users", "client", "Users", "", QPointF(250, 0)),
        component("lb", "load_balancer", "HAProxy", "", QPointF(250, 100)),
        component("web-1", "web_server", "Nginx 1", "server-1", QPointF(100, 280)),
        component("app-1", "app_server", "App 1", "server-1", QPointF(100, 400)),
        component("db-1", "database", "MySQL primary", "server-1", QPointF(100, 520)),
        component("web-2", "web_server", "Nginx 2", "server-2", QPointF(400, 280)),
        component("app-2", "app_server", "App 2", "server-2", QPointF(400, 400)),
        component("db-2", "database", "MySQL replica", "server-2", QPointF(400, 520)) };
    d.components[4].props.insert(QStringLiteral("role"), QStringLiteral("primary"));
    d.components[7].props.insert(QStringLiteral("role"), QStringLiteral("replica"));
    d.links = { link("l-users-lb", "users", "lb", "http", 80),
        link("l-lb-web1", "lb", "web-1", "http", 80),
        link("l-lb-web2", "lb", "web-2", "http", 80),
        link("l-web1-app1", "web-1", "app-1", "http", 80),
        link("l-web2-app2", "web-2", "app-2", "http", 80),
        link("l-app1-db1", "app-1", "db-1", "mysql", 3306),
        link("l-app2-db2", "app-2", "db-2", "mysql", 3306),
        link("l-db1-db2", "db-1", "db-2", "replication", 3306) };
    return d;
}

// The sample design watched through its balancer's statistics (keys per server) and each web
// server's stub_status, the way the lab binds it.
inline DesignData sampleBoundDesign()
{
    DesignData d = sampleDesign();
    const auto source = [](const char *id, const char *kind, const char *address) {
        SourceConfig s;
        s.id = QString::fromLatin1(id);
        s.kind = QString::fromLatin1(kind);
        s.address = QString::fromLatin1(address);
        for (const Kinds::PropertySpec &o : Kinds::sourceOptions())
            s.options.insert(o.name, o.defaultValue);
        return s;
    };
    const auto binding = [](const char *element, const char *source, const char *key) {
        return Binding{
            QString::fromLatin1(element), QString::fromLatin1(source), QString::fromLatin1(key), {}
        };
    };
    d.sources = { source("haproxy", "haproxy", "http://127.0.0.1:8404/stats;csv"),
        source("nginx-1", "nginx", "http://127.0.0.1:8081/stub_status"),
        source("nginx-2", "nginx", "http://127.0.0.1:8082/stub_status") };
    d.bindings = { binding("lb", "haproxy", "fe_main"),
        binding("web-1", "haproxy", "be_web/web-1"),
        binding("web-2", "haproxy", "be_web/web-2"),
        binding("web-1", "nginx-1", ""),
        binding("web-2", "nginx-2", "") };
    return d;
}
