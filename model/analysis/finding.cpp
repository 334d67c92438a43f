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
