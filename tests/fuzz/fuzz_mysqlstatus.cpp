// SPDX-License-Identifier: MIT
// Fuzzes the reading of MySQL/MariaDB replica status rows (the client's \G layout) into samples:
// never a crash, a hang or a sanitizer report, whatever names and values the rows hold.
#include "fuzzcheck.h"
#include "live/parsers/mysqlstatus.h"
#include "live/ratecounter.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    MysqlStatus::Reading reading;
    reading.replicas = MysqlStatus::parseVertical(bytes, &error);
    if (!reading.replicas.isEmpty())
        reading.status = reading.replicas.first();
    reading.version = QStringLiteral("10.11.19-MariaDB");
    RateCounter counters;
    MysqlStatus::samples(reading, &counters, 0);
    const QList<Live::Sample> s = MysqlStatus::samples(reading, &counters, 1000, true);
    if (s.isEmpty())
        FuzzCheck::fail("fuzz_mysqlstatus", "no database sample", QString());
    return 0;
}
