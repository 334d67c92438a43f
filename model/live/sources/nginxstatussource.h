// SPDX-License-Identifier: MIT
#pragma once

#include "httppollsource.h"

/**
 * Nginx's (or Tengine's) `stub_status` page: one sample (key "", role "web") with the active,
 * reading, writing and waiting connections and the accept, handled and request rates (see
 * StubStatus).
 */
class NginxStatusSource : public HttpPollSource
{
    Q_OBJECT

public:
    NginxStatusSource(const QString &id,
        const QUrl &statusUrl,
        const SourceOptions &options = {},
        QObject *parent = nullptr);
    QString description() const override;

protected:
    Reading read(const QByteArray &body, qint64 timeMs) override;
    QString answerName() const override { return tr("stub_status page"); }

private:
    RateCounter m_counters;
};
