// SPDX-License-Identifier: MIT
#include "design/design.h"
#include "design/designdiff.h"
#include "design/kinds.h"

#include <QTest>

Q_DECLARE_METATYPE(DesignData)

using Type = DesignEdit::Type;

// The diff of two designs as Design's edits: checked by making them through Design's API, the
// way the undo commands do, and comparing with the design asked for.
class tst_DesignDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameDesignIsEmpty();
    void changes_data();
    void changes();
    void kindChangeRemakesTheComponentAndItsLinks();
    void whatDesignCannotEditIsReported();
};

namespace {

Component card(const QString &id, const QString &kind, const QString &host, QPointF pos)
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = id;
    c.host = host;
    c.pos = pos;
    c.props = Kinds::defaults(kind);
    return c;
}

Link link(const QString &id, const QString &from, const QString &to, const QString &protocol)
{
    Link l;
    l.id = id;
    l.from = from;
    l.to = to;
    l.protocol = protocol;
    l.port = Kinds::findProtocol(protocol)->defaultPort;
    for (const Kinds::PropertySpec &p : Kinds::linkProperties())
        l.props.insert(p.name, p.defaultValue);
    l.props.insert(QStringLiteral("tls"), Kinds::findProtocol(protocol)->encrypted);
    return l;
}

Host frame(const QString &id, QRectF rect)
{
    Host h;
    h.id = id;
    h.label = id;
    h.rect = rect;
    for (const Kinds::PropertySpec &p : Kinds::hostProperties())
        h.props.insert(p.name, p.defaultValue);
    return h;
}

DesignData base()
{
    DesignData d;
    d.name = QStringLiteral("Shop");
    d.hosts = { frame(QStringLiteral("h1"), QRectF(0, 0, 300, 200)) };
    d.components = { card(QStringLiteral("lb"), QStringLiteral("load_balancer"), {}, { 100, -200 }),
        card(QStringLiteral("web"),
            QStringLiteral("web_server"),
            QStringLiteral("h1"),
            { 100, 100 }),
        card(QStringLiteral("db"), QStringLiteral("database"), {}, { 100, 400 }) };
    d.links = { link(QStringLiteral("l1"),
                    QStringLiteral("lb"),
                    QStringLiteral("web"),
                    QStringLiteral("http")),
        link(QStringLiteral("l2"),
            QStringLiteral("web"),
            QStringLiteral("db"),
            QStringLiteral("mysql")) };
    return d;
}

// Makes the edits through Design, as ApplyEditsCommand's children do.
void apply(Design &design, const QList<DesignEdit> &edits)
{
    for (const DesignEdit &e : edits) {
        switch (e.type) {
        case Type::SetInfo:
            if (e.name == QLatin1String("name"))
                design.setName(e.after.toString());
            else if (e.name == QLatin1String("domain"))
                design.setDomain(e.after.toString());
            else
                design.setDescription(e.after.toString());
            break;
        case Type::RemoveLink:
            design.removeLink(e.id);
            break;
        case Type::SetComponentHost:
            QVERIFY(design.setComponentHost(e.id, e.after.toString()));
            break;
        case Type::RemoveComponent:
            design.removeComponent(e.id);
            break;
        case Type::RemoveHost:
            QVERIFY(design.data().componentsOf(e.id).isEmpty());
            design.removeHost(e.id);
            break;
        case Type::AddHost:
            QCOMPARE(design.addHost(e.host, e.index), e.id);
            break;
        case Type::AddComponent:
            QCOMPARE(design.addComponent(e.component, e.index), e.id);
            break;
        case Type::AddLink:
            QCOMPARE(design.addLink(e.link, e.index), e.id);
            break;
        case Type::MoveComponent:
            design.moveComponent(e.id, e.after.toPointF());
            break;
        case Type::SetHostRect:
            design.setHostRect(e.id, e.after.toRectF());
            break;
        case Type::SetLabel:
            if (design.component(e.id))
                design.setComponentLabel(e.id, e.after.toString());
            else if (design.host(e.id))
                design.setHostLabel(e.id, e.after.toString());
            else
                design.setLinkLabel(e.id, e.after.toString());
            break;
        case Type::SetProperty:
            if (design.component(e.id))
                QVERIFY(design.setComponentProperty(e.id, e.name, e.after));
            else if (design.host(e.id))
                QVERIFY(design.setHostProperty(e.id, e.name, e.after));
            else if (e.name == QLatin1String("protocol"))
                QVERIFY(design.setLinkProtocol(e.id, e.after.toString()));
            else if (e.name == QLatin1String("port"))
                design.setLinkPort(e.id, e.after.toInt());
            else
                QVERIFY(design.setLinkProperty(e.id, e.name, e.after));
            break;
        case Type::SetAcceptedFindings:
            design.setAcceptedFindings(e.acceptedFindings);
            break;
        }
    }
}

} // namespace

void tst_DesignDiff::sameDesignIsEmpty()
{
    const DesignDiff diff = DesignDiff::between(base(), base());
    QVERIFY(diff.isEmpty());
    QVERIFY(diff.complete);
}

void tst_DesignDiff::changes_data()
{
    QTest::addColumn<DesignData>("after");
    QTest::addColumn<int>("edits");

    DesignData d = base();
    d.components[0].pos = { 140, -180 };
    QTest::newRow("move") << d << 1;

    d = base();
    d.components.insert(
        1, card(QStringLiteral("lb2"), QStringLiteral("load_balancer"), {}, { 300, -200 }));
    d.links.append(link(QStringLiteral("l3"),
        QStringLiteral("lb2"),
        QStringLiteral("web"),
        QStringLiteral("http")));
    d.links.append(link(QStringLiteral("vrrp"),
        QStringLiteral("lb"),
        QStringLiteral("lb2"),
        QStringLiteral("vrrp")));
    QTest::newRow("add in the middle, link") << d << 3;

    d = base();
    d.hosts.append(frame(QStringLiteral("h2"), QRectF(0, 300, 300, 200)));
    d.components[2].host = QStringLiteral("h2");
    QTest::newRow("new host takes a card") << d << 2;

    d = base();
    d.hosts.clear();
    d.components[1].host.clear();
    QTest::newRow("host goes, its card stays") << d << 2;

    d = base();
    d.components.removeAt(2);
    d.links.removeAt(1);
    QTest::newRow("remove a card and its link") << d << 2;

    d = base();
    d.links[0].protocol = QStringLiteral("https");
    d.links[0].port = 8443;
    d.links[0].props.insert(QStringLiteral("tls"), true);
    QTest::newRow("protocol and port") << d << 5;

    d = base();
    d.components[0].props.insert(QStringLiteral("health_checks"), true);
    d.components[1].label = QStringLiteral("Front");
    d.hosts[0].rect = QRectF(0, 0, 400, 220);
    d.name = QStringLiteral("Shop 2");
    d.acceptedFindings = {
        { QStringLiteral("spof.component"), { QStringLiteral("db") }, QStringLiteral("fine") }
    };
    QTest::newRow("values") << d << 5;
}

void tst_DesignDiff::changes()
{
    QFETCH(DesignData, after);
    QFETCH(int, edits);
    Design design;
    design.reset(base());
    const DesignDiff diff = DesignDiff::between(design.data(), after);
    QVERIFY(diff.complete);
    QCOMPARE(diff.edits.size(), edits);
    apply(design, diff.edits);
    QCOMPARE(design.data(), after);
}

void tst_DesignDiff::kindChangeRemakesTheComponentAndItsLinks()
{
    DesignData after = base();
    after.components[2] = card(QStringLiteral("db"), QStringLiteral("cache"), {}, { 100, 400 });
    after.links[1].protocol = QStringLiteral("redis");
    after.links[1].port = 6379;
    const DesignDiff diff = DesignDiff::between(base(), after);
    QVERIFY(diff.complete);
    QCOMPARE(diff.count(Type::RemoveComponent), 1);
    QCOMPARE(diff.count(Type::AddComponent), 1);
    QCOMPARE(diff.count(Type::RemoveLink), 1);
    QCOMPARE(diff.count(Type::AddLink), 1);
    Design design;
    design.reset(base());
    apply(design, diff.edits);
    QCOMPARE(design.data(), after);
}

void tst_DesignDiff::whatDesignCannotEditIsReported()
{
    DesignData after = base();
    std::swap(after.components[0], after.components[1]);
    DesignDiff diff = DesignDiff::between(base(), after);
    QVERIFY(!diff.complete);
    QCOMPARE(diff.unsupported, QStringList{ QStringLiteral("the order of the components") });

    after = base();
    after.extra.insert(QStringLiteral("future"), 1);
    diff = DesignDiff::between(base(), after);
    QVERIFY(!diff.complete);
}

QTEST_GUILESS_MAIN(tst_DesignDiff)
#include "tst_designdiff.moc"
