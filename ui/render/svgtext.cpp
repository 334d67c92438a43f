// SPDX-License-Identifier: MIT
#include "svgtext.h"

namespace SvgText {

namespace {

const char Replacement[] = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

bool isBadByte(uchar b)
{
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
}

} // namespace

bool isXmlChar(char32_t c)
{
    if (c < 0x20)
        return c == '\t' || c == '\n' || c == '\r';
    if (c >= 0xD800 && c <= 0xDFFF)
        return false;
    return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

QString escape(QStringView text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&apos;");
            break;
        // As references, these survive what a parser does to raw ones: CR and CR LF become
        // LF everywhere, and in an attribute every one becomes a space.
        case u'\r':
            out += QStringLiteral("&#13;");
            break;
        case u'\n':
            out += QStringLiteral("&#10;");
            break;
        case u'\t':
            out += QStringLiteral("&#9;");
            break;
        default:
            out += isXmlChar(c.unicode()) ? c : QChar(QChar::ReplacementCharacter);
        }
    }
    return out;
}

SafeDevice::SafeDevice(QIODevice *target)
    : m_target(target)
{
    open(QIODevice::WriteOnly);
}

SafeDevice::~SafeDevice()
{
    SafeDevice::close();
}

void SafeDevice::close()
{
    if (!isOpen())
        return;
    // A sequence cut short at the end is not UTF-8 for U+FFFE or U+FFFF: pass it on as it is.
    if (!m_pending.isEmpty())
        pass(m_pending.constData(), m_pending.size());
    m_pending.clear();
    QIODevice::close();
}

qint64 SafeDevice::readData(char *, qint64)
{
    return -1;
}

void SafeDevice::pass(const char *data, qint64 size)
{
    if (size > 0 && !m_failed && m_target->write(data, size) != size)
        m_failed = true;
}

qint64 SafeDevice::writeData(const char *data, qint64 size)
{
    QByteArray chunk;
    const char *bytes = data;
    qint64 n = size;
    if (!m_pending.isEmpty()) {
        chunk = m_pending + QByteArray(data, size);
        m_pending.clear();
        bytes = chunk.constData();
        n = chunk.size();
    }
    qint64 clean = 0; // bytes[clean..i) are passed on unchanged
    for (qint64 i = 0; i < n; ++i) {
        const uchar b = uchar(bytes[i]);
        if (isBadByte(b)) {
            pass(bytes + clean, i - clean);
            pass(Replacement, 3);
            clean = i + 1;
            continue;
        }
        if (b != 0xEF)
            continue;
        if (i + 2 >= n) {
            // EF or EF BF at the end: whether it is U+FFFE/U+FFFF shows with the next write.
            pass(bytes + clean, i - clean);
            m_pending = QByteArray(bytes + i, n - i);
            return size;
        }
        if (uchar(bytes[i + 1]) == 0xBF
            && (uchar(bytes[i + 2]) == 0xBE || uchar(bytes[i + 2]) == 0xBF)) {
            pass(bytes + clean, i - clean);
            pass(Replacement, 3);
            clean = i + 3;
            i += 2;
        }
    }
    pass(bytes + clean, n - clean);
    return m_failed ? -1 : size;
}

} // namespace SvgText
