// SPDX-License-Identifier: MIT
// `toposcope lab up DESIGN` for every example design: what the lab can start comes up and
// answers where `lab status` says, what it cannot start is named, and `lab down` leaves
// nothing of it running.
#include "io/topofile.h"
#include "lab/processtable.h"
#include "labfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_LabRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyExampleComesUpAnswersAndGoesDown_data();
    void everyExampleComesUpAnswersAndGoesDown();
};

void tst_LabRunner::everyExampleComesUpAnswersAndGoesDown_data()
{
    QTest::addColumn<QString>("design");
    const QDir examples(QStringLiteral(TOPOSCOPE_SOURCE_DIR "/resources/examples"));
    const QStringList files = examples.entryList({ QStringLiteral("*.topo") }, QDir::Files);
    QVERIFY(files.size() >= 5);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << examples.filePath(f);
}

void tst_LabRunner::everyExampleComesUpAnswersAndGoesDown()
{
    QFETCH(QString, design);
    LabFixture lab;
    QString why;
    QVERIFY2(lab.up(&why, design), qPrintable(why));

    QString out;
    QCOMPARE(
        lab.lab(
            { QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json") }, &out),
        0);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonArray servers = status.value(QStringLiteral("servers")).toArray();
    QStringList kinds;
    for (const QJsonValue &v : servers) {
        kinds.append(v.toObject().value(QStringLiteral("kind")).toString());
        const QString why = LabFixture::unanswered(v.toObject());
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    // Each example has a balancer, web servers and a database the lab starts for real.
    for (const char *k : { "haproxy", "nginx", "mysql", "prometheus" })
        QVERIFY2(kinds.contains(QLatin1String(k)), k);
    // Every example draws a DNS: the lab answers its domain (as root, with port 53 free),
    // or says why not, element by element.
    const QJsonArray notStarted = status.value(QStringLiteral("not_started")).toArray();
    const DesignData drawn = TopoFile::read(design).data;
    int dnses = 0;
    for (const Component &c : drawn.components) {
        if (c.kind != QLatin1String("dns"))
            continue;
        ++dnses;
        bool runs = false;
        for (const LabState::Process &p : lab.state().processes)
            runs = runs || p.element == c.id;
        bool named = false;
        for (const QJsonValue &v : notStarted)
            named
                = named || v.toString().startsWith(QStringLiteral("%1 “%2”: ").arg(c.id, c.label));
        QVERIFY2(runs != named, qPrintable(c.id));
    }
    QVERIFY(dnses > 0);

    QList<ProcessTable::Target> started;
    for (const LabState::Process &p : lab.state().processes)
        started.append({ p.pid, p.startTime });
    QVERIFY(!started.isEmpty());
    QVERIFY2(lab.down(&why), qPrintable(why));
    for (const ProcessTable::Target &t : std::as_const(started))
        QVERIFY(!ProcessTable::isRunning(t.pid, t.startTime));
    QVERIFY(!QFileInfo::exists(lab.directory()));
}

QTEST_GUILESS_MAIN(tst_LabRunner)
#include "tst_labrunner.moc"
