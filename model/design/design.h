// SPDX-License-Identifier: MIT
#pragma once

#include "designdata.h"

#include <QHash>
#include <QObject>

#include <functional>

/**
 * The document: a DesignData with an id index, edited only through this API, announcing every
 * change by a fine-grained signal (after the change is made) and then `changed()`.
 *
 * Ids: `add*` keeps the id of the element it is given when that id is non-empty and free, and
 * otherwise makes one from the kind (`web_server-3`), so ids are stable across save and load.
 * Setters coerce property values to the types the kind table says and refuse what does not fit
 * (returning false, no signal). Setters that change nothing emit nothing. Labels, the name and
 * the domain are cut to Limits::MaxLabelLength characters, the description to
 * Limits::MaxTextLength, so that the design can always be saved and opened again.
 *
 * Removing a component removes the links that touch it (each announced by linkRemoved first);
 * removing a component or a host removes its bindings (announced by bindingsChanged first);
 * removing a host leaves its components in place, outside any host.
 *
 * Live sources have ids of their own (unique among sources, apart from element ids): `addSource`
 * keeps a free non-empty id and otherwise makes one from the kind ("haproxy", "haproxy-2").
 * A binding is named by its (source, key): at most one element per pair. Undo commands, which live
 * in ui/commands, record what they need before calling these.
 */
class Design : public QObject
{
    Q_OBJECT

public:
    explicit Design(QObject *parent = nullptr);

    const DesignData &data() const { return m_data; }
    /** Replaces the whole design (open, new, import); emits designReset() and changed(). */
    void reset(DesignData data);

    QString name() const { return m_data.name; }
    QString domain() const { return m_data.domain; }
    QString description() const { return m_data.description; }
    void setName(const QString &name);
    void setDomain(const QString &domain);
    void setDescription(const QString &description);

    const Component *component(const ElementId &id) const;
    const Host *host(const ElementId &id) const;
    const Link *link(const ElementId &id) const;
    bool contains(const ElementId &id) const;
    /** A free id made of `stem` and a number, e.g. "web_server-3". */
    ElementId uniqueId(const QString &stem) const;

    /** Adds `c` (missing properties take the kind's defaults). Returns the id, or empty if the
     *  kind is unknown or the host does not exist. `index` places it in the list (undo of a
     *  removal restores the order); out of range (the default) appends. */
    ElementId addComponent(Component c, qsizetype index = -1);
    void removeComponent(const ElementId &id);
    void moveComponent(const ElementId &id, QPointF pos);
    void setComponentLabel(const ElementId &id, const QString &label);
    bool setComponentProperty(
        const ElementId &id, const QString &name, const QVariant &value, QString *error = nullptr);
    /** Changes the kind of a component: properties the new kind shares keep their values when
     *  they fit, the others take the new kind's defaults; a guess an importer made about the
     *  kind or role is dropped (Reading): the user chose. False if the kind is unknown. */
    bool setComponentKind(const ElementId &id, const QString &kind);
    /** Puts `before` back as it was (kind, label, host, properties, extra), matched by id; for
     *  undo. False if there is no such component or its host is gone. */
    bool restoreComponent(const Component &before);
    /** Puts the component in `hostId` (empty: in no host). False if the host does not exist. */
    bool setComponentHost(const ElementId &id, const ElementId &hostId);

    ElementId addHost(Host h, qsizetype index = -1);
    void removeHost(const ElementId &id);
    void setHostRect(const ElementId &id, const QRectF &rect);
    void setHostLabel(const ElementId &id, const QString &label);
    bool setHostProperty(
        const ElementId &id, const QString &name, const QVariant &value, QString *error = nullptr);

    /** Adds `l` between two existing, distinct components; a port of 0 takes the protocol's
     *  default. Returns the id, or empty if an end is missing or the protocol unknown. */
    ElementId addLink(Link l, qsizetype index = -1);
    void removeLink(const ElementId &id);
    bool setLinkProtocol(const ElementId &id, const QString &protocol);
    void setLinkPort(const ElementId &id, int port);
    void setLinkLabel(const ElementId &id, const QString &label);
    bool setLinkProperty(
        const ElementId &id, const QString &name, const QVariant &value, QString *error = nullptr);
    /** Links that start or end at `componentId`. */
    QList<ElementId> linksOf(const ElementId &componentId) const;

    void setAcceptedFindings(const QList<AcceptedFinding> &accepted);

    const SourceConfig *source(const QString &id) const;
    /** A free source id: `stem` itself, or `stem-2`, `stem-3`... */
    QString uniqueSourceId(const QString &stem) const;
    /** Adds a source of a known kind with a valid address (Kinds::checkSourceAddress); its
     *  options take their defaults where missing and are coerced, unknown ones are dropped.
     *  Returns the id, or empty with `error` saying why. `index` as for addComponent. */
    QString addSource(SourceConfig s, qsizetype index = -1, QString *error = nullptr);
    /** Removes the source and, first, the bindings that use it. */
    void removeSource(const QString &id);
    /** Replaces the kind, address, user and options of the source `s.id` (same checks as
     *  addSource); a kind without keys drops the bindings with a key. False if refused. */
    bool updateSource(const SourceConfig &s, QString *error = nullptr);

    /** Binds `b.element` (a component or a host) to `b.source` under `b.key`. Refused (false,
     *  `error` says why) when either does not exist, the pair is bound to another element
     *  already, or the key does not fit the source's kind (a kind with keys needs one, a kind
     *  without takes none). Binding the same triple again is true and changes nothing. */
    bool bind(const Binding &b, qsizetype index = -1, QString *error = nullptr);
    /** Removes the binding of (`source`, `key`); false if there was none. */
    bool unbind(const QString &source, const QString &key);
    const Binding *binding(const QString &source, const QString &key) const;
    /** Position of the binding of (`source`, `key`) in data().bindings, or -1. */
    qsizetype bindingIndex(const QString &source, const QString &key) const;
    QList<Binding> bindingsOf(const ElementId &element) const;

Q_SIGNALS:
    void componentAdded(const ElementId &id);
    void componentRemoved(const ElementId &id);
    void componentChanged(const ElementId &id); ///< label, property or host changed
    void componentMoved(const ElementId &id);
    void hostAdded(const ElementId &id);
    void hostRemoved(const ElementId &id);
    void hostChanged(const ElementId &id); ///< label or property changed
    void hostMoved(const ElementId &id); ///< rect changed
    void linkAdded(const ElementId &id);
    void linkRemoved(const ElementId &id);
    void linkChanged(const ElementId &id);
    void metaChanged(); ///< name, domain or description
    void acceptedFindingsChanged();
    void sourceAdded(const QString &id);
    void sourceRemoved(const QString &id);
    void sourceChanged(const QString &id); ///< kind, address, user or options
    /** A binding of `element` was added or removed. */
    void bindingsChanged(const ElementId &element);
    void designReset();
    /** After any change above: for dirty state, autosave and validation. */
    void changed();

private:
    Component *mutableComponent(const ElementId &id);
    Host *mutableHost(const ElementId &id);
    Link *mutableLink(const ElementId &id);
    void rebuildIndex();
    void removeBindings(const std::function<bool(const Binding &)> &which);
    bool checkSource(SourceConfig *s, QString *error) const;
    static QString bindingKey(const QString &source, const QString &key);

    DesignData m_data;
    QHash<ElementId, qsizetype> m_componentIndex;
    QHash<ElementId, qsizetype> m_hostIndex;
    QHash<ElementId, qsizetype> m_linkIndex;
    QHash<QString, qsizetype> m_bindingIndex; ///< bindingKey(source, key) → position
};
