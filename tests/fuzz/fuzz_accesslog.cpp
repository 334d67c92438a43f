// SPDX-License-Identifier: MIT
// Fuzzes the syslog listener's reading of one datagram: the RFC 3164/5424 header and HAProxy's
// httplog or Nginx's access line inside. Never a crash, a hang or a sanitizer report; a
// malformed line always says why, and a request has at most its three hops.
#include "fuzzcheck.h"
#include "live/parsers/accesslog.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static AccessLog parser; // one per listener: its key cache sees the whole run, bounded
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Live::RequestEvent e;
    QString why;
    switch (parser.parseDatagram(bytes, &e, &why)) {
    case AccessLog::Outcome::Malformed:
        if (why.isEmpty())
            FuzzCheck::fail("fuzz_accesslog", "a malformed line without a reason", QString());
        break;
    case AccessLog::Outcome::Request:
        if (e.keys.size() > 3)
            FuzzCheck::fail(
                "fuzz_accesslog", "more hops than frontend, backend, server", e.keys.join(u' '));
        break;
    case AccessLog::Outcome::NotARequest:
        break;
    }
    return 0;
}
