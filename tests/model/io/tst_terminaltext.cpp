// SPDX-License-Identifier: MIT
#include "hostiletext.h"
#include "io/terminaltext.h"

#include <QTest>

class TestTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("Nginx web-1") << QStringLiteral("Nginx web-1");
        QTest::newRow("unicode kept")
            << QString::fromUtf16(u"caf\u00E9 \u65E5\u672C \U0001F680 \u00AB\u00BB")
            << QString::fromUtf16(u"caf\u00E9 \u65E5\u672C \U0001F680 \u00AB\u00BB");
        QTest::newRow("ANSI colour")
            << QStringLiteral("\x1b[31mRED\x1b[0m") << QStringLiteral("\\x1b[31mRED\\x1b[0m");
        QTest::newRow("OSC title")
            << QStringLiteral("\x1b]0;pwned\x07") << QStringLiteral("\\x1b]0;pwned\\x07");
        QTest::newRow("C1 CSI") << QString(QChar(0x9B)) + QStringLiteral("2J")
                                << QStringLiteral("\\u009b2J");
        QTest::newRow("line breaks")
            << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\x0ab\\x0dc\\x09d");
        QTest::newRow("NUL and DEL")
            << QString(QChar(0)) + QStringLiteral("x\x7f") << QStringLiteral("\\x00x\\x7f");
        QTest::newRow("bidi override")
            << QString::fromUtf16(u"abc\u202Edef\u2066") << QStringLiteral("abc\\u202edef\\u2066");
        QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u2028");
        QTest::newRow("lone surrogate")
            << QString(QChar(0xD800)) + u'x' << QStringLiteral("\\ud800x");
    }

    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(TerminalText::escape(text), shown);
    }

    void nothingATerminalActsOnIsLeft()
    {
        QRandomGenerator rng(11);
        QStringList texts = HostileText::samples();
        for (int i = 0; i < 2000; ++i)
            texts.append(HostileText::random(rng, 40));
        for (const QString &text : std::as_const(texts)) {
            const QString shown = TerminalText::escape(text);
            for (qsizetype i = 0; i < shown.size(); ++i) {
                char32_t c = shown.at(i).unicode();
                if (shown.at(i).isHighSurrogate() && i + 1 < shown.size()
                    && shown.at(i + 1).isLowSurrogate()) {
                    c = QChar::surrogateToUcs4(shown.at(i), shown.at(i + 1));
                    ++i;
                }
                QVERIFY2(!TerminalText::needsEscape(c), qPrintable(shown));
            }
            // Escaping again changes nothing: the escapes are plain text.
            QCOMPARE(TerminalText::escape(shown), shown);
        }
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
