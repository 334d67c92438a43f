// SPDX-License-Identifier: MIT
// Fuzzes the Mermaid writer: a design made from the input (fuzzdesign.h), whatever its texts,
// must export to Mermaid that imports again, as a file is read (UTF-8), with the same elements
// and every label as it was; with and without the round-trip comments.
#include "fuzzcheck.h"
#include "fuzzdesign.h"
#include "io/mermaidreader.h"
#include "io/mermaidwriter.h"

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
        if (r.data.components.size() != d.components.size() || r.data.hosts.size() != d.hosts.size()
            || r.data.links.size() != d.links.size())
            fail("the written Mermaid parses back with other elements", text);
        for (qsizetype i = 0; i < d.components.size(); ++i) {
            if (r.data.components.at(i).label != FuzzCheck::spelled(d.components.at(i).label))
                fail("a component label changed on the way",
                    d.components.at(i).label + u'\n' + text);
        }
        for (qsizetype i = 0; i < d.hosts.size(); ++i) {
            if (r.data.hosts.at(i).label != FuzzCheck::spelled(d.hosts.at(i).label))
                fail("a host label changed on the way", d.hosts.at(i).label + u'\n' + text);
        }
        if (metadata) {
            for (qsizetype i = 0; i < d.links.size(); ++i) {
                if (r.data.links.at(i).label != FuzzCheck::spelled(d.links.at(i).label))
                    fail("a link label changed on the way", d.links.at(i).label + u'\n' + text);
            }
            if (r.data.name != FuzzCheck::spelled(d.name))
                fail("the name changed on the way", d.name + u'\n' + text);
        }
    }
    return 0;
}
