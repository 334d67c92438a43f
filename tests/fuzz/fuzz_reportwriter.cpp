// SPDX-License-Identifier: MIT
// Fuzzes the Markdown report: a design and findings made from the input (fuzzdesign.h) must
// give a report in which no text from them starts HTML (a tag or an entity) and every label,
// name and finding text is shown as it is once the Markdown escapes are read (CommonMark).
#include "fuzzcheck.h"
#include "fuzzdesign.h"
#include "io/mermaidwriter.h"
#include "markdowncheck.h"
#include "report/reportwriter.h"

namespace {

[[noreturn]] void fail(const char *what, const QString &detail)
{
    FuzzCheck::fail("fuzz_reportwriter", what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzDesign input(data, size);
    const DesignData d = input.design();
    QList<Finding> findings;
    const int count = input.byte() % 4;
    for (int i = 0; i < count; ++i) {
        Finding f;
        f.rule = QStringLiteral("spof.component");
        f.category = Finding::Category(input.byte() % 4);
        f.severity = Finding::Severity(input.byte() % 3);
        f.subjects = { d.components.at(input.byte() % d.components.size()).id };
        f.title = input.text(60);
        f.explanation = input.text(120);
        f.fix = input.text(120);
        f.accepted = input.byte() % 2;
        f.acceptedReason = f.accepted ? input.text(60) : QString();
        findings.append(f);
    }
    MermaidWriter::Options options;
    options.metadata = false;
    const QString md
        = ReportWriter(d, findings, MermaidWriter::write(d, options), input.text(30)).markdown();
    if (const QString line = MarkdownCheck::rawHtml(md); !line.isEmpty())
        fail("raw HTML in the report", line);
    const QString shown = MarkdownCheck::unescaped(md);
    QStringList texts;
    for (const Component &c : d.components)
        texts << c.label;
    for (const Host &h : d.hosts)
        texts << h.label;
    for (const Finding &f : std::as_const(findings))
        texts << f.title << f.explanation << f.fix << f.acceptedReason;
    for (const QString &t : std::as_const(texts)) {
        if (!t.isEmpty() && !shown.contains(MarkdownCheck::asShown(t)))
            fail("a text is not shown as it is", t + u'\n' + md);
    }
    return 0;
}
