// SPDX-License-Identifier: MIT
#include "livestream.h"

using namespace Live;

LiveStream::LiveStream(QObject *parent)
    : QObject(parent)
{ }

LiveStream::~LiveStream()
{
    stopAll();
}

void LiveStream::addSource(LiveSource *source)
{
    if (!source)
        return;
    if (LiveSource *old = this->source(source->id()); old && old != source)
        removeSource(old->id());
    if (m_sources.contains(source))
        return;
    source->setParent(this);
    m_sources.append(source);
    connect(source, &LiveSource::samplesReady, this, [this, source](const QList<Sample> &s) {
        forwardSamples(source, s);
    });
    connect(source, &LiveSource::eventsReady, this, [this, source](const QList<RequestEvent> &e) {
        forwardEvents(source, e);
    });
    connect(
        source, &LiveSource::stateChanged, this, [this, source](SourceState st, const QString &r) {
            Q_EMIT sourceStateChanged(source->id(), st, r);
        });
    Q_EMIT sourcesChanged();
}

void LiveStream::removeSource(const QString &id)
{
    LiveSource *s = source(id);
    if (!s)
        return;
    m_sources.removeOne(s);
    s->disconnect(this);
    s->stop();
    delete s;
    Q_EMIT sourcesChanged();
}

LiveSource *LiveStream::source(const QString &id) const
{
    for (LiveSource *s : m_sources) {
        if (s->id() == id)
            return s;
    }
    return nullptr;
}

void LiveStream::startAll()
{
    for (LiveSource *s : m_sources)
        s->start();
}

void LiveStream::stopAll()
{
    for (LiveSource *s : m_sources)
        s->stop();
}

void LiveStream::setPollInterval(int milliseconds)
{
    for (LiveSource *s : m_sources)
        s->setPollInterval(milliseconds);
}

QString LiveStream::bindingKey(const QString &sourceId, const QString &key)
{
    return sourceId + QChar(0x1f) + key;
}

void LiveStream::bind(const QString &sourceId, const QString &key, const ElementId &element)
{
    m_bindings.insert(bindingKey(sourceId, key), element);
}

void LiveStream::clearBindings()
{
    m_bindings.clear();
}

ElementId LiveStream::elementFor(const QString &sourceId, const QString &key) const
{
    return m_bindings.value(bindingKey(sourceId, key));
}

void LiveStream::forwardSamples(LiveSource *from, QList<Sample> samples)
{
    for (Sample &s : samples) {
        if (s.source.isEmpty())
            s.source = from->id();
        if (s.element.isEmpty())
            s.element = elementFor(s.source, s.key);
    }
    Q_EMIT this->samples(samples);
}

void LiveStream::forwardEvents(LiveSource *from, QList<RequestEvent> events)
{
    for (RequestEvent &e : events) {
        if (e.source.isEmpty())
            e.source = from->id();
        if (e.path.isEmpty()) {
            for (const QString &key : std::as_const(e.keys)) {
                const ElementId id = elementFor(e.source, key);
                // A frontend and its backend are often one balancer element: the request
                // passes it once, so it is counted once.
                if (!id.isEmpty() && !e.path.contains(id))
                    e.path.append(id);
            }
        }
    }
    Q_EMIT this->events(events);
}
