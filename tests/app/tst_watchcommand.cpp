// SPDX-License-Identifier: MIT
// `toposcope watch` as a user runs it: the real executable, the simulator at full speed, a
// failure scheduled on the command line, a recording replayed to the same lines, and the
// reasons it gives when it cannot watch.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString example(const char *file)
{
    return s(TOPOSCOPE_SOURCE_DIR) + s("/resources/examples/") + s(file);
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList lines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
};

Run watch(const QStringList &args)
{
    QProcess p;
    // No lab: --source lab must say that none is up, whatever runs on this machine.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(s("TOPOSCOPE_LAB_DIR"), QDir::tempPath() + s("/toposcope-no-lab-here"));
    p.setProcessEnvironment(env);
    p.start(s(TOPOSCOPE_BINARY), QStringList{ s("watch") } + args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = s("did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/** "web-2 51/s 51 err down" out of a text line: rate, errors, health of one element. */
struct Figures
{
    double rate = -1;
    double errors = -1;
    QString health;
};

Figures figures(const QString &line, const QString &id)
{
    const QRegularExpression re(QStringLiteral("(?:\\] |\\| )%1 ([0-9.]+)/s ([0-9.]+) err (\\S+)")
                                    .arg(QRegularExpression::escape(id)));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return {};
    return { m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3) };
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePerSecondWithRatesErrorsAndHealth()
    {
        const Run r = watch({ example("distributed.topo"),
            s("--speed"),
            s("max"),
            s("--duration"),
            s("10"),
            s("--fail"),
            s("web-2@4") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QStringList lines = r.lines();
        QCOMPARE(lines.size(), 10);
        for (int i = 0; i < 10; ++i)
            QVERIFY2(lines.at(i).startsWith(
                         QStringLiteral("[+00:%1]").arg(i + 1, 2, 10, QLatin1Char('0'))),
                qPrintable(lines.at(i)));
        // Before: round robin halves the traffic. After: the balancer, without health checks,
        // keeps sending half to web-2, and those requests fail.
        const Figures before = figures(lines.at(2), s("web-2"));
        QCOMPARE(before.health, s("up"));
        QVERIFY(before.rate > 20);
        const Figures after = figures(lines.at(8), s("web-2"));
        QCOMPARE(after.health, s("down"));
        QCOMPARE(after.rate, 0.0);
        const Figures users = figures(lines.at(8), s("users"));
        QVERIFY2(users.errors > 0.3 * users.rate, qPrintable(lines.at(8)));
        QCOMPARE(figures(lines.at(8), s("web-1")).errors, 0.0);
    }

    void sameSeedSameRun()
    {
        const QStringList args = { example("scaled-up.topo"),
            s("--speed"),
            s("max"),
            s("--duration"),
            s("5"),
            s("--seed"),
            s("42") };
        const Run a = watch(args);
        const Run b = watch(args);
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QStringList other = args;
        other.last() = s("43");
        QVERIFY(watch(other).out != a.out);
    }

    void jsonLines()
    {
        const Run r = watch({ example("scaled-up.topo"),
            s("--speed"),
            s("max"),
            s("--duration"),
            s("3"),
            s("--format"),
            s("json"),
            s("--fail"),
            s("lb-01@0") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 3);
        for (const QString &line : r.lines()) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            QVERIFY(o.value(s("time_ms")).toDouble() > 1.6e12);
            bool host = false;
            for (const QJsonValue &v : o.value(s("elements")).toArray()) {
                const QJsonObject e = v.toObject();
                QVERIFY(e.value(s("id")).isString() && e.value(s("health")).isString());
                if (e.value(s("id")) == s("lb-01")) {
                    QCOMPARE(e.value(s("type")).toString(), s("host"));
                    QCOMPARE(e.value(s("health")).toString(), s("down"));
                    host = true;
                }
            }
            QVERIFY(host);
        }
    }

    void aRecordingReplaysToTheSameLines()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(s("session.jsonl"));
        const Run live = watch({ example("secured-monitored.topo"),
            s("--speed"),
            s("max"),
            s("--duration"),
            s("20"),
            s("--record"),
            out,
            s("--fail"),
            s("server-1@8") });
        QCOMPARE(live.exitCode, 0);
        QVERIFY(QFile::exists(out));
        QVERIFY(!QFile::exists(out + s(".part")));
        const Run replay = watch(
            { example("secured-monitored.topo"), s("--replay"), out, s("--speed"), s("max") });
        QCOMPARE(replay.exitCode, 0);
        QVERIFY2(replay.err.isEmpty(), qPrintable(replay.err));
        QCOMPARE(replay.lines(), live.lines());
        // The machine's failure shows in the replay as it was: its host down, web-1 no more.
        QVERIFY(replay.lines().last().contains(s("host server-1 down")));
        // And played at 20 times the speed, it takes about a second.
        const Run part = watch({ example("secured-monitored.topo"),
            s("--replay"),
            out,
            s("--speed"),
            s("20"),
            s("--duration"),
            s("5") });
        QCOMPARE(part.exitCode, 0);
        QCOMPARE(part.lines(), live.lines().mid(0, 5));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const QString design = example("distributed.topo");
        QTest::newRow("no file") << QStringList{} << s("FILE is missing");
        QTest::newRow("missing design")
            << QStringList{ s("/nonexistent.topo") } << s("no such file");
        QTest::newRow("unknown source")
            << QStringList{ design, s("--source"), s("carrier-pigeon") } << s("unknown source");
        QTest::newRow("live without sources") << QStringList{ design, s("--source"), s("live") }
                                              << s("the design names no live sources");
        QTest::newRow("no lab up")
            << QStringList{ design, s("--source"), s("lab") } << s("no lab is up in");
        QTest::newRow("simulator actions on real servers")
            << QStringList{ design, s("--source"), s("lab"), s("--fail"), s("web-1@2") }
            << s("are for the simulator");
        QTest::newRow("speed on real servers")
            << QStringList{ design, s("--source"), s("live"), s("--speed"), s("max") }
            << s("real servers run in real time");
        QTest::newRow("every source refused") << QStringList{
            s(TOPOSCOPE_FIXTURES "/live/unreachable-sources.topo"), s("--source"), s("live")
        } << s("no source could be connected");
        QTest::newRow("missing recording")
            << QStringList{ design, s("--replay"), s("/nonexistent.jsonl") }
            << s("/nonexistent.jsonl: No such file or directory");
        QTest::newRow("broken recording")
            << QStringList{ design, s("--replay"), s(TOPOSCOPE_FIXTURES "/live/broken.jsonl") }
            << s("broken.jsonl:3: metric \"request_rate\" is not a number");
        QTest::newRow("recording over its input")
            << QStringList{ design, s("--record"), design } << s("would overwrite its input");
        QTest::newRow("unknown element")
            << QStringList{ design, s("--fail"), s("web-9@3") } << s("web-9: no component");
        QTest::newRow("not drainable") << QStringList{ design, s("--drain"), s("db-1@3") }
                                       << s("not a load balancer's server");
        QTest::newRow("bad schedule")
            << QStringList{ design, s("--fail"), s("web-1") } << s("expects ID@SECONDS");
        QTest::newRow("replay and source")
            << QStringList{ design, s("--replay"), s("x.jsonl"), s("--source"), s("simulator") }
            << s("does not go with --source");
        QTest::newRow("bad speed")
            << QStringList{ design, s("--speed"), s("fast") } << s("--speed expects");
        QTest::newRow("bad format")
            << QStringList{ design, s("--format"), s("xml") } << s("--format expects");
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const Run r = watch(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
