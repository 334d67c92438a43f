// SPDX-License-Identifier: MIT
#pragma once

#include "httppollsource.h"

/**
 * HAProxy's statistics page in CSV (`stats uri /stats` read as `/stats;csv`), over HTTP or
 * HTTPS, with basic authentication (`stats auth`). One sample per frontend, backend and server
 * (see HaproxyCsv for keys, health and rates). A URL without ";csv" gets it appended.
 * SourceOptions::user and password are the `stats auth` credentials.
 */
class HaproxyStatsSource : public HttpPollSource
{
    Q_OBJECT

public:
    HaproxyStatsSource(const QString &id,
        const QUrl &statsUrl,
        const SourceOptions &options = {},
        QObject *parent = nullptr);

    QString description() const override;
    /** The stats URL as given, made to ask for CSV. */
    static QUrl csvUrl(const QUrl &statsUrl);

protected:
    Reading read(const QByteArray &body, qint64 timeMs) override;
    QString answerName() const override { return tr("HAProxy stats CSV"); }

private:
    RateCounter m_counters;
};
