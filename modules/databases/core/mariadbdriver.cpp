// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MariaDB and MySQL through libmariadb: mysql_use_result streams rows off the socket (Qt's QMYSQL
// would store the whole result); cancel is KILL QUERY from a second connection.
#include "sqldriver.h"

#include "databasestr.h"

#include <QMutex>

#include <mysql.h>
#include <errmsg.h>

namespace Qwq::Databases {

namespace {

class MariaDbDriver final : public SqlDriver
{
public:
    ~MariaDbDriver() override { close(); }

    Result<void> open(const Endpoint &ep, const ConnectionSpec &spec, const QString &password) override
    {
        close();
        m_lost = false;
        m_endpoint = ep;
        m_spec = spec;
        m_password = password;
        MYSQL *m = connectOne(&m_error);
        if (!m)
            return m_error;
        m_conn = m;
        m_threadId = mysql_thread_id(m_conn);
        return {};
    }

    void close() override
    {
        if (m_result)
            mysql_free_result(m_result);
        m_result = nullptr;
        QMutexLocker lock(&m_mutex);
        if (m_conn)
            mysql_close(m_conn);
        m_conn = nullptr;
        m_running = false;
    }

    bool isOpen() const override { return m_conn && !m_lost; }

    QString serverVersion() const override
    {
        return m_conn ? QString::fromUtf8(mysql_get_server_info(m_conn)) : QString();
    }

    bool inTransaction() const override
    {
        return m_conn && !m_readOnlyWrap && (m_conn->server_status & SERVER_STATUS_IN_TRANS);
    }

    Result<QList<Column>> start(const QString &sql, bool readOnly) override
    {
        if (!isOpen())
            return Result<QList<Column>>(lostError());
        if (m_running)
            (void)finish();
        m_outcome = {};
        m_done = false;
        m_readOnlyWrap = false;
        if (readOnly && !(m_conn->server_status & SERVER_STATUS_IN_TRANS)) {
            if (mysql_query(m_conn, "START TRANSACTION READ ONLY") != 0)
                return Result<QList<Column>>(serverError());
            m_readOnlyWrap = true;
        } else if (readOnly) {
            // Inside the user's transaction MariaDB cannot switch to read-only: refuse instead.
            return Result<QList<Column>>(Error(ErrorCode::DatabaseReadOnly,
                Tr::tr("This connection is read-only, and a transaction is open: end it with COMMIT or ROLLBACK first."),
                {}, {}, QStringLiteral("sql")));
        }
        const QByteArray text = sql.toUtf8();
        // CLIENT_MULTI_STATEMENTS is off: one statement per call, "…; DROP …" is refused.
        if (mysql_real_query(m_conn, text.constData(), text.size()) != 0) {
            const Error e = serverError();
            endWrap();
            return Result<QList<Column>>(e);
        }
        m_running = true;
        if (mysql_field_count(m_conn) == 0) {
            m_outcome.rowsAffected = qint64(mysql_affected_rows(m_conn));
            m_outcome.commandTag = QStringLiteral("%1 rows affected").arg(m_outcome.rowsAffected);
            collectWarnings();
            m_done = true;
            return QList<Column> {};
        }
        m_result = mysql_use_result(m_conn);
        if (!m_result) {
            const Error e = serverError();
            m_done = true;
            return Result<QList<Column>>(e);
        }
        QList<Column> cols;
        const unsigned n = mysql_num_fields(m_result);
        const MYSQL_FIELD *fields = mysql_fetch_fields(m_result);
        for (unsigned i = 0; i < n; ++i) {
            Column c;
            c.name = QString::fromUtf8(fields[i].name, int(fields[i].name_length));
            c.type = typeName(fields[i].type);
            c.numeric = IS_NUM(fields[i].type);
            cols.append(c);
        }
        m_columns = int(n);
        return cols;
    }

    Result<bool> fetch(int maxRows, RowBatch &into) override
    {
        if (!m_running || m_done || !m_result)
            return false;
        for (int got = 0; got < maxRows; ++got) {
            MYSQL_ROW row = mysql_fetch_row(m_result);
            if (!row) {
                m_done = true;
                if (mysql_errno(m_conn) != 0) {
                    const Error e = serverError();
                    return e;
                }
                m_outcome.commandTag = QStringLiteral("SELECT %1").arg(mysql_num_rows(m_result));
                return false;
            }
            const unsigned long *lengths = mysql_fetch_lengths(m_result);
            for (int i = 0; i < m_columns; ++i)
                into.appendCell(row[i], row[i] ? int(lengths[i]) : 0, row[i] == nullptr);
        }
        return true;
    }

    Result<StatementOutcome> finish() override
    {
        if (m_result) {
            if (!m_done)
                cancel(); // mysql_free_result would read every remaining row first
            mysql_free_result(m_result);
            m_result = nullptr;
        }
        m_running = false;
        m_done = true;
        endWrap();
        if (!isOpen())
            return lostError();
        StatementOutcome o = m_outcome;
        return o;
    }

    void cancel() override
    {
        // KILL QUERY from a second connection: the protocol has no cancel request.
        unsigned long id = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_conn)
                return;
            id = m_threadId;
        }
        Error ignored;
        MYSQL *k = connectOne(&ignored);
        if (!k)
            return;
        const QByteArray q = "KILL QUERY " + QByteArray::number(qulonglong(id));
        mysql_query(k, q.constData());
        mysql_close(k);
    }

private:
    MYSQL *connectOne(Error *error) const
    {
        MYSQL *m = mysql_init(nullptr);
        if (!m) {
            *error = Error(ErrorCode::Internal, Tr::tr("Out of memory."));
            return nullptr;
        }
        const unsigned timeout = 15;
        mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
        mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        const my_bool noReconnect = 0; // a silent reconnect would lose the session's state
        mysql_options(m, MYSQL_OPT_RECONNECT, &noReconnect);
        const QByteArray host = m_endpoint.host.toUtf8();
        const QByteArray socket = m_endpoint.socketPath.toUtf8();
        const QByteArray user = m_spec.user.toUtf8();
        const QByteArray pass = m_password.toUtf8();
        const QByteArray db = m_spec.database.toUtf8();
        if (!socket.isEmpty()) {
            const unsigned proto = MYSQL_PROTOCOL_SOCKET;
            mysql_options(m, MYSQL_OPT_PROTOCOL, &proto);
        } else {
            const unsigned proto = MYSQL_PROTOCOL_TCP;
            mysql_options(m, MYSQL_OPT_PROTOCOL, &proto);
        }
        if (!mysql_real_connect(m, socket.isEmpty() ? host.constData() : "localhost", user.constData(),
                                pass.constData(), db.isEmpty() ? nullptr : db.constData(),
                                m_endpoint.port, socket.isEmpty() ? nullptr : socket.constData(), 0)) {
            const unsigned no = mysql_errno(m);
            const QString detail = QString::fromUtf8(mysql_error(m));
            mysql_close(m);
            QString field;
            ErrorCode code = ErrorCode::DatabaseConnectFailed;
            if (no == 1045)
                field = QStringLiteral("password");
            else if (no == 1049) {
                field = QStringLiteral("database");
                code = ErrorCode::DatabaseNotFound;
            }
            *error = Error(code, Tr::tr("Could not connect to MariaDB at %1 port %2.").arg(m_spec.host).arg(m_spec.port),
                           detail, {}, field);
            return nullptr;
        }
        return m;
    }

    static QString typeName(enum_field_types t)
    {
        switch (t) {
        case MYSQL_TYPE_TINY: return QStringLiteral("tinyint");
        case MYSQL_TYPE_SHORT: return QStringLiteral("smallint");
        case MYSQL_TYPE_LONG: return QStringLiteral("int");
        case MYSQL_TYPE_INT24: return QStringLiteral("mediumint");
        case MYSQL_TYPE_LONGLONG: return QStringLiteral("bigint");
        case MYSQL_TYPE_FLOAT: return QStringLiteral("float");
        case MYSQL_TYPE_DOUBLE: return QStringLiteral("double");
        case MYSQL_TYPE_DECIMAL:
        case MYSQL_TYPE_NEWDECIMAL: return QStringLiteral("decimal");
        case MYSQL_TYPE_DATE: return QStringLiteral("date");
        case MYSQL_TYPE_TIME: return QStringLiteral("time");
        case MYSQL_TYPE_DATETIME: return QStringLiteral("datetime");
        case MYSQL_TYPE_TIMESTAMP: return QStringLiteral("timestamp");
        case MYSQL_TYPE_YEAR: return QStringLiteral("year");
        case MYSQL_TYPE_JSON: return QStringLiteral("json");
        case MYSQL_TYPE_BLOB:
        case MYSQL_TYPE_TINY_BLOB:
        case MYSQL_TYPE_MEDIUM_BLOB:
        case MYSQL_TYPE_LONG_BLOB: return QStringLiteral("blob");
        case MYSQL_TYPE_VARCHAR:
        case MYSQL_TYPE_VAR_STRING: return QStringLiteral("varchar");
        case MYSQL_TYPE_STRING: return QStringLiteral("char");
        case MYSQL_TYPE_BIT: return QStringLiteral("bit");
        case MYSQL_TYPE_ENUM: return QStringLiteral("enum");
        case MYSQL_TYPE_SET: return QStringLiteral("set");
        default: return QStringLiteral("type %1").arg(int(t));
        }
    }

    void collectWarnings()
    {
        if (mysql_warning_count(m_conn) == 0)
            return;
        if (mysql_query(m_conn, "SHOW WARNINGS") != 0)
            return;
        if (MYSQL_RES *r = mysql_store_result(m_conn)) {
            while (MYSQL_ROW row = mysql_fetch_row(r)) {
                if (m_outcome.notices.size() < 100)
                    m_outcome.notices.append(QStringLiteral("%1 %2: %3").arg(QString::fromUtf8(row[0]),
                                                                          QString::fromUtf8(row[1]),
                                                                          QString::fromUtf8(row[2])));
            }
            mysql_free_result(r);
        }
    }

    void endWrap()
    {
        if (m_readOnlyWrap && isOpen())
            mysql_query(m_conn, "ROLLBACK");
        m_readOnlyWrap = false;
    }

    Error serverError()
    {
        const unsigned no = mysql_errno(m_conn);
        if (no == CR_SERVER_GONE_ERROR || no == CR_SERVER_LOST || no == CR_CONNECTION_ERROR) {
            m_lost = true;
            return lostError();
        }
        const QString message = QString::fromUtf8(mysql_error(m_conn));
        const QString state = QString::fromUtf8(mysql_sqlstate(m_conn));
        return Error(no == 1792 ? ErrorCode::DatabaseReadOnly : ErrorCode::DatabaseError, message,
                     QStringLiteral("error %1, SQLSTATE %2").arg(no).arg(state), {}, QStringLiteral("sql"));
    }

    Error lostError() const
    {
        return Error(ErrorCode::DatabaseConnectionLost,
                     Tr::tr("The connection to MariaDB was lost; whether the statement ran is unknown."),
                     m_conn ? QString::fromUtf8(mysql_error(m_conn)) : QString());
    }

    Endpoint m_endpoint;
    ConnectionSpec m_spec;
    QString m_password;
    Error m_error;
    QMutex m_mutex;
    MYSQL *m_conn = nullptr;
    MYSQL_RES *m_result = nullptr;
    unsigned long m_threadId = 0;
    int m_columns = 0;
    bool m_running = false;
    bool m_done = true;
    bool m_lost = false;
    bool m_readOnlyWrap = false;
    StatementOutcome m_outcome;
};

} // namespace

std::unique_ptr<SqlDriver> makeMariaDbDriver()
{
    return std::make_unique<MariaDbDriver>();
}

} // namespace Qwq::Databases
