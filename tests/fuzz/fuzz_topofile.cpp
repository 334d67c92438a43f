// SPDX-License-Identifier: MIT
// Fuzzes the .topo loader. Any input must give a design or an error, never a crash, a hang or
// a sanitizer report; a design it accepts must save and load again unchanged, export to
// Mermaid that imports again with the same elements, and give a report.
#include "fuzzcheck.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "io/topofile.h"
#include "report/reportwriter.h"

#include <cstdint>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_topofile", what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const TopoFile::ReadResult r = TopoFile::parse(bytes);
    if (!r.ok) {
        if (r.error.isEmpty())
            fail("a load failed without a message", QString());
        return 0;
    }
    const TopoFile::ReadResult again = TopoFile::parse(TopoFile::serialize(r.data));
    if (!again.ok)
        fail("a loaded design does not load again after saving", again.error);
    if (!(again.data == r.data))
        fail("save then load changed the design", QString::fromUtf8(TopoFile::serialize(r.data)));
    // As a file is read: UTF-8, where a leading U+FEFF may be taken for a byte order mark. A
    // lone surrogate (a JSON "\\udddd"; no keyboard gives one) cannot be written as UTF-8: Qt
    // writes "?" for it, so such a label only has to leave a Mermaid that imports, as in
    // fuzz_mermaidwriter.
    const QString text = MermaidWriter::write(r.data);
    const MermaidReader::ReadResult imported = MermaidReader::parse(text.toUtf8());
    const auto bare = [](QString t) { return t.remove(QChar(0xFEFF)); };
    if (!imported.ok)
        fail("the exported Mermaid does not import", imported.error + u'\n' + text);
    if (imported.data.components.size() != r.data.components.size()
        || imported.data.hosts.size() != r.data.hosts.size()
        || imported.data.links.size() != r.data.links.size())
        fail("export then import changed the design", text);
    for (const Component &c : r.data.components) {
        const Component *b = imported.data.component(c.id);
        const bool lone = FuzzCheck::spelled(c.label).contains(QChar(QChar::ReplacementCharacter))
            && !c.label.contains(QChar(QChar::ReplacementCharacter));
        if (!b || b->kind != c.kind
            || (!lone && bare(b->label) != bare(FuzzCheck::spelled(c.label))))
            fail("export then import changed a component", c.id + u'\n' + text);
    }
    const QString report = ReportWriter(r.data, {}, text).markdown();
    if (report.isEmpty())
        fail("empty report", QString());
    return 0;
}
