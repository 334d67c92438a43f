// SPDX-License-Identifier: MIT
#pragma once

#include <QIODevice>
#include <QString>
#include <QStringView>

// Text that goes into an SVG document must be XML: markup characters as entities, and no
// character XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF, lone surrogates). Qt's SVG
// generator escapes `&`, `<` and `>` in drawn text but writes the document's title and
// description as they are and lets control characters through anywhere; these two close both
// gaps, so that an exported picture always parses and no design text can become markup (a
// `<script>` in a name).
namespace SvgText {

/** `text` as XML character data or an attribute value. Characters XML cannot carry become
 *  U+FFFD, the replacement character. */
QString escape(QStringView text);

/** Whether XML 1.0 can carry the character `c`. */
bool isXmlChar(char32_t c);

/**
 * A device that passes UTF-8 XML on to `target` with every character XML cannot carry
 * replaced by U+FFFD, byte by byte as it is written (the document is never held whole). Close
 * it (or destroy it) to pass on the last bytes; hasFailed() tells whether `target` refused a
 * write.
 */
class SafeDevice : public QIODevice
{
public:
    explicit SafeDevice(QIODevice *target);
    ~SafeDevice() override;

    bool isSequential() const override { return true; }
    void close() override;
    bool hasFailed() const { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void pass(const char *data, qint64 size);

    QIODevice *m_target = nullptr;
    QByteArray m_pending; ///< the start of a three-byte sequence split between writes
    bool m_failed = false;
};

} // namespace SvgText
