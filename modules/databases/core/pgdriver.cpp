// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL through libpq: single-row mode, so rows stream off the socket as they are read and
// the server is held back by TCP when the user stops scrolling; PQcancel from any thread.
#include "sqldriver.h"

#include "databasestr.h"

#include <QFileInfo>
#include <QMutex>

#include <libpq-fe.h>

namespace Qwq::Databases {

namespace {

QString pgText(const char *s)
{
    return QString::fromUtf8(s ? s : "").trimmed();
}

class PgDriver final : public SqlDriver
{
public:
    ~PgDriver() override { close(); }

    Result<void> open(const Endpoint &ep, const ConnectionSpec &spec, const QString &password) override
    {
        close();
        // A unix socket is named by its directory; libpq adds ".s.PGSQL.<port>".
        const QByteArray host = (ep.socketPath.isEmpty() ? ep.host : QFileInfo(ep.socketPath).path()).toUtf8();
        const QByteArray port = QByteArray::number(ep.port);
        const QByteArray user = spec.user.toUtf8();
        const QByteArray pass = password.toUtf8();
        const QByteArray db = (spec.database.isEmpty() ? QStringLiteral("postgres") : spec.database).toUtf8();
        const char *keys[] = {"host", "port", "user", "password", "dbname", "application_name",
                              "connect_timeout", "client_encoding", "sslmode", nullptr};
        // Over the SSH bridge the link is already encrypted; straight connections prefer TLS.
        const char *ssl = ep.socketPath.isEmpty() ? "prefer" : "disable";
        const char *values[] = {host.constData(), port.constData(), user.constData(),
                                pass.isEmpty() ? nullptr : pass.constData(), db.constData(),
                                "qwq", "15", "UTF8", ssl, nullptr};
        m_conn = PQconnectdbParams(keys, values, 0);
        if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
            const QString detail = m_conn ? pgText(PQerrorMessage(m_conn)) : QStringLiteral("out of memory");
            close();
            QString field;
            ErrorCode code = ErrorCode::DatabaseConnectFailed;
            if (detail.contains(QLatin1String("password")))
                field = QStringLiteral("password");
            else if (detail.contains(QLatin1String("database")) && detail.contains(QLatin1String("does not exist"))) {
                field = QStringLiteral("database");
                code = ErrorCode::DatabaseNotFound;
            } else if (detail.contains(QLatin1String("role")) && detail.contains(QLatin1String("does not exist")))
                field = QStringLiteral("user");
            return Error(code, Tr::tr("Could not connect to PostgreSQL at %1 port %2.").arg(spec.host).arg(spec.port),
                         detail, {}, field);
        }
        PQsetNoticeProcessor(m_conn, &PgDriver::onNotice, this);
        QMutexLocker lock(&m_cancelMutex);
        m_cancel = PQgetCancel(m_conn);
        return {};
    }

    void close() override
    {
        {
            QMutexLocker lock(&m_cancelMutex);
            if (m_cancel)
                PQfreeCancel(m_cancel);
            m_cancel = nullptr;
        }
        if (m_pending)
            PQclear(m_pending);
        m_pending = nullptr;
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
        m_running = false;
    }

    bool isOpen() const override { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }

    QString serverVersion() const override
    {
        if (!m_conn)
            return {};
        const int v = PQserverVersion(m_conn);
        return QStringLiteral("PostgreSQL %1.%2").arg(v / 10000).arg(v % 10000);
    }

    bool inTransaction() const override
    {
        if (!m_conn)
            return false;
        const PGTransactionStatusType t = PQtransactionStatus(m_conn);
        return !m_readOnlyWrap && (t == PQTRANS_INTRANS || t == PQTRANS_INERROR);
    }

    Result<QList<Column>> start(const QString &sql, bool readOnly) override
    {
        if (!isOpen())
            return lost();
        if (m_running)
            (void)finish();
        m_notices.clear();
        m_outcome = {};
        m_done = false;
        m_readOnlyWrap = false;
        if (readOnly && PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
            PGresult *r = PQexec(m_conn, "BEGIN READ ONLY");
            const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            if (!ok)
                return isOpen() ? Result<QList<Column>>(serverError(nullptr)) : lost();
            m_readOnlyWrap = true;
        } else if (readOnly) {
            // An explicit transaction is open (the user's BEGIN): make it read-only from here.
            PGresult *r = PQexec(m_conn, "SET TRANSACTION READ ONLY");
            PQclear(r);
        }
        const QByteArray text = sql.toUtf8();
        // The extended protocol runs exactly one statement: "…; DROP …" cannot ride along.
        if (!PQsendQueryParams(m_conn, text.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)) {
            endWrap();
            return isOpen() ? Result<QList<Column>>(serverError(nullptr)) : lost();
        }
        PQsetSingleRowMode(m_conn);
        m_running = true;
        PGresult *r = PQgetResult(m_conn);
        return takeFirst(r);
    }

    Result<bool> fetch(int maxRows, RowBatch &into) override
    {
        if (!m_running || m_done)
            return false;
        int got = 0;
        if (m_pending) {
            appendRow(m_pending, into);
            PQclear(m_pending);
            m_pending = nullptr;
            ++got;
        }
        while (got < maxRows) {
            PGresult *r = PQgetResult(m_conn);
            if (!r) {
                m_done = true;
                return false;
            }
            switch (PQresultStatus(r)) {
            case PGRES_SINGLE_TUPLE:
                appendRow(r, into);
                PQclear(r);
                ++got;
                break;
            case PGRES_TUPLES_OK:
            case PGRES_COMMAND_OK:
                noteTag(r);
                PQclear(r);
                drain();
                m_done = true;
                return false;
            default: {
                const Error e = isOpen() ? serverError(r) : lostError();
                PQclear(r);
                drain();
                m_done = true;
                return e;
            }
            }
        }
        return true;
    }

    Result<StatementOutcome> finish() override
    {
        if (m_running && !m_done) {
            if (m_pending) {
                PQclear(m_pending);
                m_pending = nullptr;
            }
            cancel();
            drain();
        }
        m_running = false;
        m_done = true;
        endWrap();
        StatementOutcome o = m_outcome;
        o.notices = m_notices;
        m_notices.clear();
        if (!isOpen())
            return lostError();
        return o;
    }

    void cancel() override
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel) {
            char err[256];
            PQcancel(m_cancel, err, sizeof err);
        }
    }

private:
    static void onNotice(void *self, const char *message)
    {
        auto *d = static_cast<PgDriver *>(self);
        if (d->m_notices.size() < 100)
            d->m_notices.append(pgText(message));
    }

    Result<QList<Column>> takeFirst(PGresult *r)
    {
        if (!r) {
            m_done = true;
            return QList<Column> {};
        }
        switch (PQresultStatus(r)) {
        case PGRES_SINGLE_TUPLE:
            m_pending = r;
            return columns(r);
        case PGRES_TUPLES_OK: {
            const QList<Column> cols = columns(r);
            noteTag(r);
            PQclear(r);
            drain();
            m_done = true;
            return cols;
        }
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
            noteTag(r);
            PQclear(r);
            drain();
            m_done = true;
            return QList<Column> {};
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH: {
            PQclear(r);
            PQputCopyEnd(m_conn, "COPY through the SQL editor is not supported");
            drain();
            m_done = true;
            return Error(ErrorCode::DatabaseError,
                         Tr::tr("COPY to or from the client is not supported here: use the table export or a dump."),
                         {}, {}, QStringLiteral("sql"));
        }
        default: {
            const Error e = isOpen() ? serverError(r) : lostError();
            PQclear(r);
            drain();
            m_done = true;
            return e;
        }
        }
    }

    QList<Column> columns(const PGresult *r)
    {
        QList<Column> cols;
        const int n = PQnfields(r);
        for (int i = 0; i < n; ++i) {
            Column c;
            c.name = QString::fromUtf8(PQfname(r, i));
            const Oid oid = PQftype(r, i);
            c.type = typeName(oid);
            c.numeric = oid == 20 || oid == 21 || oid == 23 || oid == 700 || oid == 701 || oid == 1700 || oid == 26;
            cols.append(c);
        }
        return cols;
    }

    QString typeName(Oid oid)
    {
        // The common built-in types by OID (pg_type.dat); others are looked up once per connection.
        switch (oid) {
        case 16: return QStringLiteral("bool");
        case 17: return QStringLiteral("bytea");
        case 18: return QStringLiteral("char");
        case 19: return QStringLiteral("name");
        case 20: return QStringLiteral("int8");
        case 21: return QStringLiteral("int2");
        case 23: return QStringLiteral("int4");
        case 25: return QStringLiteral("text");
        case 26: return QStringLiteral("oid");
        case 114: return QStringLiteral("json");
        case 700: return QStringLiteral("float4");
        case 701: return QStringLiteral("float8");
        case 1042: return QStringLiteral("bpchar");
        case 1043: return QStringLiteral("varchar");
        case 1082: return QStringLiteral("date");
        case 1083: return QStringLiteral("time");
        case 1114: return QStringLiteral("timestamp");
        case 1184: return QStringLiteral("timestamptz");
        case 1186: return QStringLiteral("interval");
        case 1700: return QStringLiteral("numeric");
        case 2950: return QStringLiteral("uuid");
        case 3802: return QStringLiteral("jsonb");
        default: return QStringLiteral("oid %1").arg(oid);
        }
    }

    static void appendRow(const PGresult *r, RowBatch &into)
    {
        const int n = PQnfields(r);
        for (int i = 0; i < n; ++i)
            into.appendCell(PQgetvalue(r, 0, i), PQgetlength(r, 0, i), PQgetisnull(r, 0, i));
    }

    void noteTag(const PGresult *r)
    {
        m_outcome.commandTag = QString::fromUtf8(PQcmdStatus(const_cast<PGresult *>(r)));
        bool ok = false;
        const qint64 n = QByteArray(PQcmdTuples(const_cast<PGresult *>(r))).toLongLong(&ok);
        m_outcome.rowsAffected = ok ? n : -1;
    }

    void drain()
    {
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
    }

    void endWrap()
    {
        if (m_readOnlyWrap && isOpen()) {
            PGresult *r = PQexec(m_conn, "ROLLBACK");
            PQclear(r);
        }
        m_readOnlyWrap = false;
    }

    Error serverError(const PGresult *r)
    {
        const QString primary = r ? pgText(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)) : QString();
        const QString state = r ? pgText(PQresultErrorField(r, PG_DIAG_SQLSTATE)) : QString();
        const QString detail = r ? pgText(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL)) : QString();
        const QString hint = r ? pgText(PQresultErrorField(r, PG_DIAG_MESSAGE_HINT)) : QString();
        const QString message = primary.isEmpty() ? pgText(PQerrorMessage(m_conn)) : primary;
        Error e(state == QLatin1String("25006") ? ErrorCode::DatabaseReadOnly : ErrorCode::DatabaseError,
                message, state.isEmpty() ? detail : QStringLiteral("SQLSTATE %1%2").arg(state, detail.isEmpty() ? QString() : QStringLiteral(": ") + detail),
                hint, QStringLiteral("sql"));
        if (r) {
            bool ok = false;
            const int pos = QByteArray(PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION)).toInt(&ok);
            if (ok)
                e.column = pos; // a character offset into the statement: the session maps it
        }
        return e;
    }

    Error lostError() const
    {
        return Error(ErrorCode::DatabaseConnectionLost,
                     Tr::tr("The connection to PostgreSQL was lost; whether the statement ran is unknown."),
                     m_conn ? pgText(PQerrorMessage(m_conn)) : QString());
    }
    Result<QList<Column>> lost() const { return lostError(); }

    PGconn *m_conn = nullptr;
    QMutex m_cancelMutex;
    PGcancel *m_cancel = nullptr;
    PGresult *m_pending = nullptr; // the first row, read to learn the columns
    bool m_running = false;
    bool m_done = true;
    bool m_readOnlyWrap = false;
    StatementOutcome m_outcome;
    QStringList m_notices;
};

} // namespace

std::unique_ptr<SqlDriver> makePgDriver()
{
    return std::make_unique<PgDriver>();
}

std::unique_ptr<SqlDriver> makeDriver(Engine engine)
{
    switch (engine) {
    case Engine::PostgreSql: return makePgDriver();
    case Engine::MariaDb: return makeMariaDbDriver();
    case Engine::Redis: return nullptr;
    }
    return nullptr;
}

} // namespace Qwq::Databases
