// SPDX-License-Identifier: MIT
// Fuzzes the Mermaid importer. Any input must give a design or an error with a place, never a
// crash, a hang or a sanitizer report; and what it imports must survive the rest of the
// exchange: export to Mermaid and import again (same elements, same labels), save as .topo
// and load again, and a report.
#include "fuzzcheck.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"
#include "io/topofile.h"
#include "report/reportwriter.h"

#include <cstdint>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_mermaid", what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const MermaidReader::ReadResult r = MermaidReader::parse(bytes);
    if (!r.ok) {
        if (r.error.isEmpty())
            fail("an import failed without a message", QString());
        if (r.data.components.size() + r.data.hosts.size() + r.data.links.size() != 0)
            fail("a failed import left a half design", r.error);
        return 0;
    }
    const QString text = MermaidWriter::write(r.data);
    const MermaidReader::ReadResult again = MermaidReader::parse(text);
    if (!again.ok)
        fail("the exported Mermaid does not import", again.error + u'\n' + text);
    if (again.data.components.size() != r.data.components.size()
        || again.data.hosts.size() != r.data.hosts.size()
        || again.data.links.size() != r.data.links.size())
        fail("export then import changed the design", text);
    for (qsizetype i = 0; i < r.data.components.size(); ++i) {
        const Component &c = r.data.components.at(i);
        const Component *b = again.data.component(c.id);
        if (!b || b->label != FuzzCheck::spelled(c.label) || b->kind != c.kind || b->host != c.host
            || b->props != c.props)
            fail("export then import changed a component", c.id + u'\n' + text);
    }
    for (qsizetype i = 0; i < r.data.links.size(); ++i) {
        if (again.data.links.at(i).from != r.data.links.at(i).from
            || again.data.links.at(i).to != r.data.links.at(i).to
            || again.data.links.at(i).protocol != r.data.links.at(i).protocol)
            fail("export then import changed a link", r.data.links.at(i).id + u'\n' + text);
    }
    const TopoFile::ReadResult saved = TopoFile::parse(TopoFile::serialize(r.data));
    if (!saved.ok)
        fail("the imported design cannot be saved and opened", saved.error);
    const QString report = ReportWriter(r.data, {}, text).markdown();
    if (report.isEmpty())
        fail("empty report", QString());
    return 0;
}
