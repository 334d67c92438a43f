// SPDX-License-Identifier: MIT
// Fuzzes the Mermaid writer: a design made from the input (fuzzdesign.h), whatever its texts,
// must export to Mermaid that imports again, as a file is read (UTF-8), with the same elements
// and every label as it was with the round-trip comments; without them, it must import (it is
// then read as the importer reads anyone's diagram).
#include "fuzzcheck.h"
#include "fuzzdesign.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"

#include <algorithm>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_mermaidwriter", what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzDesign input(data, size);
    const DesignData d = input.design();
    for (const bool metadata : { true, false }) {
        MermaidWriter::Options options;
        options.metadata = metadata;
        const QString text = MermaidWriter::write(d, options);
        const MermaidReader::ReadResult r = MermaidReader::parse(text.toUtf8());
        if (!r.ok)
            fail("the written Mermaid does not parse back", r.error + u'\n' + text);
        // Without the round-trip comments the text is read as anyone's diagram is (issue 10:
        // a subgraph is a machine only when it looks like one, a node with edges to processes
        // is the machine they run on, two edges between the same nodes are one connection):
        // it must import, and what the comments promise is checked with them.
        if (!metadata)
            continue;
        if (r.data.components.size() != d.components.size() || r.data.hosts.size() != d.hosts.size()
            || r.data.links.size() != d.links.size())
            fail("the written Mermaid parses back with other elements", text);
        // Every label that was there comes back as it was, on some element of its type (the
        // reader lists a subgraph's members where they are written, not in the design's order;
        // a node without a label is named from its id, as people's diagrams need).
        // Lone UTF-16 surrogates (made up here; no file or keyboard gives them) only have to
        // leave a Mermaid that imports with the same elements.
        const auto lone = [](const QString &t) {
            for (qsizetype i = 0; i < t.size(); ++i) {
                if (t.at(i).isHighSurrogate() && i + 1 < t.size() && t.at(i + 1).isLowSurrogate())
                    ++i;
                else if (t.at(i).isSurrogate())
                    return true;
            }
            return false;
        };
        // A U+FEFF (a byte order mark to a reader) may be dropped on the way.
        const auto bare = [](QString t) { return t.remove(QChar(0xFEFF)); };
        const auto missing = [&lone, &bare](QStringList wanted, QStringList got) {
            for (QString &g : got)
                g = bare(g);
            for (const QString &w : std::as_const(wanted)) {
                if (bare(FuzzCheck::spelled(w)).trimmed().isEmpty() || lone(w))
                    continue;
                const qsizetype at = got.indexOf(bare(FuzzCheck::spelled(w)));
                if (at < 0)
                    return w;
                got.removeAt(at);
            }
            return QString();
        };
        const auto labelsOf = [](const auto &elements) {
            QStringList list;
            for (const auto &e : elements)
                list << e.label;
            return list;
        };
        if (const QString lost = missing(labelsOf(d.components), labelsOf(r.data.components));
            !lost.isNull())
            fail("a component label changed on the way", lost + u'\n' + text);
        if (const QString lost = missing(labelsOf(d.hosts), labelsOf(r.data.hosts)); !lost.isNull())
            fail("a host label changed on the way", lost + u'\n' + text);
        if (metadata) {
            for (qsizetype i = 0; i < d.links.size(); ++i) {
                const QString label = bare(FuzzCheck::spelled(d.links.at(i).label));
                if (!label.trimmed().isEmpty() && !lone(d.links.at(i).label)
                    && bare(r.data.links.at(i).label) != label)
                    fail("a link label changed on the way",
                        QStringLiteral("%1 read back as %2\n").arg(label, r.data.links.at(i).label)
                            + text);
            }
            // A name with control characters in it (a NUL, a line break) is not promised back:
            // the title is one line; the rest must be as it was.
            const QString name = bare(FuzzCheck::spelled(d.name));
            const bool control = std::any_of(d.name.cbegin(), d.name.cend(), [](QChar c) {
                return c.unicode() < 0x20 || c.unicode() == 0x7F;
            });
            if (!control && !lone(d.name) && !name.trimmed().isEmpty() && bare(r.data.name) != name)
                fail("the name changed on the way",
                    QStringLiteral("%1 read back as %2\n").arg(name, r.data.name) + text);
        }
    }
    return 0;
}
