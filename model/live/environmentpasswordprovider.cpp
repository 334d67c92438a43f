// SPDX-License-Identifier: MIT
#include "environmentpasswordprovider.h"

void EnvironmentPasswordProvider::lookup(const Request &request, Callback done)
{
    Result r;
    const QString named = request.source.options.value(QStringLiteral("password_env")).toString();
    const QString variable = named.isEmpty() ? defaultVariable(request.source.id) : named;
    const QString value = qEnvironmentVariable(variable.toLocal8Bit().constData());
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
