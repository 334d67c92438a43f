// SPDX-License-Identifier: MIT
#include "finding.h"

QString Finding::categoryName(Category c)
{
    switch (c) {
    case Category::Spof:
        return QStringLiteral("spof");
    case Category::Security:
        return QStringLiteral("security");
    case Category::Monitoring:
        return QStringLiteral("monitoring");
    case Category::Config:
        return QStringLiteral("config");
    case Category::Live:
        return QStringLiteral("live");
    }
    return {};
}

QString Finding::severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

bool Finding::severityFromName(const QString &name, Severity *out)
{
    for (Severity s : { Severity::Info, Severity::Warning, Severity::Critical }) {
        if (severityName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

QString Finding::categoryTitle(Category c)
{
    switch (c) {
    case Category::Spof:
        return QStringLiteral("Availability");
    case Category::Security:
        return QStringLiteral("Security");
    case Category::Monitoring:
        return QStringLiteral("Monitoring");
    case Category::Config:
        return QStringLiteral("Configuration");
    case Category::Live:
        return QStringLiteral("Live");
    }
    return {};
}
