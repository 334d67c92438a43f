// SPDX-License-Identifier: MIT
#include "keyringpasswordprovider.h"

#include "live/connectionconsent.h"

#include <qt6keychain/keychain.h>

KeyringPasswordProvider::KeyringPasswordProvider(QObject *parent)
    : QObject(parent)
{ }

QString KeyringPasswordProvider::entryKey(const SourceConfig &source)
{
    return QStringLiteral("%1@%2").arg(
        source.user, ConnectionConsent::normalizedAddress(source.address));
}

void KeyringPasswordProvider::lookup(const Request &request, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service), this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryKey(request.source));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        Result r;
        switch (read->error()) {
        case QKeychain::NoError:
            r.status = Result::Status::Found;
            r.password = read->textData();
            r.origin = QStringLiteral("the desktop keyring");
            break;
        case QKeychain::EntryNotFound:
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            r.status = Result::Status::NotFound;
            break;
        default:
            r.status = Result::Status::Failed;
            r.error = QStringLiteral("the desktop keyring: %1").arg(read->errorString());
            break;
        }
        done(r);
    });
    job->start();
}

void KeyringPasswordProvider::store(
    const Request &request, const QString &password, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service), this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryKey(request.source));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
    job->start();
}

void KeyringPasswordProvider::forget(
    const Request &request, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service), this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryKey(request.source));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound;
        done(gone ? QString() : finished->errorString());
    });
    job->start();
}
