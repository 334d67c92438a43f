// SPDX-License-Identifier: MIT
#include "environmentpasswordprovider.h"

QString EnvironmentPasswordProvider::kindVariable(const QString &kind)
{
    return QStringLiteral("TOPOSCOPE_%1_PASSWORD").arg(kind.section(u'-', 0, 0).toUpper());
}

void EnvironmentPasswordProvider::lookup(const Request &request, Callback done)
{
    Result r;
    const QString named = request.source.options.value(QStringLiteral("password_env")).toString();
    const QStringList variables = named.isEmpty() ? QStringList{ defaultVariable(request.source.id),
        kindVariable(request.source.kind),
        QStringLiteral("TOPOSCOPE_PASSWORD") }
                                                  : QStringList{ named };
    QString variable, value;
    for (const QString &v : variables) {
        variable = v;
        value = qEnvironmentVariable(v.toLocal8Bit().constData());
        if (!value.isEmpty())
            break;
    }
    if (!value.isEmpty()) {
        r.status = Result::Status::Found;
        r.password = value;
        r.origin = QStringLiteral("environment variable %1").arg(variable);
    } else if (!named.isEmpty()) {
        r.status = Result::Status::Failed;
        r.error = QStringLiteral("the environment variable %1 is not set").arg(variable);
    }
    done(r);
}
