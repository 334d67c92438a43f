// SPDX-License-Identifier: MIT
#include "topofile.h"

#include "design/kinds.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>
#include <functional>

namespace TopoFile {

namespace {

constexpr double MaxCoordinate = 1e7;
constexpr int MaxIdLength = 256;
constexpr int MaxTextLength = 64 * 1024;

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

/** Walks the JSON with a path for messages; the first problem wins. */
class Reader
{
public:
    ReadResult result;

    bool fail(const QString &field, const QString &why)
    {
        if (result.error.isEmpty()) {
            result.field = field;
            result.error = field.isEmpty() ? why : QStringLiteral("%1: %2").arg(field, why);
        }
        return false;
    }

    bool string(const QJsonObject &o,
        const QString &key,
        const QString &path,
        QString *out,
        bool required,
        int maxLength = MaxTextLength)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString())
            return fail(join(path, key),
                v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected text"));
        const QString s = v.toString();
        if (s.size() > maxLength)
            return fail(
                join(path, key), QStringLiteral("longer than %1 characters").arg(maxLength));
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

    bool id(const QJsonObject &o, const QString &path, QSet<QString> *seen, QString *out)
    {
        if (!string(o, QStringLiteral("id"), path, out, true, MaxIdLength))
            return false;
        if (out->trimmed().isEmpty())
            return fail(path + QStringLiteral(".id"), QStringLiteral("empty"));
        if (seen->contains(*out))
            return fail(path + QStringLiteral(".id"),
                QStringLiteral("\"%1\" is used by another element").arg(*out));
        seen->insert(*out);
        return true;
    }

    bool properties(const QJsonObject &o,
        const QString &path,
        const QList<Kinds::PropertySpec> &specs,
        QVariantMap *props,
        QJsonObject *extra,
        const QString &key = QStringLiteral("properties"))
    {
        for (const Kinds::PropertySpec &s : specs)
            props->insert(s.name, s.defaultValue);
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isObject())
            return fail(join(path, key), QStringLiteral("expected an object"));
        const QJsonObject po = v.toObject();
        QJsonObject unknown;
        for (auto it = po.begin(); it != po.end(); ++it) {
            const Kinds::PropertySpec *spec = nullptr;
            for (const Kinds::PropertySpec &s : specs) {
                if (s.name == it.key())
                    spec = &s;
            }
            if (!spec) {
                unknown.insert(it.key(), it.value());
                continue;
            }
            QVariant value;
            QString why;
            if (!Kinds::coerce(*spec, it.value().toVariant(), &value, &why))
                return fail(join(join(path, key), it.key()), why);
            props->insert(spec->name, value);
        }
        if (!unknown.isEmpty())
            extra->insert(key, unknown);
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

    bool readHosts(const QJsonArray &hosts, QSet<QString> *ids)
    {
        for (qsizetype i = 0; i < hosts.size(); ++i) {
            const QString path = QStringLiteral("hosts[%1]").arg(i);
            if (!hosts.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = hosts.at(i).toObject();
            Host h;
            double x = 0, y = 0, w = 240, hh = 160;
            if (!id(o, path, ids, &h.id)
                || !string(o, QStringLiteral("label"), path, &h.label, false)
                || !number(o, QStringLiteral("x"), path, &x, false, -MaxCoordinate, MaxCoordinate)
                || !number(o, QStringLiteral("y"), path, &y, false, -MaxCoordinate, MaxCoordinate)
                || !number(o, QStringLiteral("width"), path, &w, false, 1, MaxCoordinate)
                || !number(o, QStringLiteral("height"), path, &hh, false, 1, MaxCoordinate))
                return false;
            h.rect = QRectF(x, y, w, hh);
            h.extra = unknownFields(o, HostKeys);
            if (!properties(o, path, Kinds::hostProperties(), &h.props, &h.extra))
                return false;
            result.data.hosts.append(h);
        }
        return true;
    }

    bool readComponents(
        const QJsonArray &components, QSet<QString> *ids, const QSet<QString> &hostIds)
    {
        for (qsizetype i = 0; i < components.size(); ++i) {
            const QString path = QStringLiteral("components[%1]").arg(i);
            if (!components.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = components.at(i).toObject();
            Component c;
            double x = 0, y = 0;
            if (!id(o, path, ids, &c.id)
                || !string(o, QStringLiteral("kind"), path, &c.kind, true, MaxIdLength)
                || !string(o, QStringLiteral("label"), path, &c.label, false)
                || !string(o, QStringLiteral("host"), path, &c.host, false, MaxIdLength)
                || !number(o, QStringLiteral("x"), path, &x, false, -MaxCoordinate, MaxCoordinate)
                || !number(o, QStringLiteral("y"), path, &y, false, -MaxCoordinate, MaxCoordinate))
                return false;
            const Kinds::KindSpec *kind = Kinds::find(c.kind);
            if (!kind)
                return fail(path + QStringLiteral(".kind"),
                    QStringLiteral("unknown kind \"%1\"").arg(c.kind));
            if (!c.host.isEmpty() && !hostIds.contains(c.host))
                return fail(path + QStringLiteral(".host"),
                    QStringLiteral("no host with id \"%1\"").arg(c.host));
            c.pos = QPointF(x, y);
            c.extra = unknownFields(o, ComponentKeys);
            if (!properties(o, path, kind->properties, &c.props, &c.extra))
                return false;
            result.data.components.append(c);
        }
        return true;
    }

    bool readLinks(const QJsonArray &links, QSet<QString> *ids, const QSet<QString> &componentIds)
    {
        for (qsizetype i = 0; i < links.size(); ++i) {
            const QString path = QStringLiteral("links[%1]").arg(i);
            if (!links.at(i).isObject())
                return fail(path, QStringLiteral("expected an object"));
            const QJsonObject o = links.at(i).toObject();
            Link l;
            double port = 0;
            if (!id(o, path, ids, &l.id)
                || !string(o, QStringLiteral("from"), path, &l.from, true, MaxIdLength)
                || !string(o, QStringLiteral("to"), path, &l.to, true, MaxIdLength)
                || !string(o, QStringLiteral("protocol"), path, &l.protocol, true, MaxIdLength)
                || !number(o, QStringLiteral("port"), path, &port, false, 0, 65535)
                || !string(o, QStringLiteral("label"), path, &l.label, false))
                return false;
            if (!componentIds.contains(l.from))
                return fail(path + QStringLiteral(".from"),
                    QStringLiteral("no component with id \"%1\"").arg(l.from));
            if (!componentIds.contains(l.to))
                return fail(path + QStringLiteral(".to"),
                    QStringLiteral("no component with id \"%1\"").arg(l.to));
            if (l.from == l.to)
                return fail(path + QStringLiteral(".to"),
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
            l.extra = unknownFields(o, LinkKeys);
            if (!properties(o, path, Kinds::linkProperties(), &l.props, &l.extra))
                return false;
            result.data.links.append(l);
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
                || !string(o, QStringLiteral("reason"), path, &a.reason, false))
                return false;
            const QJsonValue subjects = o.value(QStringLiteral("subjects"));
            if (!subjects.isUndefined() && !subjects.isArray())
                return fail(path + QStringLiteral(".subjects"), QStringLiteral("expected a list"));
            for (const QJsonValue &s : subjects.toArray()) {
                if (!s.isString())
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
                || !string(o, QStringLiteral("address"), path, &s.address, true)
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
                || !string(o, QStringLiteral("key"), path, &b.key, false))
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
        if (!string(root, QStringLiteral("name"), QString(), &d.name, false)
            || !string(root, QStringLiteral("domain"), QString(), &d.domain, false)
            || !string(root, QStringLiteral("description"), QString(), &d.description, false))
            return false;
        QJsonArray hosts, components, links, accepted, sources, bindings;
        if (!array(root, QStringLiteral("hosts"), &hosts)
            || !array(root, QStringLiteral("components"), &components)
            || !array(root, QStringLiteral("links"), &links)
            || !array(root, QStringLiteral("accepted_findings"), &accepted)
            || !array(root, QStringLiteral("sources"), &sources)
            || !array(root, QStringLiteral("bindings"), &bindings))
            return false;
        QSet<QString> ids;
        if (!readHosts(hosts, &ids))
            return false;
        QSet<QString> hostIds = ids;
        if (!readComponents(components, &ids, hostIds))
            return false;
        QSet<QString> componentIds = ids - hostIds;
        if (!readLinks(links, &ids, componentIds) || !readAccepted(accepted))
            return false;
        if (!readSources(sources) || !readBindings(bindings, hostIds + componentIds))
            return false;
        d.extra = unknownFields(root, RootKeys);
        return true;
    }
};

/** Version 1 (the first draft of the format) called components "nodes" with a "type" and a
 *  "position" object, and links "edges" with "source" and "target". */
QJsonObject migrateV1(QJsonObject root)
{
    auto renameArray = [&root](const QString &from,
                           const QString &to,
                           const std::function<QJsonObject(QJsonObject)> &fix) {
        if (!root.contains(from))
            return;
        QJsonArray out;
        for (const QJsonValue &v : root.value(from).toArray())
            out.append(v.isObject() ? QJsonValue(fix(v.toObject())) : v);
        root.remove(from);
        root.insert(to, out);
    };
    auto rename = [](QJsonObject &o, const QString &from, const QString &to) {
        if (o.contains(from) && !o.contains(to)) {
            o.insert(to, o.value(from));
            o.remove(from);
        }
    };
    auto position = [](QJsonObject &o) {
        if (o.value(QStringLiteral("position")).isObject()) {
            const QJsonObject p = o.value(QStringLiteral("position")).toObject();
            o.insert(QStringLiteral("x"), p.value(QStringLiteral("x")));
            o.insert(QStringLiteral("y"), p.value(QStringLiteral("y")));
            o.remove(QStringLiteral("position"));
        }
    };
    renameArray(QStringLiteral("nodes"), QStringLiteral("components"), [&](QJsonObject o) {
        rename(o, QStringLiteral("type"), QStringLiteral("kind"));
        position(o);
        return o;
    });
    renameArray(QStringLiteral("edges"), QStringLiteral("links"), [&](QJsonObject o) {
        rename(o, QStringLiteral("source"), QStringLiteral("from"));
        rename(o, QStringLiteral("target"), QStringLiteral("to"));
        return o;
    });
    if (root.contains(QStringLiteral("hosts"))) {
        QJsonArray out;
        for (const QJsonValue &v : root.value(QStringLiteral("hosts")).toArray()) {
            QJsonObject o = v.toObject();
            position(o);
            out.append(v.isObject() ? QJsonValue(o) : v);
        }
        root.insert(QStringLiteral("hosts"), out);
    }
    root.insert(QStringLiteral("version"), 2);
    return root;
}

} // namespace

ReadResult parse(const QByteArray &bytes)
{
    Reader r;
    if (bytes.size() > MaxFileBytes) {
        r.fail(QString(), QStringLiteral("the file is larger than %1 MiB").arg(MaxFileBytes >> 20));
        return r.result;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
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
    QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("toposcope")) {
        r.fail(QStringLiteral("format"),
            QStringLiteral("not a Toposcope design (expected \"format\": \"toposcope\")"));
        return r.result;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    const double v = version.toDouble(-1);
    if (!version.isDouble() || v != std::floor(v) || v < 1) {
        r.fail(QStringLiteral("version"), QStringLiteral("expected a whole number from 1"));
        return r.result;
    }
    r.result.fileVersion = static_cast<int>(std::min(v, 1e9));
    if (v > CurrentVersion) {
        r.fail(QStringLiteral("version"),
            QStringLiteral("the file is version %1, written by a newer Toposcope; this one "
                           "reads versions up to %2")
                .arg(r.result.fileVersion)
                .arg(CurrentVersion));
        return r.result;
    }
    if (r.result.fileVersion == 1)
        root = migrateV1(root);
    if (!r.readRoot(root)) {
        r.result.data = DesignData();
        return r.result;
    }
    r.result.ok = true;
    return r.result;
}

ReadResult read(const QString &path)
{
    QFile file(path);
    ReadResult result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > MaxFileBytes) {
        result.error = QStringLiteral("%1 is larger than %2 MiB").arg(path).arg(MaxFileBytes >> 20);
        return result;
    }
    return parse(file.readAll());
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
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool write(const QString &path, const DesignData &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = serialize(data);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace TopoFile
