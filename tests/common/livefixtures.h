// SPDX-License-Identifier: MIT
#pragma once

// Reading the recorded live outputs of tests/fixtures/live (see its README.md).

#include "live/sample.h"

#include <QFile>
#include <QList>
#include <QString>

namespace LiveFixtures {

inline QByteArray read(const QString &relative)
{
    QFile f(QStringLiteral(TOPOSCOPE_FIXTURES "/live/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(relative));
    return f.readAll();
}

inline const Live::Sample *find(
    const QList<Live::Sample> &samples, const QString &key, const QString &role = QString())
{
    for (const Live::Sample &s : samples) {
        if (s.key == key && (role.isEmpty() || s.role == role))
            return &s;
    }
    return nullptr;
}

} // namespace LiveFixtures
