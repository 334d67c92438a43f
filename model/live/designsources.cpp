// SPDX-License-Identifier: MIT
#include "designsources.h"

#include "livesource.h"
#include "livesourcefactory.h"
#include "livestream.h"
#include "passwordchain.h"

#include <QPointer>
#include <QSet>

#include <memory>

namespace DesignSources {

SourceSpec specOf(const SourceConfig &source)
{
    SourceSpec spec;
    spec.kind = source.kind;
    spec.address = source.address;
    spec.user = source.user;
    const QVariantMap &o = source.options;
    spec.passwordVariable = o.value(QStringLiteral("password_env")).toString();
    spec.pollMs = o.value(QStringLiteral("poll_interval"), spec.pollMs).toInt();
    spec.timeoutMs = o.value(QStringLiteral("timeout"), spec.timeoutMs).toInt();
    spec.verifyTls = o.value(QStringLiteral("verify_tls"), true).toBool();
    spec.caFile = o.value(QStringLiteral("ca_file")).toString();
    spec.selector = o.value(QStringLiteral("selector")).toString();
    // The DNS check's name server and the addresses the domain must point at.
    const QString nameserver = o.value(QStringLiteral("nameserver")).toString().trimmed();
    if (!nameserver.isEmpty()) {
        spec.nameserver = QHostAddress(nameserver);
        if (spec.nameserver.isNull())
            spec.invalid
                = QStringLiteral("the name server \"%1\" is not an IP address").arg(nameserver);
    }
    const QStringList entry
        = o.value(QStringLiteral("entry_point")).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &text : entry) {
        const QHostAddress address(text.trimmed());
        if (address.isNull() && spec.invalid.isEmpty())
            spec.invalid
                = QStringLiteral("the entry point \"%1\" is not an IP address").arg(text.trimmed());
        else if (!address.isNull())
            spec.entryPoint.append(address);
    }
    return spec;
}

namespace {

struct Run
{
    DesignData design;
    QString designPath;
    QPointer<LiveStream> stream;
    std::function<void(const Report &)> done;
    std::function<bool()> wanted;
    Report report;
    int waiting = 0;
    QSet<ElementId> elements;

    void add(const SourceConfig &source, const QString &password)
    {
        if (!stream || (wanted && !wanted()))
            return;
        SourceSpec spec = specOf(source);
        QList<Binding> bindings;
        for (const Binding &b : std::as_const(design.bindings)) {
            if (b.source != source.id)
                continue;
            if (!elements.contains(b.element)) {
                ++report.unboundElements;
                continue;
            }
            bindings.append(b);
            spec.keys.append(b.key);
        }
        if (spec.kind != QLatin1String("prometheus"))
            spec.keys.clear();
        QString error;
        // The chain found the password already: the factory asks for nothing else.
        LiveSource *live = LiveSourceFactory::create(
            source.id, spec, &error, [password](const SourceSpec &, const QString &) {
                return password;
            });
        if (!live) {
            report.refused.append({ source.id, error });
            return;
        }
        stream->addSource(live);
        for (const Binding &b : std::as_const(bindings))
            stream->bind(b.source, b.key, b.element);
        report.bindings += int(bindings.size());
        report.connected.append(source.id);
        live->start();
    }

    void finishOne()
    {
        if (--waiting == 0 && stream && done)
            done(report);
    }
};

} // namespace

void connect(const DesignData &design,
    const QList<SourceConfig> &sources,
    const QString &designPath,
    LiveStream *stream,
    PasswordChain *chain,
    std::function<void(const Report &)> done,
    std::function<bool()> wanted)
{
    auto run = std::make_shared<Run>();
    run->wanted = std::move(wanted);
    run->design = design;
    run->designPath = designPath;
    run->stream = stream;
    run->done = std::move(done);
    for (const Component &c : design.components)
        run->elements.insert(c.id);
    for (const Host &h : design.hosts)
        run->elements.insert(h.id);
    // One more than there are sources, given back at the end: `done` runs once, after all.
    run->waiting = int(sources.size()) + 1;
    for (const SourceConfig &source : sources) {
        if (!PasswordChain::needsPassword(source) || !chain) {
            run->add(source, QString());
            run->finishOne();
            continue;
        }
        PasswordProvider::Request request;
        request.source = source;
        request.designPath = designPath;
        chain->lookup(request, [run, source](const PasswordProvider::Result &r) {
            using Status = PasswordProvider::Result::Status;
            if (r.status == Status::Found) {
                run->add(source, r.password);
            } else if (r.status == Status::Cancelled) {
                run->report.refused.append({ source.id, QStringLiteral("no password given") });
            } else if (r.status == Status::Failed) {
                run->report.refused.append({ source.id, r.error });
            } else {
                // No one has one: try without (a login with no password), and say so if refused.
                run->add(source, QString());
            }
            run->finishOne();
        });
    }
    run->finishOne();
}

QString describe(const Report &report)
{
    QStringList parts;
    parts.append(report.connected.size() == 1
            ? QStringLiteral("1 source connected")
            : QStringLiteral("%1 sources connected").arg(report.connected.size()));
    for (const auto &[id, why] : report.refused)
        parts.append(QStringLiteral("“%1” refused: %2").arg(id, why));
    if (report.unboundElements > 0)
        parts.append(QStringLiteral("%1 bindings name elements the design does not have")
                         .arg(report.unboundElements));
    return parts.join(QStringLiteral("; "));
}

} // namespace DesignSources
