// SPDX-License-Identifier: MIT
#include "topofile.h"

#include "design/kinds.h"
#include "design/limits.h"
#include "inputfile.h"
#include "outputfile.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace TopoFile {

namespace {

using Limits::MaxCoordinate;
using Limits::MaxIdLength;
using Limits::MaxLabelLength;
using Limits::MaxTextLength;

// Keys each element type understands; anything else goes to `extra`.
const QStringList ComponentKeys = { QStringLiteral("id"),
    QStringLiteral("kind"),
    QStringLiteral("label"),
    QStringLiteral("host"),
    QStringLiteral("x"),
    QStringLiteral("y"),
    QStringLiteral("properties") };
const QStringList HostKeys = { QStringLiteral("id"),
    QStringLiteral("label"),
    QStringLiteral("x"),
    QStringLiteral("y"),
    QStringLiteral("width"),
    QStringLiteral("height"),
    QStringLiteral("properties") };
const QStringList LinkKeys = { QStringLiteral("id"),
    QStringLiteral("from"),
    QStringLiteral("to"),
    QStringLiteral("protocol"),
    QStringLiteral("port"),
    QStringLiteral("label"),
    QStringLiteral("properties") };
const QStringList RootKeys = { QStringLiteral("format"),
    QStringLiteral("version"),
    QStringLiteral("name"),
    QStringLiteral("domain"),
    QStringLiteral("description"),
    QStringLiteral("hosts"),
    QStringLiteral("components"),
    QStringLiteral("links"),
    QStringLiteral("accepted_findings"),
    QStringLiteral("sources"),
    QStringLiteral("bindings") };
const QStringList SourceKeys = { QStringLiteral("id"),
    QStringLiteral("kind"),
    QStringLiteral("address"),
    QStringLiteral("user"),
    QStringLiteral("options") };
const QStringList BindingKeys
    = { QStringLiteral("element"), QStringLiteral("source"), QStringLiteral("key") };

void lineColumn(const QByteArray &bytes, int offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    const int end = std::min<int>(offset, bytes.size());
    for (int i = 0; i < end; ++i) {
        if (bytes.at(i) == '\n') {
            ++*line;
            *column = 1;
        } else if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) != 0x80) {
            ++*column; // count characters, not UTF-8 continuation bytes
        }
    }
}

QJsonObject unknownFields(const QJsonObject &o, const QStringList &known)
{
    // Usually every key is known: counting them costs no allocation, unlike listing the keys.
    // A key listed twice (a version 1 name added to the version 2 ones) counts once.
    qsizetype present = 0;
    for (qsizetype i = 0; i < known.size(); ++i)
        present += o.contains(known.at(i)) && known.indexOf(known.at(i)) == i ? 1 : 0;
    if (present == o.size())
        return {};
    QJsonObject extra;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            extra.insert(it.key(), it.value());
    }
    return extra;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

/** A number as a person writes it: 1e+308, 3, 2.5. */
QString shown(double d)
{
    return QString::number(d, 'g', 12);
}

/**
 * Walks the JSON with a path for messages; the first problem wins. Version 1 (the first draft of
 * the format) called components "nodes", with a "type" for the kind and a "position" object for
 * x and y, and links "edges", with "source" and "target". A version 1 file is read with those
 * names, so that a problem is named as the file spells it ("nodes[3].position.x"); where a
 * version 1 element already uses a version 2 name, that one is read.
 */
class Reader
{
public:
    explicit Reader(int version = CurrentVersion)
        : m_v1(version == 1)
    { }

    ReadResult result;

    bool fail(const QString &field, const QString &why)
    {
        if (result.error.isEmpty()) {
            result.field = field;
            result.error = field.isEmpty() ? why : QStringLiteral("%1: %2").arg(field, why);
        }
        return false;
    }

    /** The key this file uses for what version 2 calls `current`. */
    QString key(const QJsonObject &o, const QString &current, const QString &v1) const
    {
        return !m_v1 || o.contains(current) ? current : v1;
    }

    bool string(const QJsonObject &o,
        const QString &key,
        const QString &path,
        QString *out,
        bool required,
        int maxLength)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString())
            return fail(join(path, key),
                v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected text"));
        const QString s = v.toString();
        if (s.size() > maxLength)
            return fail(join(path, key),
                QStringLiteral("longer than %1 characters (%2)")
                    .arg(QLocale::c().toString(maxLength), QLocale::c().toString(s.size())));
        *out = s;
        return true;
    }

    bool number(const QJsonObject &o,
        const QString &key,
        const QString &path,
        double *out,
        bool required,
        double min,
        double max)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isDouble())
            return fail(join(path, key),
                v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected a number"));
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < min || d > max)
            return fail(join(path, key),
                QStringLiteral("expected a number from %1 to %2").arg(min).arg(max));
        *out = d;
        return true;
    }

    /** x and y: flat in version 2, in a "position" object in version 1. `known` learns which
     *  keys were read. */
    bool position(
        const QJsonObject &o, const QString &path, double *x, double *y, QStringList *known)
    {
        QJsonObject at = o;
        QString where = path;
        if (m_v1 && o.contains(QStringLiteral("position"))) {
            where = path + QStringLiteral(".position");
            const QJsonValue p = o.value(QStringLiteral("position"));
            if (!p.isObject())
                return fail(where, QStringLiteral("expected an object with x and y"));
            at = p.toObject();
            // Written back flat: x and y beside the position would be lost or clash.
            known->append({ QStringLiteral("position"), QStringLiteral("x"), QStringLiteral("y") });
        }
        return number(at, QStringLiteral("x"), where, x, false, -MaxCoordinate, MaxCoordinate)
            && number(at, QStringLiteral("y"), where, y, false, -MaxCoordinate, MaxCoordinate);
    }

    /** Reads an id, unique across hosts, components and links; `own` is its element's set. */
    bool id(const QJsonObject &o, const QString &path, QSet<QString> *own, QString *out)
    {
        if (!string(o, QStringLiteral("id"), path, out, true, MaxIdLength))
            return false;
        if (out->trimmed().isEmpty())
            return fail(path + QStringLiteral(".id"), QStringLiteral("empty"));
        const qsizetype before = own->size();
        own->insert(*out);
        if (own->size() == before || (own != &m_hostIds && m_hostIds.contains(*out))
            || (own != &m_componentIds && m_componentIds.contains(*out))
            || (own != &m_linkIds && m_linkIds.contains(*out)))
            return fail(path + QStringLiteral(".id"),
                QStringLiteral("\"%1\" is used by another element").arg(*out));
        return true;
    }

    bool properties(const QJsonObject &o,
        const QString &path,
        const QList<Kinds::PropertySpec> &specs,
        QVariantMap *props,
        QJsonObject *extra,
        const QString &key = QStringLiteral("properties"))
    {
        // Every element of a kind starts from one shared map of defaults (copied on write).
        QVariantMap &defaults = m_defaults[&specs];
        if (defaults.isEmpty()) {
            for (const Kinds::PropertySpec &s : specs)
                defaults.insert(s.name, s.defaultValue);
        }
        *props = defaults;
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isObject())
            return fail(join(path, key), QStringLiteral("expected an object"));
        const QJsonObject po = v.toObject();
        qsizetype known = 0;
        for (const Kinds::PropertySpec &spec : specs) {
            const auto it = po.constFind(spec.name);
            if (it == po.constEnd())
                continue;
            ++known;
            QVariant value;
            QString why;
            if (!Kinds::coerce(spec, it.value().toVariant(), &value, &why))
                return fail(join(join(path, key), spec.name), why);
            props->insert(spec.name, value);
        }
        if (known < po.size()) {
            QJsonObject unknown;
            for (auto it = po.begin(); it != po.end(); ++it) {
                const QString name = it.key();
                const bool isKnown = std::any_of(specs.cbegin(),
                    specs.cend(),
                    [&name](const Kinds::PropertySpec &s) { return s.name == name; });
                if (!isKnown)
                    unknown.insert(name, it.value());
            }
            extra->insert(key, unknown);
        }
        return true;
    }

    bool array(const QJsonObject &root, const QString &key, QJsonArray *out)
    {
        const QJsonValue v = root.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return fail(key, QStringLiteral("expected a list"));
        *out = v.toArray();
        return true;
    }

    bool readHosts(const QJsonArray &hosts)
    {
        m_hostIds.reserve(hosts.size());
        result.data.hosts.reserve(hosts.size());
        for (qsizetype i = 0; i < hosts.size(); ++i) {
            const QString path = QStringLiteral("hosts[%1]").arg(i);
            if (!hosts.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = hosts.at(i).toObject();
            Host h;
            double x = 0, y = 0, w = 240, hh = 160;
            QStringList known = HostKeys;
            if (!id(o, path, &m_hostIds, &h.id)
                || !string(o, QStringLiteral("label"), path, &h.label, false, MaxLabelLength)
                || !position(o, path, &x, &y, &known)
                || !number(o, QStringLiteral("width"), path, &w, false, 1, MaxCoordinate)
                || !number(o, QStringLiteral("height"), path, &hh, false, 1, MaxCoordinate))
                return false;
            h.rect = QRectF(x, y, w, hh);
            h.extra = unknownFields(o, known);
            if (!properties(o, path, Kinds::hostProperties(), &h.props, &h.extra))
                return false;
            result.data.hosts.append(std::move(h));
        }
        return true;
    }

    bool readComponents(const QString &listKey, const QJsonArray &components)
    {
        m_componentIds.reserve(components.size());
        result.data.components.reserve(components.size());
        for (qsizetype i = 0; i < components.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(listKey).arg(i);
            if (!components.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = components.at(i).toObject();
            Component c;
            double x = 0, y = 0;
            const QString kindKey = key(o, QStringLiteral("kind"), QStringLiteral("type"));
            QStringList known = ComponentKeys; // shared, copied only for version 1 names
            if (!known.contains(kindKey))
                known.append(kindKey);
            if (!id(o, path, &m_componentIds, &c.id)
                || !string(o, kindKey, path, &c.kind, true, MaxIdLength)
                || !string(o, QStringLiteral("label"), path, &c.label, false, MaxLabelLength)
                || !string(o, QStringLiteral("host"), path, &c.host, false, MaxIdLength)
                || !position(o, path, &x, &y, &known))
                return false;
            const Kinds::KindSpec *kind = Kinds::find(c.kind);
            if (!kind)
                return fail(join(path, kindKey), QStringLiteral("unknown kind \"%1\"").arg(c.kind));
            if (!c.host.isEmpty() && !m_hostIds.contains(c.host))
                return fail(path + QStringLiteral(".host"),
                    QStringLiteral("no host with id \"%1\"").arg(c.host));
            c.pos = QPointF(x, y);
            c.extra = unknownFields(o, known);
            if (!properties(o, path, kind->properties, &c.props, &c.extra))
                return false;
            result.data.components.append(std::move(c));
        }
        return true;
    }

    bool readLinks(const QString &listKey, const QJsonArray &links)
    {
        m_linkIds.reserve(links.size());
        result.data.links.reserve(links.size());
        for (qsizetype i = 0; i < links.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(listKey).arg(i);
            if (!links.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = links.at(i).toObject();
            Link l;
            double port = 0;
            const QString fromKey = key(o, QStringLiteral("from"), QStringLiteral("source"));
            const QString toKey = key(o, QStringLiteral("to"), QStringLiteral("target"));
            if (!id(o, path, &m_linkIds, &l.id)
                || !string(o, fromKey, path, &l.from, true, MaxIdLength)
                || !string(o, toKey, path, &l.to, true, MaxIdLength)
                || !string(o, QStringLiteral("protocol"), path, &l.protocol, true, MaxIdLength)
                || !number(o, QStringLiteral("port"), path, &port, false, 0, 65535)
                || !string(o, QStringLiteral("label"), path, &l.label, false, MaxLabelLength))
                return false;
            if (!m_componentIds.contains(l.from))
                return fail(
                    join(path, fromKey), QStringLiteral("no component with id \"%1\"").arg(l.from));
            if (!m_componentIds.contains(l.to))
                return fail(
                    join(path, toKey), QStringLiteral("no component with id \"%1\"").arg(l.to));
            if (l.from == l.to)
                return fail(join(path, toKey),
                    QStringLiteral("a link cannot go from a component to itself"));
            const Kinds::ProtocolSpec *protocol = Kinds::findProtocol(l.protocol);
            if (!protocol)
                return fail(path + QStringLiteral(".protocol"),
                    QStringLiteral("unknown protocol \"%1\"").arg(l.protocol));
            if (port != std::floor(port))
                return fail(
                    path + QStringLiteral(".port"), QStringLiteral("expected a whole number"));
            l.port = o.contains(QStringLiteral("port")) ? static_cast<int>(port)
                                                        : protocol->defaultPort;
            QStringList known = LinkKeys; // shared, copied only for version 1 names
            for (const QString &k : { fromKey, toKey }) {
                if (!known.contains(k))
                    known.append(k);
            }
            l.extra = unknownFields(o, known);
            if (!properties(o, path, Kinds::linkProperties(), &l.props, &l.extra))
                return false;
            result.data.links.append(std::move(l));
        }
        return true;
    }

    bool readAccepted(const QJsonArray &accepted)
    {
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            const QString path = QStringLiteral("accepted_findings[%1]").arg(i);
            if (!accepted.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = accepted.at(i).toObject();
            AcceptedFinding a;
            if (!string(o, QStringLiteral("rule"), path, &a.rule, true, MaxIdLength)
                || !string(o, QStringLiteral("reason"), path, &a.reason, false, MaxTextLength))
                return false;
            const QJsonValue subjects = o.value(QStringLiteral("subjects"));
            if (!subjects.isUndefined() && !subjects.isArray())
                return fail(path + QStringLiteral(".subjects"), QStringLiteral("expected a list"));
            for (const QJsonValue &s : subjects.toArray()) {
                if (!s.isString() || s.toString().size() > MaxIdLength)
                    return fail(path + QStringLiteral(".subjects"),
                        QStringLiteral("expected a list of ids"));
                a.subjects.append(s.toString());
            }
            a.subjects.sort();
            result.data.acceptedFindings.append(a);
        }
        return true;
    }

    /** A password in a design would travel with every copy of the file: refuse it, and say
     *  where one goes instead. */
    bool noPassword(const QJsonObject &o, const QString &path)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().compare(QLatin1String("password"), Qt::CaseInsensitive) == 0)
                return fail(join(path, it.key()),
                    QStringLiteral("a design file never holds a password; name an environment "
                                   "variable (options.password_env) or a file "
                                   "(options.password_file), or let Toposcope ask and keep it "
                                   "in the keyring"));
        }
        return true;
    }

    bool readSources(const QJsonArray &sources)
    {
        QSet<QString> ids;
        for (qsizetype i = 0; i < sources.size(); ++i) {
            const QString path = QStringLiteral("sources[%1]").arg(i);
            if (!sources.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = sources.at(i).toObject();
            SourceConfig s;
            if (!noPassword(o, path)
                || !noPassword(o.value(QStringLiteral("options")).toObject(),
                    path + QStringLiteral(".options"))
                || !string(o, QStringLiteral("id"), path, &s.id, true, MaxIdLength)
                || !string(o, QStringLiteral("kind"), path, &s.kind, true, MaxIdLength)
                || !string(o, QStringLiteral("address"), path, &s.address, true, MaxLabelLength)
                || !string(o, QStringLiteral("user"), path, &s.user, false, MaxIdLength))
                return false;
            if (s.id.trimmed().isEmpty())
                return fail(path + QStringLiteral(".id"), QStringLiteral("empty"));
            if (ids.contains(s.id))
                return fail(path + QStringLiteral(".id"),
                    QStringLiteral("\"%1\" is used by another source").arg(s.id));
            ids.insert(s.id);
            // A kind of a newer Toposcope is kept as it is (and not connected); a known kind
            // needs an address of its form.
            QString why;
            if (Kinds::findSourceKind(s.kind)
                && !Kinds::checkSourceAddress(s.kind, s.address, &why))
                return fail(path + QStringLiteral(".address"), why);
            s.extra = unknownFields(o, SourceKeys);
            if (!properties(o,
                    path,
                    Kinds::sourceOptions(),
                    &s.options,
                    &s.extra,
                    QStringLiteral("options")))
                return false;
            result.data.sources.append(s);
        }
        return true;
    }

    bool readBindings(const QJsonArray &bindings, const QSet<QString> &elementIds)
    {
        QHash<QString, QString> bound; // source + key → element
        for (qsizetype i = 0; i < bindings.size(); ++i) {
            const QString path = QStringLiteral("bindings[%1]").arg(i);
            if (!bindings.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = bindings.at(i).toObject();
            Binding b;
            if (!string(o, QStringLiteral("element"), path, &b.element, true, MaxIdLength)
                || !string(o, QStringLiteral("source"), path, &b.source, true, MaxIdLength)
                || !string(o, QStringLiteral("key"), path, &b.key, false, MaxLabelLength))
                return false;
            if (!elementIds.contains(b.element))
                return fail(path + QStringLiteral(".element"),
                    QStringLiteral("no component or host with id \"%1\"").arg(b.element));
            const SourceConfig *source = result.data.source(b.source);
            if (!source)
                return fail(path + QStringLiteral(".source"),
                    QStringLiteral("no source with id \"%1\"").arg(b.source));
            if (const Kinds::SourceKindSpec *kind = Kinds::findSourceKind(source->kind)) {
                if (kind->keyed && b.key.isEmpty())
                    return fail(path + QStringLiteral(".key"),
                        QStringLiteral("missing: a %1 source reports many things").arg(kind->name));
                if (!kind->keyed && !b.key.isEmpty())
                    return fail(path + QStringLiteral(".key"),
                        QStringLiteral("a %1 source reports one thing and takes no key")
                            .arg(kind->name));
            }
            const QString pair = b.source + QChar(0x1f) + b.key;
            if (bound.contains(pair))
                return fail(path + QStringLiteral(".key"),
                    QStringLiteral("%1 \"%2\" is bound to \"%3\" already")
                        .arg(b.source, b.key, bound.value(pair)));
            bound.insert(pair, b.element);
            b.extra = unknownFields(o, BindingKeys);
            result.data.bindings.append(b);
        }
        return true;
    }

    bool readRoot(const QJsonObject &root)
    {
        DesignData &d = result.data;
        if (!string(root, QStringLiteral("name"), QString(), &d.name, false, MaxLabelLength)
            || !string(root, QStringLiteral("domain"), QString(), &d.domain, false, MaxLabelLength)
            || !string(root,
                QStringLiteral("description"),
                QString(),
                &d.description,
                false,
                MaxTextLength))
            return false;
        const QString componentsKey
            = key(root, QStringLiteral("components"), QStringLiteral("nodes"));
        const QString linksKey = key(root, QStringLiteral("links"), QStringLiteral("edges"));
        QJsonArray hosts, components, links, accepted, sources, bindings;
        if (!array(root, QStringLiteral("hosts"), &hosts)
            || !array(root, componentsKey, &components) || !array(root, linksKey, &links)
            || !array(root, QStringLiteral("accepted_findings"), &accepted)
            || !array(root, QStringLiteral("sources"), &sources)
            || !array(root, QStringLiteral("bindings"), &bindings))
            return false;
        if (!readHosts(hosts) || !readComponents(componentsKey, components)
            || !readLinks(linksKey, links) || !readAccepted(accepted))
            return false;
        if (!readSources(sources) || !readBindings(bindings, m_hostIds + m_componentIds))
            return false;
        d.extra = unknownFields(root, RootKeys + QStringList{ componentsKey, linksKey });
        return true;
    }

private:
    bool m_v1 = false;
    QHash<const QList<Kinds::PropertySpec> *, QVariantMap> m_defaults;
    QSet<QString> m_hostIds;
    QSet<QString> m_componentIds;
    QSet<QString> m_linkIds;
};

/** What a JSON text that is no object holds, for the message: "null", "a number", ... */
QString scalarKind(const QByteArray &bytes)
{
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + bytes + ']');
    if (!wrapped.isArray() || wrapped.array().size() != 1)
        return {};
    const QJsonValue v = wrapped.array().at(0);
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QStringLiteral("a number");
    if (v.isString())
        return QStringLiteral("text");
    return {};
}

} // namespace

ReadResult parse(const QByteArray &bytes)
{
    Reader r;
    if (bytes.size() > MaxFileBytes) {
        r.fail(QString(),
            QStringLiteral("the file is larger than %1")
                .arg(InputFile::describeLimit(MaxFileBytes)));
        return r.result;
    }
    if (bytes.trimmed().isEmpty()) {
        r.result.line = 1;
        r.result.column = 1;
        r.result.error = QStringLiteral("not valid JSON at line 1, column 1: the file is empty");
        return r.result;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        // JSON allows a lone value at the top level; Qt's parser does not, and would call
        // `null` "not valid JSON".
        const char first = bytes.trimmed().front();
        if (first != '{' && first != '[') {
            if (const QString kind = scalarKind(bytes); !kind.isEmpty()) {
                r.fail(QString(),
                    QStringLiteral("not a Toposcope design: the file holds %1, not an object")
                        .arg(kind));
                return r.result;
            }
        }
        lineColumn(bytes, err.offset, &r.result.line, &r.result.column);
        r.result.error = QStringLiteral("not valid JSON at line %1, column %2: %3")
                             .arg(r.result.line)
                             .arg(r.result.column)
                             .arg(err.errorString());
        return r.result;
    }
    if (!doc.isObject()) {
        r.fail(QString(), QStringLiteral("not a Toposcope design: the top level is not an object"));
        return r.result;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("toposcope")) {
        r.fail(QStringLiteral("format"),
            QStringLiteral("not a Toposcope design (expected \"format\": \"toposcope\")"));
        return r.result;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    const double v = version.toDouble(-1);
    if (version.isUndefined()) {
        r.fail(QStringLiteral("version"), QStringLiteral("missing"));
        return r.result;
    }
    if (!version.isDouble() || v != std::floor(v) || v < 1) {
        r.fail(QStringLiteral("version"), QStringLiteral("expected a whole number from 1"));
        return r.result;
    }
    // Versions grow by one per format change: a version beyond this is no version at all.
    constexpr double PlausibleVersion = 1e6;
    if (v > PlausibleVersion) {
        r.fail(QStringLiteral("version"),
            QStringLiteral("%1 is not a version number (this Toposcope reads versions 1 to %2)")
                .arg(shown(v))
                .arg(CurrentVersion));
        return r.result;
    }
    r.result.fileVersion = static_cast<int>(v);
    if (v > CurrentVersion) {
        r.fail(QStringLiteral("version"),
            QStringLiteral("the file is version %1, written by a newer Toposcope; this one "
                           "reads versions up to %2")
                .arg(r.result.fileVersion)
                .arg(CurrentVersion));
        return r.result;
    }
    Reader reader(r.result.fileVersion);
    reader.result.fileVersion = r.result.fileVersion;
    if (!reader.readRoot(root)) {
        reader.result.data = DesignData();
        return reader.result;
    }
    reader.result.ok = true;
    return reader.result;
}

ReadResult read(const QString &path)
{
    InputFile::Result input = InputFile::read(path, MaxFileBytes);
    if (!input.ok) {
        ReadResult result;
        result.error = input.error;
        return result;
    }
    return parse(input.bytes);
}

QString problem(const DesignData &d)
{
    const auto text = [](const QString &field, const QString &value, int max) {
        return value.size() > max
            ? QStringLiteral("%1: longer than %2 characters").arg(field, QLocale::c().toString(max))
            : QString();
    };
    const auto coordinate = [](const QString &field, double value, double min = -MaxCoordinate) {
        if (std::isfinite(value) && value >= min && value <= MaxCoordinate)
            return QString();
        return QStringLiteral("%1: %2 is outside %3 to %4")
            .arg(field, shown(value), shown(min), shown(MaxCoordinate));
    };
    const auto first = [](std::initializer_list<QString> problems) {
        for (const QString &p : problems) {
            if (!p.isEmpty())
                return p;
        }
        return QString();
    };
    if (const QString p = first({ text(QStringLiteral("name"), d.name, MaxLabelLength),
            text(QStringLiteral("domain"), d.domain, MaxLabelLength),
            text(QStringLiteral("description"), d.description, MaxTextLength) });
        !p.isEmpty())
        return p;
    for (qsizetype i = 0; i < d.hosts.size(); ++i) {
        const Host &h = d.hosts.at(i);
        const QString path = QStringLiteral("hosts[%1]").arg(i);
        if (const QString p = first({ text(path + QStringLiteral(".id"), h.id, MaxIdLength),
                text(path + QStringLiteral(".label"), h.label, MaxLabelLength),
                coordinate(path + QStringLiteral(".x"), h.rect.x()),
                coordinate(path + QStringLiteral(".y"), h.rect.y()),
                coordinate(path + QStringLiteral(".width"), h.rect.width(), 1),
                coordinate(path + QStringLiteral(".height"), h.rect.height(), 1) });
            !p.isEmpty())
            return p;
    }
    for (qsizetype i = 0; i < d.components.size(); ++i) {
        const Component &c = d.components.at(i);
        const QString path = QStringLiteral("components[%1]").arg(i);
        if (const QString p = first({ text(path + QStringLiteral(".id"), c.id, MaxIdLength),
                text(path + QStringLiteral(".label"), c.label, MaxLabelLength),
                coordinate(path + QStringLiteral(".x"), c.pos.x()),
                coordinate(path + QStringLiteral(".y"), c.pos.y()) });
            !p.isEmpty())
            return p;
    }
    for (qsizetype i = 0; i < d.links.size(); ++i) {
        const Link &l = d.links.at(i);
        const QString path = QStringLiteral("links[%1]").arg(i);
        if (const QString p = first({ text(path + QStringLiteral(".id"), l.id, MaxIdLength),
                text(path + QStringLiteral(".label"), l.label, MaxLabelLength) });
            !p.isEmpty())
            return p;
    }
    return {};
}

namespace {

QJsonObject propertiesJson(const QVariantMap &props,
    const QJsonObject &extra,
    const QString &key = QStringLiteral("properties"))
{
    QJsonObject o = extra.value(key).toObject();
    for (auto it = props.cbegin(); it != props.cend(); ++it)
        o.insert(it.key(), QJsonValue::fromVariant(it.value()));
    return o;
}

QJsonObject withExtra(
    QJsonObject o, const QJsonObject &extra, const QString &nested = QStringLiteral("properties"))
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() != nested && !o.contains(it.key()))
            o.insert(it.key(), it.value());
    }
    return o;
}

} // namespace

QByteArray serialize(const DesignData &d)
{
    QJsonObject root = d.extra;
    root.insert(QStringLiteral("format"), QStringLiteral("toposcope"));
    root.insert(QStringLiteral("version"), CurrentVersion);
    root.insert(QStringLiteral("name"), d.name);
    root.insert(QStringLiteral("domain"), d.domain);
    if (!d.description.isEmpty())
        root.insert(QStringLiteral("description"), d.description);

    QJsonArray hosts;
    for (const Host &h : d.hosts) {
        QJsonObject o{ { QStringLiteral("id"), h.id },
            { QStringLiteral("label"), h.label },
            { QStringLiteral("x"), h.rect.x() },
            { QStringLiteral("y"), h.rect.y() },
            { QStringLiteral("width"), h.rect.width() },
            { QStringLiteral("height"), h.rect.height() },
            { QStringLiteral("properties"), propertiesJson(h.props, h.extra) } };
        hosts.append(withExtra(o, h.extra));
    }
    QJsonArray components;
    for (const Component &c : d.components) {
        QJsonObject o{ { QStringLiteral("id"), c.id },
            { QStringLiteral("kind"), c.kind },
            { QStringLiteral("label"), c.label },
            { QStringLiteral("x"), c.pos.x() },
            { QStringLiteral("y"), c.pos.y() },
            { QStringLiteral("properties"), propertiesJson(c.props, c.extra) } };
        if (!c.host.isEmpty())
            o.insert(QStringLiteral("host"), c.host);
        components.append(withExtra(o, c.extra));
    }
    QJsonArray links;
    for (const Link &l : d.links) {
        QJsonObject o{ { QStringLiteral("id"), l.id },
            { QStringLiteral("from"), l.from },
            { QStringLiteral("to"), l.to },
            { QStringLiteral("protocol"), l.protocol },
            { QStringLiteral("port"), l.port },
            { QStringLiteral("properties"), propertiesJson(l.props, l.extra) } };
        if (!l.label.isEmpty())
            o.insert(QStringLiteral("label"), l.label);
        links.append(withExtra(o, l.extra));
    }
    QJsonArray accepted;
    for (const AcceptedFinding &a : d.acceptedFindings) {
        accepted.append(QJsonObject{ { QStringLiteral("rule"), a.rule },
            { QStringLiteral("subjects"), QJsonArray::fromStringList(a.subjects) },
            { QStringLiteral("reason"), a.reason } });
    }
    root.insert(QStringLiteral("hosts"), hosts);
    root.insert(QStringLiteral("components"), components);
    root.insert(QStringLiteral("links"), links);
    root.insert(QStringLiteral("accepted_findings"), accepted);
    QJsonArray sources;
    for (const SourceConfig &s : d.sources) {
        QJsonObject o{ { QStringLiteral("id"), s.id },
            { QStringLiteral("kind"), s.kind },
            { QStringLiteral("address"), s.address },
            { QStringLiteral("options"),
                propertiesJson(s.options, s.extra, QStringLiteral("options")) } };
        if (!s.user.isEmpty())
            o.insert(QStringLiteral("user"), s.user);
        sources.append(withExtra(o, s.extra, QStringLiteral("options")));
    }
    QJsonArray bindings;
    for (const Binding &b : d.bindings) {
        const QJsonObject o{ { QStringLiteral("element"), b.element },
            { QStringLiteral("source"), b.source },
            { QStringLiteral("key"), b.key } };
        bindings.append(withExtra(o, b.extra, QString()));
    }
    root.insert(QStringLiteral("sources"), sources);
    root.insert(QStringLiteral("bindings"), bindings);
    QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // Qt's JSON reader drops a raw U+FEFF at the start of a string (as a byte order mark); an
    // escaped one it keeps. Outside strings JSON has no such bytes, so the swap is safe.
    json.replace("\xEF\xBB\xBF", "\\ufeff");
    return json;
}

bool write(const QString &path, const DesignData &data, QString *error, const QStringList &inputs)
{
    // What Toposcope writes, it must read again.
    if (const QString why = problem(data); !why.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    }
    return OutputFile::write(path, serialize(data), error, inputs);
}

} // namespace TopoFile
