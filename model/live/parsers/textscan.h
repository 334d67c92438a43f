// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <charconv>
#include <cstring>

/**
 * Byte-level scanning shared by the live parsers: they read what servers send, which may be
 * large (a 10,000-server CSV) or hostile, so they work on views of the bytes, never copy a line,
 * and never trust a length.
 */
namespace TextScan {

/** Lines of `text`, split at '\n' with a trailing '\r' removed; counts them from 1. */
class Lines
{
public:
    explicit Lines(QByteArrayView text)
        : m_text(text)
    { }
    bool next(QByteArrayView *line, int *number)
    {
        if (m_pos >= m_text.size())
            return false;
        const char *begin = m_text.data() + m_pos;
        const qsizetype left = m_text.size() - m_pos;
        const void *nl = std::memchr(begin, '\n', size_t(left));
        qsizetype length = nl ? static_cast<const char *>(nl) - begin : left;
        m_pos += nl ? length + 1 : length;
        if (length > 0 && begin[length - 1] == '\r')
            --length;
        *line = QByteArrayView(begin, length);
        *number = ++m_number;
        return true;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_number = 0;
};

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isSpace(v[b]))
        ++b;
    while (e > b && isSpace(v[e - 1]))
        --e;
    return v.sliced(b, e - b);
}

/** Parses an integer or a decimal number filling the whole view; false otherwise. */
inline bool toNumber(QByteArrayView v, double *out)
{
    const char *b = v.data();
    const char *e = b + v.size();
    if (b == e)
        return false;
    long long n = 0;
    auto [p, ec] = std::from_chars(b, e, n);
    if (ec == std::errc() && p == e) {
        *out = double(n);
        return true;
    }
    double d = 0;
    auto [q, ec2] = std::from_chars(b, e, d);
    if (ec2 == std::errc() && q == e) {
        *out = d;
        return true;
    }
    return false;
}

/**
 * Splits one CSV line at commas into `fields` (cleared first). A field that starts with a quote
 * runs to the closing quote ("" is a quote inside); its view excludes the quotes and leaves any
 * "" doubled. False when a quote is not closed.
 */
inline bool splitCsv(QByteArrayView line, QList<QByteArrayView> *fields)
{
    fields->clear();
    const char *p = line.data();
    const char *end = p + line.size();
    for (;;) {
        if (p < end && *p == '"') {
            const char *start = ++p;
            for (;;) {
                const void *q = std::memchr(p, '"', size_t(end - p));
                if (!q)
                    return false;
                p = static_cast<const char *>(q);
                if (p + 1 < end && p[1] == '"') {
                    p += 2;
                    continue;
                }
                break;
            }
            fields->append(QByteArrayView(start, p - start));
            ++p; // the closing quote
            const void *c = std::memchr(p, ',', size_t(end - p));
            if (!c)
                return true;
            p = static_cast<const char *>(c) + 1;
            continue;
        }
        const void *c = std::memchr(p, ',', size_t(end - p));
        if (!c) {
            fields->append(QByteArrayView(p, end - p));
            return true;
        }
        const char *comma = static_cast<const char *>(c);
        fields->append(QByteArrayView(p, comma - p));
        p = comma + 1;
    }
}

/** A short, printable quote of untrusted bytes for an error message. */
inline QString excerpt(QByteArrayView v, qsizetype max = 40)
{
    QString s;
    const qsizetype n = std::min(v.size(), max);
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(v[i]);
        s += (c >= 0x20 && c < 0x7f) ? QChar(c) : QChar(u'?');
    }
    if (v.size() > max)
        s += QStringLiteral("...");
    return s;
}

} // namespace TextScan
