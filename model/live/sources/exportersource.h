// SPDX-License-Identifier: MIT
#pragma once

#include "httppollsource.h"
#include "live/parsers/exportermap.h"

/**
 * A direct scrape of an exporter's /metrics (Prometheus text format): HAProxy's built-in
 * exporter, prometheus-haproxy-exporter, prometheus-nginx-exporter or prometheus-mysqld-exporter,
 * told apart by what the answer holds. The families of ExporterMap become samples with the
 * same keys and metrics as the direct sources give (counters as rates); an Nginx or MySQL
 * exporter stands for one server, key "". Its `*_up` says whether the exporter reaches it.
 */
class ExporterSource : public HttpPollSource
{
    Q_OBJECT

public:
    ExporterSource(const QString &id,
        const QUrl &metricsUrl,
        const SourceOptions &options = {},
        QObject *parent = nullptr);
    QString description() const override;
    int rank() const override { return 1; }

    /** What the last answer was from, once read. */
    QList<ExporterMap::Flavour> flavours() const;

    /** The samples of one scrape (what a poll does with the answer): counters become rates
     *  through `counters`; `flavours` says which exporters the text is from. Empty with `error`
     *  set when the text is not the format, or holds none of the exporters' metrics. */
    static QList<Live::Sample> interpret(QByteArrayView text,
        RateCounter *counters,
        qint64 timeMs,
        QList<ExporterMap::Flavour> *flavours,
        QString *error);

protected:
    Reading read(const QByteArray &body, qint64 timeMs) override;
    QString answerName() const override { return tr("exporter metrics"); }

private:
    RateCounter m_counters;
    mutable QMutex m_flavourLock;
    QList<ExporterMap::Flavour> m_flavours;
};
