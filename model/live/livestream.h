// SPDX-License-Identifier: MIT
#pragma once

#include "livesource.h"

#include <QHash>
#include <QObject>

/**
 * Merges every LiveSource into one stream and says which element each sample is about.
 *
 * Sources report what they call a thing (a key: "be_web/web1"); bind() says which design element
 * that is. samples() carries every sample, with `element` filled from the bindings (or left as
 * the source set it, or empty when nothing is bound: `toposcope probe` and discovery use those).
 * events() carries request events with `path` resolved the same way, hop by hop (unbound hops
 * are left out, and an element bound to two hops of one request appears once). The stream owns its
 * sources (QObject parent) and never knows what kind they are.
 */
class LiveStream : public QObject
{
    Q_OBJECT

public:
    explicit LiveStream(QObject *parent = nullptr);
    ~LiveStream() override;

    /** Takes ownership. A source with the id of one already there replaces it. */
    void addSource(LiveSource *source);
    /** Stops and deletes the source. */
    void removeSource(const QString &id);
    LiveSource *source(const QString &id) const;
    QList<LiveSource *> sources() const { return m_sources; }

    void startAll();
    void stopAll();
    /** Sets every source's poll interval (ms). */
    void setPollInterval(int milliseconds);

    /** Samples of `sourceId` keyed `key` are about `element` (one element per key). */
    void bind(const QString &sourceId, const QString &key, const ElementId &element);
    void clearBindings();
    /** The element bound to that key, or empty. */
    ElementId elementFor(const QString &sourceId, const QString &key) const;

Q_SIGNALS:
    void samples(const QList<Live::Sample> &samples);
    void events(const QList<Live::RequestEvent> &events);
    void sourceStateChanged(
        const QString &sourceId, Live::SourceState state, const QString &reason);
    void sourcesChanged();

private:
    void forwardSamples(LiveSource *from, QList<Live::Sample> samples);
    void forwardEvents(LiveSource *from, QList<Live::RequestEvent> events);
    static QString bindingKey(const QString &sourceId, const QString &key);

    QList<LiveSource *> m_sources;
    QHash<QString, ElementId> m_bindings;
};
