// SPDX-License-Identifier: MIT
// Each review rule that a good design can answer has a property that answers it (issue 10): a
// backup configured, lag-aware reads, automated certificate renewal, zero-downtime deploys,
// autoscaling, two sites. On a design where the rule fires, setting that property on what the
// finding names makes the finding go, brings no other finding, and is kept in the saved file.
#include "analysis/validator.h"
#include "designbuilder.h"
#include "io/topofile.h"

#include <QTest>

#include <functional>

namespace {

using Switch = std::function<void(DesignData *, const Finding &)>;

DesignData example(const char *name)
{
    const TopoFile::ReadResult r
        = TopoFile::read(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples/") + s(name));
    if (!r.ok)
        qFatal("%s", qPrintable(r.error));
    return r.data;
}

// One server that all users reach first, nothing in front of it.
DesignData oneWebServer()
{
    return DesignBuilder()
        .add(s("users"), s("client"))
        .add(s("web"), s("web_server"))
        .add(s("app"), s("app_server"))
        .add(s("db"), s("database"))
        .link(s("users"), s("web"))
        .link(s("web"), s("app"))
        .link(s("app"), s("db"), s("mysql"))
        .data();
}

void setOnSubjects(DesignData *d, const Finding &f, const QString &name, const QVariant &value)
{
    for (Component &c : d->components) {
        if (f.subjects.contains(c.id))
            c.props.insert(name, value);
    }
}

Switch setting(const char *name, const QVariant &value)
{
    return [name = s(name), value](
               DesignData *d, const Finding &f) { setOnSubjects(d, f, name, value); };
}

// Two sites: the machines (and unhosted servers) alternate between them, in design order.
void twoSites(DesignData *d, const Finding &)
{
    int i = 0;
    for (Host &h : d->hosts)
        h.props.insert(s("site"), (i++ % 2) ? s("eu-west-1b") : s("eu-west-1a"));
    for (Component &c : d->components) {
        if (c.host.isEmpty())
            c.props.insert(s("site"), (i++ % 2) ? s("eu-west-1b") : s("eu-west-1a"));
    }
}

QSet<QString> rulesOf(const QList<Finding> &findings)
{
    QSet<QString> rules;
    for (const Finding &f : findings)
        rules.insert(f.rule);
    return rules;
}

} // namespace

Q_DECLARE_METATYPE(Switch)

class TestRuleSwitches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answeredByTheDesign_data();
    void answeredByTheDesign();
};

void TestRuleSwitches::answeredByTheDesign_data()
{
    QTest::addColumn<DesignData>("design");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Switch>("answer");

    QTest::newRow("backups configured") << example("secured-monitored.topo")
                                        << s("config.no-backup") << setting("backup", s("daily"));
    QTest::newRow("reads leave a lagging replica")
        << example("secured-monitored.topo") << s("config.replication-lag")
        << setting("lag_aware_reads", true);
    QTest::newRow("certificates renewed automatically")
        << example("secured-monitored.topo") << s("security.certificate-renewal")
        << setting("certificate_renewal", s("automated"));
    QTest::newRow("two sites") << example("secured-monitored.topo") << s("config.single-site")
                               << Switch(twoSites);
    QTest::newRow("deploys without downtime")
        << example("seed-004-active-passive.topo") << s("config.maintenance-downtime")
        << setting("zero_downtime_deploys", true);
    QTest::newRow("autoscaling") << oneWebServer() << s("config.scalability")
                                 << setting("autoscaling", true);
}

void TestRuleSwitches::answeredByTheDesign()
{
    QFETCH(DesignData, design);
    QFETCH(QString, rule);
    QFETCH(Switch, answer);

    const QList<Finding> before = Validator::validate(design);
    const auto found = std::find_if(
        before.cbegin(), before.cend(), [&](const Finding &f) { return f.rule == rule; });
    QVERIFY2(found != before.cend(), qPrintable(rule + s(" does not fire to begin with")));
    answer(&design, *found);

    // Saved and read again, as the user's file keeps it.
    const TopoFile::ReadResult saved = TopoFile::parse(TopoFile::serialize(design));
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const QList<Finding> after = Validator::validate(saved.data);
    QSet<QString> expected = rulesOf(before);
    expected.remove(rule);
    const QSet<QString> got = rulesOf(after);
    QVERIFY2(!got.contains(rule), qPrintable(rule + s(" still fires")));
    const QSet<QString> added = got - expected;
    QVERIFY2(added.isEmpty(), qPrintable(QStringList(added.cbegin(), added.cend()).join(u',')));
}

QTEST_GUILESS_MAIN(TestRuleSwitches)
#include "tst_ruleswitches.moc"
