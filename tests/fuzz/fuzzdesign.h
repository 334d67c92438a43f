// SPDX-License-Identifier: MIT
#pragma once

// What the writer fuzz targets share: a design made from the fuzzer's bytes. Every count, kind,
// host membership, link end, property and text comes from them, and texts can hold anything a
// QString can: markup, Mermaid syntax, control characters, bidirectional overrides, lone
// surrogates and noncharacters. Bytes below 0x80 are those ASCII characters, so a corpus seed
// can spell a hostile string as it is.

#include "design/designdata.h"
#include "design/kinds.h"
#include "design/limits.h"

#include <QString>

#include <cstddef>
#include <cstdint>

class FuzzDesign
{
public:
    FuzzDesign(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    { }

    bool atEnd() const { return m_pos >= m_size; }

    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }

    /** A text of up to `max` characters: a length byte, then one character per byte (a byte
     *  from 0x80 picks a hostile character, or with the next byte any UTF-16 unit). */
    QString text(int max)
    {
        const int length = qMin<int>(byte(), max);
        QString s;
        s.reserve(length);
        for (int i = 0; i < length && !atEnd(); ++i) {
            const uint8_t b = byte();
            if (b < 0x80) {
                s += QChar(b);
            } else if (b < 0xF0) {
                static const char16_t special[] = { 0x00,
                    0x1B,
                    0x07,
                    0x0A,
                    0x0D,
                    0x09,
                    0x7F,
                    0x85,
                    0x9B,
                    0xA0,
                    0x2028,
                    0x2029,
                    0x202E,
                    0x2066,
                    0x200B,
                    0xFEFF,
                    0xFFFE,
                    0xFFFF,
                    0xFFFD,
                    0xD800,
                    0xDBFF,
                    0xDC00,
                    0xDFFF,
                    0x00E9,
                    0x65E5,
                    0x0430 };
                s += QChar(special[(b - 0x80) % (sizeof special / sizeof special[0])]);
            } else {
                s += QChar(char16_t((b << 8) | byte()));
            }
        }
        return s;
    }

    DesignData design()
    {
        DesignData d;
        d.name = text(Limits::MaxLabelLength);
        d.domain = text(60);
        d.description = text(200);
        const QList<Kinds::KindSpec> &kinds = Kinds::all();
        const int hosts = byte() % 4;
        for (int i = 0; i < hosts; ++i) {
            Host h;
            h.id = QStringLiteral("h%1").arg(i);
            h.label = text(80);
            h.rect = QRectF(i * 400.0, 300, 320, 200);
            for (const Kinds::PropertySpec &p : Kinds::hostProperties())
                h.props.insert(p.name, p.defaultValue);
            h.props.insert(QStringLiteral("address"), text(40));
            d.hosts.append(h);
        }
        const int components = 1 + byte() % 10;
        for (int i = 0; i < components; ++i) {
            const Kinds::KindSpec &kind = kinds.at(byte() % kinds.size());
            Component c;
            // Ids too: the writers make their own ids from them.
            c.id = (byte() % 4 == 0) ? text(20) : QString();
            if (c.id.trimmed().isEmpty() || d.component(c.id) || d.host(c.id))
                c.id = QStringLiteral("c%1").arg(i);
            c.kind = kind.name;
            c.label = text(80);
            const int host = byte() % (hosts + 1);
            c.host = host < hosts ? d.hosts.at(host).id : QString();
            c.pos = QPointF((i % 4) * 200.0, (i / 4) * 150.0);
            c.props = Kinds::defaults(kind.name);
            for (const Kinds::PropertySpec &p : kind.properties) {
                if (p.type == Kinds::PropertyType::String && byte() % 2)
                    c.props.insert(p.name, text(100));
            }
            d.components.append(c);
        }
        const int links = byte() % 12;
        for (int i = 0; i < links && components > 1; ++i) {
            Link l;
            l.id = QStringLiteral("l%1").arg(i);
            l.from = d.components.at(byte() % components).id;
            l.to = d.components.at(byte() % components).id;
            if (l.from == l.to)
                continue;
            const QList<Kinds::ProtocolSpec> &protocols = Kinds::protocols();
            const Kinds::ProtocolSpec &protocol = protocols.at(byte() % protocols.size());
            l.protocol = protocol.name;
            l.port = protocol.defaultPort;
            l.label = text(40);
            for (const Kinds::PropertySpec &p : Kinds::linkProperties())
                l.props.insert(p.name, p.defaultValue);
            d.links.append(l);
        }
        return d;
    }

private:
    const uint8_t *m_data = nullptr;
    size_t m_size = 0;
    size_t m_pos = 0;
};
