// SPDX-License-Identifier: MIT
#pragma once

#include "live/sample.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>

class RateCounter;

/**
 * HAProxy's statistics CSV, as the stats page gives it (`/stats;csv`) and the Runtime API's
 * `show stat` prints it, for every version from 1.8 on.
 *
 * Columns are found by the header line ("# pxname,svname,qcur,..."), never by position: versions
 * add columns (83 in 1.8, 100 documented from 2.4, 128 printed by 2.6 with its modules) and
 * unknown ones are skipped. An answer with no header is read in the documented order of
 * doc/management.txt section 9.1 (documentedColumns()), as far as its rows go.
 *
 * parse() is strict about shape, so that a cut or foreign answer is named, not half-read: every
 * row must have as many fields as the header (or, without a header, a type column that says
 * frontend, backend, server or listener); numeric columns must hold numbers; the error gives the
 * 1-based line and what was wrong there. Quoted fields ("a,b" with "" for a quote) are read as
 * HAProxy writes them. Input is bounded by the caller (the sources cap an answer's size).
 */
class HaproxyCsv
{
public:
    enum class Type : quint8 { Frontend, Backend, Server, Listener };

    /** The numeric columns Toposcope reads; NaN when the column is absent or empty. */
    enum class Field : quint8 {
        Qcur,
        Scur,
        Slim,
        Stot,
        Bin,
        Bout,
        Ereq,
        Econ,
        Eresp,
        Weight,
        Act,
        Bck,
        Rate,
        CheckDuration,
        Hrsp1xx,
        Hrsp2xx,
        Hrsp3xx,
        Hrsp4xx,
        Hrsp5xx,
        HrspOther,
        ReqRate,
        ReqTot,
        Qtime,
        Ctime,
        Rtime,
        Ttime,
        Lastchg,
        Count
    };
    static constexpr int FieldCount = int(Field::Count);

    struct Row
    {
        Type type = Type::Server;
        QString proxy; ///< pxname
        QString service; ///< svname: FRONTEND, BACKEND or the server's name
        QString status; ///< "UP", "DOWN 1/2", "MAINT (via be/srv)", "OPEN", "no check"...
        QString checkStatus; ///< "L7OK", "L4CON"; HAProxy's "* " (check running) removed
        QString address; ///< addr, where HAProxy shows it
        QString algorithm; ///< algo (backends)
        QString mode; ///< "http", "tcp"
        std::array<double, FieldCount> values = emptyValues();

        double value(Field f) const { return values[size_t(f)]; }
        /** "be_web/web1" for a server or listener, the proxy's name otherwise. */
        QString key() const;

    private:
        static std::array<double, FieldCount> emptyValues();
    };

    struct Result
    {
        bool ok = false;
        QString error; ///< "line 7: 12 fields, the header has 128 (the answer was cut short?)"
        int errorLine = 0;
        bool hadHeader = false;
        int columns = 0; ///< in the header, or in the first row without one
        QList<Row> rows;
    };

    static Result parse(QByteArrayView text);

    /** The 100 fields of the documented order, "pxname" to "uweight". */
    static const QList<QByteArray> &documentedColumns();

    /** The health an HAProxy status text means (see Live::Health). */
    static Live::Health healthOf(Type type, const QString &status);

    /**
     * The samples for `rows`, read at `timeMs`: rates from the counters (stot, req_tot, hrsp_*,
     * bin/bout, ereq+econ+eresp) through `counters`; on the first reading, where there is no rate
     * yet, HAProxy's own one-second rates (rate, req_rate) stand in. A `listen` section (a
     * frontend and a backend of one name) gives one sample: the backend's figures, completed by
     * the frontend's. `restarted` as for RateCounter (a new HAProxy process).
     */
    static QList<Live::Sample> samples(
        const QList<Row> &rows, RateCounter *counters, qint64 timeMs, bool restarted = false);

    /** "frontend", "backend", "server", "listener". */
    static QString roleName(Type type);
};
