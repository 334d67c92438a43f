// SPDX-License-Identifier: MIT
#include "render/svgtext.h"
#include "svgcheck.h"

#include <QBuffer>
#include <QTest>

class tst_SvgText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data();
    void escape();
    void escapedTextParsesBackAsItWas();
    void safeDeviceReplacesWhatXmlCannotCarry_data();
    void safeDeviceReplacesWhatXmlCannotCarry();
    void safeDeviceJudgesSequencesSplitBetweenWrites();
};

void tst_SvgText::escape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << "Web shop"
                           << "Web shop";
    QTest::newRow("markup") << "x</title><script>"
                            << "x&lt;/title&gt;&lt;script&gt;";
    QTest::newRow("ampersand") << "a & b"
                               << "a &amp; b";
    QTest::newRow("quotes") << "\"a\" 'b'"
                            << "&quot;a&quot; &apos;b&apos;";
    QTest::newRow("line ends") << "a\r\nb\tc"
                               << "a&#13;&#10;b&#9;c";
    QTest::newRow("control") << QStringLiteral("a\x1b[31m\x07")
                             << QString::fromUtf16(u"a\uFFFD[31m\uFFFD");
    QTest::newRow("NUL") << QString(QChar(0)) << QString(QChar(QChar::ReplacementCharacter));
    // Not QString::fromUtf16(): it takes a leading U+FFFE for a byte order mark.
    QTest::newRow("noncharacters")
        << (QString(QChar(0xFFFE)) + QChar(0xFFFF)) << QString::fromUtf16(u"\uFFFD\uFFFD");
    QTest::newRow("lone surrogate")
        << QString(QChar(0xD800)) + u'x' << QString::fromUtf16(u"\uFFFDx");
    QTest::newRow("emoji kept") << QString::fromUtf16(u"\U0001F680 caf\u00E9")
                                << QString::fromUtf16(u"\U0001F680 caf\u00E9");
}

void tst_SvgText::escape()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(SvgText::escape(text), escaped);
}

void tst_SvgText::escapedTextParsesBackAsItWas()
{
    // In a title, the escaped text is read back by an XML parser as the text itself (what XML
    // can carry of it), line ends included: raw CR would have become LF.
    const QString text = QStringLiteral("a & b <c> \"d\" 'e'\r\nline\rcr\ttab");
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>"
        + SvgText::escape(text).toUtf8() + "</title></svg>";
    const SvgCheck::Parsed parsed = SvgCheck::parse(svg);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.title, text);
}

void tst_SvgText::safeDeviceReplacesWhatXmlCannotCarry_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QByteArray>("passed");
    QTest::newRow("clean") << QByteArray("<text>a\tb\r\nc</text>")
                           << QByteArray("<text>a\tb\r\nc</text>");
    QTest::newRow("escape character") << QByteArray("a\x1b[31m") << QByteArray("a\xEF\xBF\xBD[31m");
    QTest::newRow("NUL") << QByteArray("a\0b", 3)
                         << QByteArray("a\xEF\xBF\xBD"
                                       "b");
    QTest::newRow("U+FFFE") << QByteArray("a\xEF\xBF\xBE") << QByteArray("a\xEF\xBF\xBD");
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBFz") << QByteArray("\xEF\xBF\xBDz");
    QTest::newRow("U+FEFF kept") << QByteArray("\xEF\xBB\xBF") << QByteArray("\xEF\xBB\xBF");
}

void tst_SvgText::safeDeviceReplacesWhatXmlCannotCarry()
{
    QFETCH(QByteArray, written);
    QFETCH(QByteArray, passed);
    QBuffer target;
    target.open(QIODevice::WriteOnly);
    {
        SvgText::SafeDevice safe(&target);
        QCOMPARE(safe.write(written), written.size());
        safe.close();
        QVERIFY(!safe.hasFailed());
    }
    QCOMPARE(target.data(), passed);
}

void tst_SvgText::safeDeviceJudgesSequencesSplitBetweenWrites()
{
    // U+FFFF written one byte at a time is still replaced; U+FEFF split the same way is kept.
    QBuffer target;
    target.open(QIODevice::WriteOnly);
    SvgText::SafeDevice safe(&target);
    for (const char *piece : { "a", "\xEF", "\xBF", "\xBF", "b", "\xEF\xBB", "\xBF", "c\xEF" })
        safe.write(piece, qint64(qstrlen(piece)));
    safe.close();
    // A sequence cut short at the very end is passed on as it is.
    QCOMPARE(target.data(),
        QByteArray("a\xEF\xBF\xBD"
                   "b\xEF\xBB\xBF"
                   "c\xEF"));
}

QTEST_MAIN(tst_SvgText)
#include "tst_svgtext.moc"
