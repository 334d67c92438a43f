// SPDX-License-Identifier: MIT
#include "live/connectionconsent.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestConnectionConsent : public QObject
{
    Q_OBJECT

private:
    static DesignData design()
    {
        DesignData d;
        SourceConfig a;
        a.id = QStringLiteral("lb");
        a.kind = QStringLiteral("haproxy");
        a.address = QStringLiteral("http://127.0.0.1:8404/stats;csv");
        SourceConfig b;
        b.id = QStringLiteral("db");
        b.kind = QStringLiteral("mysql");
        b.address = QStringLiteral("10.0.0.3:3306");
        d.sources = { a, b };
        return d;
    }

private Q_SLOTS:
    void normalizedAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("url path and user dropped") << "http://admin@127.0.0.1:8404/stats;csv"
                                                   << "http://127.0.0.1:8404";
        QTest::newRow("default http port") << "http://Example.COM/stub_status"
                                           << "http://example.com:80";
        QTest::newRow("default https port") << "https://example.com"
                                            << "https://example.com:443";
        QTest::newRow("host and port") << "10.0.0.3:3306"
                                       << "tcp://10.0.0.3:3306";
        QTest::newRow("mysql url, default port") << "mysql://10.0.0.3"
                                                 << "tcp://10.0.0.3:3306";
        QTest::newRow("ipv6") << "[::1]:3306"
                              << "tcp://[::1]:3306";
        QTest::newRow("socket") << "/run/haproxy//admin.sock"
                                << "/run/haproxy/admin.sock";
        QTest::newRow("udp") << "udp://127.0.0.1:5514"
                             << "udp://127.0.0.1:5514";
        QTest::newRow("domain") << " www.example.com "
                                << "tcp://www.example.com";
    }

    void normalizedAddress()
    {
        QFETCH(QString, address);
        QFETCH(QString, normalized);
        QCOMPARE(ConnectionConsent::normalizedAddress(address), normalized);
    }

    void nothingIsAllowedBeforeTheUserAgrees()
    {
        ConnectionConsent consent;
        const DesignData d = design();
        QCOMPARE(consent.pendingSources(d, QStringLiteral("/tmp/a.topo")).size(), 2);
        QVERIFY(consent.allowedSources(d, QStringLiteral("/tmp/a.topo")).isEmpty());
    }

    void agreementIsPerDesignAndPerAddress()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.topo"));
        const QString b = dir.filePath(QStringLiteral("b.topo"));
        for (const QString &p : { a, b }) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ConnectionConsent consent(&settings);
        // Agreeing to the stats page's server covers another path on it, not another port.
        consent.allow(a, QStringLiteral("http://127.0.0.1:8404/"));
        QVERIFY(consent.isAllowed(a, QStringLiteral("http://127.0.0.1:8404/stats;csv")));
        QVERIFY(!consent.isAllowed(a, QStringLiteral("http://127.0.0.1:8405/stats;csv")));
        QVERIFY(!consent.isAllowed(b, QStringLiteral("http://127.0.0.1:8404/stats;csv")));
        // The same file by another path is the same design.
        QVERIFY(consent.isAllowed(
            dir.path() + QStringLiteral("/./a.topo"), QStringLiteral("http://127.0.0.1:8404/")));
        const QList<SourceConfig> pending = consent.pendingSources(design(), a);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().id, QStringLiteral("db"));
    }

    void rememberedAgreementsOutliveTheSessionOthersDoNot()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.topo"));
        QFile f(a);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            ConnectionConsent consent(&settings);
            consent.allow(a, QStringLiteral("10.0.0.3:3306"), true);
            consent.allow(a, QStringLiteral("http://127.0.0.1:8404/"), false);
            consent.allow(QString(), QStringLiteral("10.0.0.9:3306"), true); // unsaved design
            QCOMPARE(consent.allowedAddresses(a).size(), 2);
            QVERIFY(consent.isAllowed(QString(), QStringLiteral("10.0.0.9:3306")));
        }
        QSettings settings(ini, QSettings::IniFormat);
        ConnectionConsent later(&settings);
        QVERIFY(later.isAllowed(a, QStringLiteral("mysql://10.0.0.3")));
        QVERIFY(!later.isAllowed(a, QStringLiteral("http://127.0.0.1:8404/")));
        QVERIFY(!later.isAllowed(QString(), QStringLiteral("10.0.0.9:3306")));
        // The design file holds nothing of it: the agreement is in the settings only.
        QVERIFY(QFile(ini).size() > 0);
        QCOMPARE(QFile(a).size(), 0);
        later.revoke(a, QStringLiteral("10.0.0.3:3306"));
        QVERIFY(!later.isAllowed(a, QStringLiteral("10.0.0.3:3306")));
        later.allow(a, QStringLiteral("10.0.0.4:3306"));
        later.revokeAll(a);
        QVERIFY(later.allowedAddresses(a).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionConsent)
#include "tst_connectionconsent.moc"
