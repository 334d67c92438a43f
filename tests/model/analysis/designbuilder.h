// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/finding.h"
#include "analysis/validator.h"
#include "design/designdata.h"
#include "design/kinds.h"
#include "io/topofile.h"

#include <QFile>
#include <QTest>
#include <QVariantMap>

/** QString from a UTF-8 literal, for short test tables (the build forbids implicit casts). */
inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/** Small designs for the analysis tests, written in a few lines. */
class DesignBuilder
{
public:
    DesignBuilder() = default;
    explicit DesignBuilder(const DesignData &start)
        : m_data(start)
    { }

    DesignBuilder &host(const QString &id, const QVariantMap &props = {})
    {
        Host h;
        h.id = id;
        h.label = id;
        h.rect = QRectF(0, 0, 200, 150);
        for (const Kinds::PropertySpec &p : Kinds::hostProperties())
            h.props.insert(p.name, p.defaultValue);
        for (auto it = props.begin(); it != props.end(); ++it)
            h.props.insert(it.key(), it.value());
        m_data.hosts.append(h);
        return *this;
    }

    DesignBuilder &add(const QString &id,
        const QString &kind,
        const QString &hostId = {},
        const QVariantMap &props = {})
    {
        Component c;
        c.id = id;
        c.kind = kind;
        c.label = id;
        c.host = hostId;
        c.props = Kinds::defaults(kind);
        for (auto it = props.begin(); it != props.end(); ++it)
            c.props.insert(it.key(), it.value());
        m_data.components.append(c);
        return *this;
    }

    DesignBuilder &link(const QString &from,
        const QString &to,
        const QString &protocol = QStringLiteral("http"),
        const QVariantMap &props = {})
    {
        Link l;
        l.id = from + QStringLiteral("->") + to;
        l.from = from;
        l.to = to;
        l.protocol = protocol;
        const Kinds::ProtocolSpec *spec = Kinds::findProtocol(protocol);
        l.port = spec ? spec->defaultPort : 0;
        for (const Kinds::PropertySpec &p : Kinds::linkProperties())
            l.props.insert(p.name, p.defaultValue);
        for (auto it = props.begin(); it != props.end(); ++it)
            l.props.insert(it.key(), it.value());
        m_data.links.append(l);
        return *this;
    }

    /** Sets a property of an element added before (component, host or link). */
    DesignBuilder &set(const QString &id, const QString &name, const QVariant &value)
    {
        for (Component &c : m_data.components) {
            if (c.id == id)
                c.props.insert(name, value);
        }
        for (Host &h : m_data.hosts) {
            if (h.id == id)
                h.props.insert(name, value);
        }
        for (Link &l : m_data.links) {
            if (l.id == id)
                l.props.insert(name, value);
        }
        return *this;
    }

    DesignData data() const { return m_data; }
    operator DesignData() const { return m_data; }

private:
    DesignData m_data;
};

namespace Designs {

inline QVariantMap props(std::initializer_list<std::pair<QString, QVariant>> list)
{
    QVariantMap m;
    for (const auto &p : list)
        m.insert(p.first, p.second);
    return m;
}

/**
 * The usual two-server site, well built: users → DNS; users → HAProxy (HTTPS, health checks,
 * firewall and agent on its machine) → two web servers → two app servers (each with local,
 * synced files) → a MySQL primary and replica. One machine per tier member. Only the load
 * balancer and the write path are single points of failure.
 */
inline DesignBuilder twoServers()
{
    DesignBuilder b;
    b.add(QStringLiteral("users"), QStringLiteral("client"))
        .add(QStringLiteral("dns"),
            QStringLiteral("dns"),
            {},
            props({ { QStringLiteral("target"), QStringLiteral("lb") } }))
        .link(QStringLiteral("users"), QStringLiteral("dns"), QStringLiteral("dns"));
    b.host(QStringLiteral("lb-host"))
        .add(QStringLiteral("lb"),
            QStringLiteral("load_balancer"),
            QStringLiteral("lb-host"),
            props({ { QStringLiteral("health_checks"), true },
                { QStringLiteral("tls_termination"), true } }))
        .link(QStringLiteral("users"), QStringLiteral("lb"), QStringLiteral("https"));
    for (const QString &n : { QStringLiteral("1"), QStringLiteral("2") }) {
        const QString h = QStringLiteral("server-") + n;
        b.host(h)
            .add(QStringLiteral("web-") + n,
                QStringLiteral("web_server"),
                h,
                props({ { QStringLiteral("tls"), true } }))
            .add(QStringLiteral("app-") + n, QStringLiteral("app_server"), h)
            .add(QStringLiteral("files-") + n, QStringLiteral("app_files"), h)
            .link(QStringLiteral("lb"), QStringLiteral("web-") + n, QStringLiteral("https"))
            .link(QStringLiteral("web-") + n, QStringLiteral("app-") + n)
            .link(QStringLiteral("app-") + n, QStringLiteral("files-") + n, QStringLiteral("file"));
    }
    b.host(QStringLiteral("db-host-1"))
        .host(QStringLiteral("db-host-2"))
        .add(QStringLiteral("db-primary"),
            QStringLiteral("database"),
            QStringLiteral("db-host-1"),
            props({ { QStringLiteral("role"), QStringLiteral("primary") } }))
        .add(QStringLiteral("db-replica"),
            QStringLiteral("database"),
            QStringLiteral("db-host-2"),
            props({ { QStringLiteral("role"), QStringLiteral("replica") },
                { QStringLiteral("read_only"), true } }))
        .link(QStringLiteral("db-primary"),
            QStringLiteral("db-replica"),
            QStringLiteral("replication"),
            props({ { QStringLiteral("tls"), true } }));
    for (const QString &n : { QStringLiteral("1"), QStringLiteral("2") }) {
        b.link(QStringLiteral("app-") + n, QStringLiteral("db-primary"), QStringLiteral("mysql"))
            .link(
                QStringLiteral("app-") + n, QStringLiteral("db-replica"), QStringLiteral("mysql"));
    }
    return b;
}

/** twoServers() with a firewall and a hosted monitoring agent on every machine. */
inline DesignBuilder guardedTwoServers()
{
    DesignBuilder b = twoServers();
    b.add(QStringLiteral("collector"),
        QStringLiteral("monitoring"),
        {},
        props({ { QStringLiteral("mode"), QStringLiteral("collector") },
            { QStringLiteral("product"), QStringLiteral("datadog") } }));
    for (const QString &h : { QStringLiteral("lb-host"),
             QStringLiteral("server-1"),
             QStringLiteral("server-2"),
             QStringLiteral("db-host-1"),
             QStringLiteral("db-host-2") }) {
        b.add(h + QStringLiteral("-fw"), QStringLiteral("firewall"), h)
            .add(h + QStringLiteral("-agent"), QStringLiteral("monitoring"), h)
            .link(h + QStringLiteral("-agent"),
                QStringLiteral("collector"),
                QStringLiteral("metrics"));
    }
    return b;
}

/** `design` without the link `linkId`. */
inline DesignData withoutLink(const DesignData &design, const QString &linkId)
{
    DesignData d = design;
    d.links.removeIf([&](const Link &l) { return l.id == linkId; });
    return d;
}

/** `design` with `components` moved into `host`. */
inline DesignData movedTo(
    const DesignData &design, const QStringList &components, const QString &host)
{
    DesignData d = design;
    for (Component &c : d.components) {
        if (components.contains(c.id))
            c.host = host;
    }
    return d;
}

/** `design` with the link `linkId` switched to `protocol` and its tls property set. */
inline DesignData relinked(
    const DesignData &design, const QString &linkId, const QString &protocol, bool tls)
{
    DesignData d = design;
    for (Link &l : d.links) {
        if (l.id == linkId) {
            l.protocol = protocol;
            l.props.insert(QStringLiteral("tls"), tls);
        }
    }
    return d;
}

inline DesignData example(const QString &name)
{
    const TopoFile::ReadResult r = TopoFile::read(
        QStringLiteral(TOPOSCOPE_SOURCE_DIR) + QStringLiteral("/resources/examples/") + name);
    return r.data;
}

} // namespace Designs

/** Findings of `rule`, subjects sorted, for comparisons. */
inline QList<QStringList> subjectsOf(const QList<Finding> &findings, const QString &rule)
{
    QList<QStringList> list;
    for (const Finding &f : findings) {
        if (f.rule == rule) {
            QStringList s = f.subjects;
            s.sort();
            list.append(s);
        }
    }
    return list;
}

inline bool hasFinding(const QList<Finding> &findings, const QString &rule, QStringList subjects)
{
    subjects.sort();
    return subjectsOf(findings, rule).contains(subjects);
}

/** "rule [a, b]" lines, for failure messages. */
inline QString describeFindings(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines.append(f.rule + QStringLiteral(" [") + f.subjects.join(QStringLiteral(", "))
            + QStringLiteral("]"));
    return lines.join(u'\n');
}

Q_DECLARE_METATYPE(DesignData)

/**
 * The body of every rule test: the design's findings include one of `rule` with exactly
 * `subjects` (in any order) when `expected`, and none of `rule` with them otherwise.
 */
inline void checkRule()
{
    QFETCH(DesignData, design);
    QFETCH(QString, rule);
    QFETCH(QStringList, subjects);
    QFETCH(bool, expected);
    const QList<Finding> findings = Validator::validate(design);
    QVERIFY2(
        hasFinding(findings, rule, subjects) == expected, qPrintable(describeFindings(findings)));
}

inline void ruleColumns()
{
    QTest::addColumn<DesignData>("design");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<bool>("expected");
}
