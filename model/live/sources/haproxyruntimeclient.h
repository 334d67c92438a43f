// SPDX-License-Identifier: MIT
#pragma once

#include "sourceoptions.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class QIODevice;

/**
 * One exchange with HAProxy's Runtime API (`stats socket`), over a UNIX socket
 * ("/run/haproxy/admin.sock", "unix:/path") or TCP ("tcp://127.0.0.1:9999", "127.0.0.1:9999"):
 * a fresh connection, the command sent, and the answer read until HAProxy closes (its
 * non-interactive mode answers and closes), bounded by SourceOptions::timeoutMs for the whole
 * answer and SourceOptions::maxBytes for its size. Nothing waits: the callback runs once, in the
 * client's thread, unless abort() (or the client's destruction) came first. A new ask() aborts
 * the one under way. HaproxySocketSource polls through it; Connect to HAProxy… reads once.
 */
class HaproxyRuntimeClient : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false; ///< HAProxy answered and closed
        QByteArray answer;
        QString error; ///< why there is no answer: "no answer from … within 5 s"
    };
    using Callback = std::function<void(const Result &)>;

    explicit HaproxyRuntimeClient(QObject *parent = nullptr);
    ~HaproxyRuntimeClient() override;

    /** Of the options, the deadline and the size bound apply. */
    void setOptions(const SourceOptions &options) { m_options = options; }
    void ask(const QString &address, const QByteArray &command, Callback done);
    void abort();

    /** Whether `address` names a UNIX socket (else host:port). */
    static bool isUnixSocket(const QString &address);
    /** Why the Runtime API cannot be reached at `address` ("neither a socket path nor
     *  host:port"), or empty when it is an address it takes. */
    static QString checkAddress(const QString &address);

private:
    template <typename Socket, typename Error> void wire(Socket *socket, Error endOfAnswer);
    void close();
    void finish(Result result);
    void received();
    void answered();

    SourceOptions m_options;
    QString m_address;
    QByteArray m_command;
    QIODevice *m_socket = nullptr;
    QTimer m_deadline;
    QByteArray m_answer;
    Callback m_done;
};
