// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redissession.h"

#include "databasestr.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QPromise>
#include <QSet>

#include <hiredis/hiredis.h>
#include <sys/socket.h>

#include <atomic>
#include <mutex>
#include <vector>

namespace Qwq::Databases {

namespace {

struct ReplyFree
{
    void operator()(redisReply *r) const
    {
        if (r)
            freeReplyObject(r);
    }
};
using Reply = std::unique_ptr<redisReply, ReplyFree>;
using Args = QList<QByteArray>;

constexpr int ConnectTimeoutS = 10;
constexpr int CommandTimeoutS = 60;
constexpr int ScanStepBudget = 64;      // SCAN steps per page at most (32,000 keys examined)
constexpr qint64 ScanTimeBudgetMs = 2000;

QByteArray bytes(const redisReply *r)
{
    if (r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS || r->type == REDIS_REPLY_ERROR))
        return QByteArray(r->str, qsizetype(r->len));
    if (r && r->type == REDIS_REPLY_INTEGER)
        return QByteArray::number(r->integer);
    return {};
}

bool isError(const redisReply *r) { return r && r->type == REDIS_REPLY_ERROR; }

qint64 integer(const redisReply *r, qint64 fallback = -1)
{
    if (r && r->type == REDIS_REPLY_INTEGER)
        return r->integer;
    if (r && r->type == REDIS_REPLY_STRING) {
        bool ok = false;
        const qint64 v = bytes(r).toLongLong(&ok);
        return ok ? v : fallback;
    }
    return fallback;
}

Error unexpected(const QByteArray &command)
{
    return Error(ErrorCode::DatabaseError, Tr::tr("Redis answered %1 in a form qwq does not understand.")
                                               .arg(QString::fromLatin1(command)));
}

Error refused(const QByteArray &command, const redisReply *r)
{
    const QString text = QString::fromUtf8(bytes(r));
    return Error(ErrorCode::DatabaseError, Tr::tr("Redis refused %1: %2").arg(QString::fromLatin1(command.toUpper()), text),
                 text);
}

} // namespace

struct RedisSession::Worker
{
    ConnectionSpec spec;
    Endpoint endpoint;
    QString password;
    int db = 0;
    bool opened = false;     // open() worked once: a dropped link is connected again on use
    redisContext *ctx = nullptr;
    std::mutex fdMutex;      // guards fd against the destructor's shutdown()
    int fd = -1;
    std::atomic<bool> stopping {false};

    ~Worker() { drop(); }

    void drop()
    {
        std::lock_guard<std::mutex> lock(fdMutex);
        fd = -1;
        if (ctx)
            redisFree(ctx);
        ctx = nullptr;
    }

    /// Called from the GUI thread when the session goes: a blocked read or write returns now.
    void abort()
    {
        stopping = true;
        std::lock_guard<std::mutex> lock(fdMutex);
        if (fd >= 0)
            ::shutdown(fd, SHUT_RDWR);
    }

    Error lost()
    {
        const QString why = ctx && ctx->errstr[0] ? QString::fromLocal8Bit(ctx->errstr) : QStringLiteral("EOF");
        drop();
        if (stopping)
            return Error(ErrorCode::Cancelled, Tr::tr("The connection was closed."));
        return Error(ErrorCode::DatabaseConnectionLost,
                     Tr::tr("The connection to Redis was lost (%1). Whether the last command took effect is "
                            "unknown; the next action connects again.")
                         .arg(why),
                     why);
    }

    /// One command as argv with lengths; an error reply is returned as a reply.
    Result<Reply> raw(const Args &args)
    {
        if (!ctx)
            return lost();
        std::vector<const char *> argv;
        std::vector<size_t> lens;
        argv.reserve(size_t(args.size()));
        lens.reserve(size_t(args.size()));
        for (const QByteArray &a : args) {
            argv.push_back(a.constData());
            lens.push_back(size_t(a.size()));
        }
        Reply r(static_cast<redisReply *>(redisCommandArgv(ctx, int(argv.size()), argv.data(), lens.data())));
        if (!r)
            return lost();
        return r;
    }

    Result<void> connect()
    {
        drop();
        if (stopping)
            return Error(ErrorCode::Cancelled, Tr::tr("The connection was closed."));
        const timeval connectTimeout {ConnectTimeoutS, 0};
        const bool unix = !endpoint.socketPath.isEmpty();
        const QString where = unix ? Tr::tr("%1:%2 (through the server's SSH session)").arg(spec.host).arg(spec.port)
                                   : QStringLiteral("%1:%2").arg(endpoint.host).arg(endpoint.port);
        redisContext *c = unix ? redisConnectUnixWithTimeout(QFile::encodeName(endpoint.socketPath).constData(), connectTimeout)
                               : redisConnectWithTimeout(endpoint.host.toUtf8().constData(), endpoint.port, connectTimeout);
        if (!c)
            return Error(ErrorCode::DatabaseConnectFailed, Tr::tr("Could not connect to Redis at %1.").arg(where));
        if (c->err) {
            const QString detail = QString::fromLocal8Bit(c->errstr);
            redisFree(c);
            return Error(ErrorCode::DatabaseConnectFailed, Tr::tr("Could not connect to Redis at %1: %2").arg(where, detail),
                         detail);
        }
        const timeval commandTimeout {CommandTimeoutS, 0};
        redisSetTimeout(c, commandTimeout);
        {
            std::lock_guard<std::mutex> lock(fdMutex);
            ctx = c;
            fd = c->fd;
        }
        const auto closedAtOnce = [&](const Error &e) {
            return Error(ErrorCode::DatabaseConnectFailed,
                         Tr::tr("Redis at %1 closed the connection at once: is it running and listening there?").arg(where),
                         e.detail);
        };
        if (!password.isEmpty()) {
            Args auth {QByteArrayLiteral("AUTH")};
            if (!spec.user.isEmpty())
                auth.append(spec.user.toUtf8());
            auth.append(password.toUtf8());
            const Result<Reply> r = raw(auth);
            if (!r)
                return closedAtOnce(r.error());
            if (isError(r->get())) {
                const QByteArray text = bytes(r->get());
                // A password given to a server that has none is not a failure.
                if (!text.contains("without any password configured") && !text.contains("no password is set")) {
                    drop();
                    return Error(ErrorCode::DatabaseConnectFailed,
                                 spec.user.isEmpty() ? Tr::tr("Redis refused the password.")
                                                     : Tr::tr("Redis refused the user name or password."),
                                 QString::fromUtf8(text), {}, QStringLiteral("password"));
                }
            }
        }
        const Result<Reply> ping = raw({QByteArrayLiteral("PING")});
        if (!ping)
            return closedAtOnce(ping.error());
        if (isError(ping->get())) {
            const QByteArray text = bytes(ping->get());
            drop();
            if (text.startsWith("NOAUTH") || text.startsWith("WRONGPASS") || text.startsWith("NOPERM"))
                return Error(ErrorCode::DatabaseConnectFailed, Tr::tr("Redis asks for a password for this connection."),
                             QString::fromUtf8(text), {}, QStringLiteral("password"));
            return Error(ErrorCode::DatabaseConnectFailed, Tr::tr("Redis refused the connection: %1").arg(QString::fromUtf8(text)),
                         QString::fromUtf8(text));
        }
        if (db != 0) {
            const Result<Reply> sel = raw({QByteArrayLiteral("SELECT"), QByteArray::number(db)});
            if (!sel)
                return sel.error();
            if (isError(sel->get())) {
                const QString text = QString::fromUtf8(bytes(sel->get()));
                drop();
                return Error(ErrorCode::DatabaseNotFound, Tr::tr("Redis has no database %1.").arg(db), text, {},
                             QStringLiteral("database"));
            }
        }
        // So the server's CLIENT LIST shows who this is; refused by some ACLs, which is fine.
        (void)raw({QByteArrayLiteral("CLIENT"), QByteArrayLiteral("SETNAME"), QByteArrayLiteral("qwq")});
        return {};
    }

    Result<void> ensure()
    {
        if (stopping)
            return Error(ErrorCode::Cancelled, Tr::tr("The connection was closed."));
        if (ctx)
            return {};
        if (!opened)
            return Error(ErrorCode::DatabaseConnectFailed, Tr::tr("The Redis connection is not open."));
        return connect();
    }

    /// A command whose error reply becomes a DatabaseError.
    Result<Reply> command(const Args &args)
    {
        if (Result<void> r = ensure(); !r)
            return r.error();
        Result<Reply> r = raw(args);
        if (r && isError(r->get()))
            return refused(args.value(0), r->get());
        return r;
    }

    /// Several commands in one round trip; error replies stay replies.
    Result<std::vector<Reply>> pipeline(const QList<Args> &commands)
    {
        if (Result<void> r = ensure(); !r)
            return r.error();
        for (const Args &args : commands) {
            std::vector<const char *> argv;
            std::vector<size_t> lens;
            for (const QByteArray &a : args) {
                argv.push_back(a.constData());
                lens.push_back(size_t(a.size()));
            }
            if (redisAppendCommandArgv(ctx, int(argv.size()), argv.data(), lens.data()) != REDIS_OK)
                return lost();
        }
        std::vector<Reply> replies;
        replies.reserve(size_t(commands.size()));
        for (qsizetype i = 0; i < commands.size(); ++i) {
            void *raw = nullptr;
            if (redisGetReply(ctx, &raw) != REDIS_OK || !raw)
                return lost();
            replies.emplace_back(static_cast<redisReply *>(raw));
        }
        return replies;
    }
};

RedisSession::RedisSession(const ConnectionSpec &spec, QObject *parent)
    : QObject(parent), m_spec(spec), m_thread(new QThread), m_worker(std::make_shared<Worker>())
{
    m_worker->spec = spec;
    m_thread->setObjectName(QStringLiteral("qwq-redis"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

RedisSession::~RedisSession()
{
    // shutdown() ends a read or write in flight at once; a connect in progress ends at its
    // timeout, and the thread then finishes and deletes itself without holding up the GUI.
    m_worker->abort();
    m_thread->quit();
    if (!m_thread->wait(1000))
        qWarning("qwq-redis: the connection thread is still busy; it ends by itself");
}

template<typename T>
QFuture<Result<T>> RedisSession::submit(std::function<Result<T>(Worker &)> job)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    std::shared_ptr<Worker> worker = m_worker;
    // A job never run (the session went first) drops its promise, which cancels the future.
    QMetaObject::invokeMethod(
        m_context,
        [worker, promise, job = std::move(job)] {
            if (!promise->isCanceled())
                promise->addResult(job(*worker));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

template<typename T>
QFuture<Result<T>> RedisSession::refuseWrite(const char *command) const
{
    return QtFuture::makeReadyFuture(Result<T>(
        Error(ErrorCode::DatabaseReadOnly,
              Tr::tr("This connection is read-only (safe mode): %1 was not sent to the server.").arg(QLatin1String(command)),
              {}, Tr::tr("Change the connection's safe mode to allow writes."))));
}

QFuture<Result<QString>> RedisSession::open(const Endpoint &endpoint, const QString &password)
{
    bool ok = true;
    const int db = m_spec.database.trimmed().isEmpty() ? 0 : m_spec.database.trimmed().toInt(&ok);
    if (!ok || db < 0)
        return QtFuture::makeReadyFuture(Result<QString>(Error(
            ErrorCode::InvalidParam, Tr::tr("The Redis database must be a number (0, 1, …)."), {}, {}, QStringLiteral("database"))));
    m_db = db;
    return submit<QString>([endpoint, password, db](Worker &w) -> Result<QString> {
        w.endpoint = endpoint;
        w.password = password;
        w.db = db;
        if (Result<void> r = w.connect(); !r)
            return r.error();
        w.opened = true;
        const Result<Reply> info = w.command({QByteArrayLiteral("INFO"), QByteArrayLiteral("server")});
        if (!info)
            return info.error();
        for (const RedisInfoSection &s : parseRedisInfo(bytes(info->get()))) {
            for (const auto &[k, v] : s.fields) {
                if (k != QLatin1String("redis_version"))
                    continue;
                // Shown in tooltips, which guess rich text: only what a version is made of.
                QString version;
                for (const QChar c : v) {
                    if (c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_')
                        version += c;
                }
                return version.left(40);
            }
        }
        return QString();
    });
}

QFuture<Result<void>> RedisSession::selectDatabase(int db)
{
    QPointer<RedisSession> self(this);
    return submit<void>([db](Worker &w) -> Result<void> {
        const Result<Reply> r = w.command({QByteArrayLiteral("SELECT"), QByteArray::number(db)});
        if (!r) {
            if (r.error().code != ErrorCode::DatabaseError)
                return r.error();
            return Error(ErrorCode::DatabaseNotFound, Tr::tr("Redis has no database %1.").arg(db), r.error().detail, {},
                         QStringLiteral("database"));
        }
        w.db = db;
        return {};
    }).then(this, [self, db](const Result<void> &r) {
        if (r && self)
            self->m_db = db;
        return r;
    });
}

QFuture<Result<RedisKeyspace>> RedisSession::keyspace()
{
    return submit<RedisKeyspace>([](Worker &w) -> Result<RedisKeyspace> {
        Result<std::vector<Reply>> r = w.pipeline({{QByteArrayLiteral("CONFIG"), QByteArrayLiteral("GET"), QByteArrayLiteral("databases")},
                                                   {QByteArrayLiteral("INFO"), QByteArrayLiteral("keyspace")}});
        if (!r)
            return r.error();
        // CONFIG may be renamed or denied by an ACL: 16 is Redis' default then.
        int databases = 16;
        const redisReply *cfg = (*r)[0].get();
        if (cfg->type == REDIS_REPLY_ARRAY && cfg->elements == 2)
            databases = qBound(1, int(integer(cfg->element[1], 16)), 10000);
        if (isError((*r)[1].get()))
            return refused("INFO", (*r)[1].get());
        return parseRedisKeyspace(parseRedisInfo(bytes((*r)[1].get())), databases);
    });
}

QFuture<Result<qint64>> RedisSession::databaseSize()
{
    return submit<qint64>([](Worker &w) -> Result<qint64> {
        const Result<Reply> r = w.command({QByteArrayLiteral("DBSIZE")});
        if (!r)
            return r.error();
        return integer(r->get(), 0);
    });
}

QFuture<Result<RedisScanPage>> RedisSession::scan(const QByteArray &cursor, const QByteArray &pattern, int wanted,
                                                  RedisType type)
{
    const QByteArray typeName = type == RedisType::None || type == RedisType::Other ? QByteArray()
                                                                                    : redisTypeName(type).toLatin1();
    return submit<RedisScanPage>([cursor, pattern, wanted, typeName](Worker &w) -> Result<RedisScanPage> {
        RedisScanPage page;
        QByteArray cur = cursor.isEmpty() ? QByteArrayLiteral("0") : cursor;
        QSet<QByteArray> seen; // SCAN may return a key twice
        QElapsedTimer clock;
        clock.start();
        int steps = 0;
        do {
            Args args {QByteArrayLiteral("SCAN"), cur};
            if (!pattern.isEmpty() && pattern != "*")
                args << QByteArrayLiteral("MATCH") << pattern;
            args << QByteArrayLiteral("COUNT") << QByteArray::number(ScanCount);
            if (!typeName.isEmpty())
                args << QByteArrayLiteral("TYPE") << typeName;
            const Result<Reply> r = w.command(args);
            if (!r)
                return r.error();
            const redisReply *rep = r->get();
            if (rep->type != REDIS_REPLY_ARRAY || rep->elements != 2 || rep->element[1]->type != REDIS_REPLY_ARRAY)
                return unexpected("SCAN");
            cur = bytes(rep->element[0]);
            const redisReply *keys = rep->element[1];
            for (size_t i = 0; i < keys->elements; ++i) {
                const QByteArray name = bytes(keys->element[i]);
                if (!seen.contains(name)) {
                    seen.insert(name);
                    page.keys.append(RedisKey {name, RedisType::None, {}, -1});
                }
            }
            page.examined += ScanCount;
            ++steps;
        } while (cur != "0" && page.keys.size() < wanted && steps < ScanStepBudget
                 && clock.elapsed() < ScanTimeBudgetMs);
        page.cursor = cur;
        if (page.keys.isEmpty())
            return page;
        QList<Args> lookups;
        lookups.reserve(page.keys.size() * 2);
        for (const RedisKey &k : std::as_const(page.keys)) {
            lookups.append({QByteArrayLiteral("TYPE"), k.name});
            lookups.append({QByteArrayLiteral("PTTL"), k.name});
        }
        const Result<std::vector<Reply>> r = w.pipeline(lookups);
        if (!r)
            return r.error();
        for (qsizetype i = 0; i < page.keys.size(); ++i) {
            RedisKey &k = page.keys[i];
            k.typeName = bytes((*r)[size_t(i * 2)].get());
            k.type = redisTypeFromName(k.typeName);
            k.ttlMs = integer((*r)[size_t(i * 2 + 1)].get(), -1);
        }
        return page;
    });
}

QFuture<Result<RedisKeyInfo>> RedisSession::keyInfo(const QByteArray &key)
{
    return submit<RedisKeyInfo>([key](Worker &w) -> Result<RedisKeyInfo> {
        RedisKeyInfo info;
        info.key.name = key;
        const Result<std::vector<Reply>> r = w.pipeline({{QByteArrayLiteral("TYPE"), key},
                                                          {QByteArrayLiteral("PTTL"), key},
                                                          {QByteArrayLiteral("OBJECT"), QByteArrayLiteral("ENCODING"), key},
                                                          {QByteArrayLiteral("MEMORY"), QByteArrayLiteral("USAGE"), key}});
        if (!r)
            return r.error();
        if (isError((*r)[0].get()))
            return refused("TYPE", (*r)[0].get());
        info.key.typeName = bytes((*r)[0].get());
        info.key.type = redisTypeFromName(info.key.typeName);
        info.key.ttlMs = integer((*r)[1].get(), -1);
        if (!isError((*r)[2].get()))
            info.encoding = QString::fromUtf8(bytes((*r)[2].get()));
        if ((*r)[3]->type == REDIS_REPLY_INTEGER)
            info.memoryBytes = (*r)[3]->integer;
        QByteArray lengthCommand;
        switch (info.key.type) {
        case RedisType::String: lengthCommand = "STRLEN"; break;
        case RedisType::Hash: lengthCommand = "HLEN"; break;
        case RedisType::List: lengthCommand = "LLEN"; break;
        case RedisType::Set: lengthCommand = "SCARD"; break;
        case RedisType::ZSet: lengthCommand = "ZCARD"; break;
        case RedisType::Stream: lengthCommand = "XLEN"; break;
        case RedisType::None:
        case RedisType::Other: return info;
        }
        const Result<Reply> len = w.command({lengthCommand, key});
        if (len)
            info.length = integer(len->get(), -1);
        else if (len.error().code != ErrorCode::DatabaseError) // the type changed meanwhile: no length
            return len.error();
        return info;
    });
}

QFuture<Result<RedisValuePage>> RedisSession::readValue(const QByteArray &key, RedisType type,
                                                         const QByteArray &start, int count)
{
    count = qBound(1, count, 10000);
    return submit<RedisValuePage>([key, type, start, count](Worker &w) -> Result<RedisValuePage> {
        RedisValuePage page;
        page.type = type;
        switch (type) {
        case RedisType::String: {
            const Result<std::vector<Reply>> r = w.pipeline(
                {{QByteArrayLiteral("STRLEN"), key},
                 {QByteArrayLiteral("GETRANGE"), key, QByteArrayLiteral("0"), QByteArray::number(StringCap - 1)}});
            if (!r)
                return r.error();
            if (isError((*r)[0].get()))
                return refused("STRLEN", (*r)[0].get());
            if (isError((*r)[1].get()))
                return refused("GETRANGE", (*r)[1].get());
            page.valueBytes = integer((*r)[0].get(), 0);
            const QByteArray value = bytes((*r)[1].get());
            page.truncated = page.valueBytes > value.size();
            page.rows.append({value});
            return page;
        }
        case RedisType::Hash:
        case RedisType::Set: {
            const QByteArray command = type == RedisType::Hash ? QByteArrayLiteral("HSCAN") : QByteArrayLiteral("SSCAN");
            const Result<Reply> r = w.command({command, key, start.isEmpty() ? QByteArrayLiteral("0") : start,
                                               QByteArrayLiteral("COUNT"), QByteArray::number(count)});
            if (!r)
                return r.error();
            const redisReply *rep = r->get();
            if (rep->type != REDIS_REPLY_ARRAY || rep->elements != 2 || rep->element[1]->type != REDIS_REPLY_ARRAY)
                return unexpected(command);
            const QByteArray next = bytes(rep->element[0]);
            page.next = next == "0" ? QByteArray() : next;
            const redisReply *items = rep->element[1];
            const size_t width = type == RedisType::Hash ? 2 : 1;
            for (size_t i = 0; i + width <= items->elements; i += width) {
                QList<QByteArray> row {bytes(items->element[i])};
                if (width == 2)
                    row.append(bytes(items->element[i + 1]));
                page.rows.append(row);
            }
            return page;
        }
        case RedisType::List:
        case RedisType::ZSet: {
            // One more than asked: whether more follow, without a length that changes meanwhile.
            const qint64 from = start.isEmpty() ? 0 : start.toLongLong();
            const QByteArray to = QByteArray::number(from + count);
            const Args args = type == RedisType::List
                                  ? Args {QByteArrayLiteral("LRANGE"), key, QByteArray::number(from), to}
                                  : Args {QByteArrayLiteral("ZRANGE"), key, QByteArray::number(from), to,
                                          QByteArrayLiteral("WITHSCORES")};
            const Result<Reply> r = w.command(args);
            if (!r)
                return r.error();
            const redisReply *rep = r->get();
            if (rep->type != REDIS_REPLY_ARRAY)
                return unexpected(args.first());
            const size_t width = type == RedisType::List ? 1 : 2;
            for (size_t i = 0; i + width <= rep->elements; i += width) {
                const qint64 index = from + qint64(i / width);
                if (index == from + count) {
                    page.next = QByteArray::number(index);
                    break;
                }
                if (width == 1)
                    page.rows.append({QByteArray::number(index), bytes(rep->element[i])});
                else
                    page.rows.append({bytes(rep->element[i]), bytes(rep->element[i + 1])});
            }
            return page;
        }
        case RedisType::Stream: {
            const Result<Reply> r = w.command({QByteArrayLiteral("XRANGE"), key, start.isEmpty() ? QByteArrayLiteral("-") : start,
                                               QByteArrayLiteral("+"), QByteArrayLiteral("COUNT"), QByteArray::number(count + 1)});
            if (!r)
                return r.error();
            const redisReply *rep = r->get();
            if (rep->type != REDIS_REPLY_ARRAY)
                return unexpected("XRANGE");
            for (size_t i = 0; i < rep->elements; ++i) {
                const redisReply *entry = rep->element[i];
                if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2)
                    return unexpected("XRANGE");
                if (qsizetype(i) == count) {
                    page.next = bytes(entry->element[0]); // XRANGE's start is inclusive
                    break;
                }
                QList<QByteArray> row {bytes(entry->element[0])};
                const redisReply *fields = entry->element[1];
                for (size_t f = 0; fields->type == REDIS_REPLY_ARRAY && f < fields->elements; ++f)
                    row.append(bytes(fields->element[f]));
                page.rows.append(row);
            }
            return page;
        }
        case RedisType::None:
            return Error(ErrorCode::DatabaseError, Tr::tr("The key no longer exists."));
        case RedisType::Other:
            break;
        }
        return Error(ErrorCode::InvalidParam, Tr::tr("qwq has no viewer for this type of key."));
    });
}

QFuture<Result<QList<RedisInfoSection>>> RedisSession::serverInfo()
{
    return submit<QList<RedisInfoSection>>([](Worker &w) -> Result<QList<RedisInfoSection>> {
        const Result<Reply> r = w.command({QByteArrayLiteral("INFO")});
        if (!r)
            return r.error();
        return parseRedisInfo(bytes(r->get()));
    });
}

QFuture<Result<void>> RedisSession::setString(const QByteArray &key, const QByteArray &value,
                                              const std::optional<QByteArray> &expected)
{
    if (isReadOnly())
        return refuseWrite<void>("SET");
    return submit<void>([key, value, expected](Worker &w) -> Result<void> {
        // WATCH, look, then MULTI/EXEC: nothing is written when the key changed in between.
        if (const Result<Reply> r = w.command({QByteArrayLiteral("WATCH"), key}); !r)
            return r.error();
        const auto unwatch = [&w] { (void)w.raw({QByteArrayLiteral("UNWATCH")}); };
        const Result<std::vector<Reply>> look = w.pipeline({{QByteArrayLiteral("TYPE"), key},
                                                             {QByteArrayLiteral("PTTL"), key},
                                                             {QByteArrayLiteral("GET"), key}});
        if (!look)
            return look.error();
        const RedisType type = redisTypeFromName(bytes((*look)[0].get()));
        if (type != RedisType::String && (type != RedisType::None || expected)) {
            unwatch();
            return Error(ErrorCode::DatabaseError,
                         type == RedisType::None ? Tr::tr("The key no longer exists; nothing was written.")
                                                 : Tr::tr("The key holds a %1 now, not a string; nothing was written.")
                                                       .arg(redisTypeName(type)));
        }
        if (expected && bytes((*look)[2].get()) != *expected) {
            unwatch();
            return Error(ErrorCode::DatabaseError,
                         Tr::tr("The value changed on the server since it was read; nothing was written."), {},
                         Tr::tr("Reload the key to see the new value."));
        }
        const qint64 ttl = integer((*look)[1].get(), -1);
        Args set {QByteArrayLiteral("SET"), key, value};
        if (ttl > 0) // KEEPTTL needs Redis 6; PX works everywhere and WATCH makes it exact
            set << QByteArrayLiteral("PX") << QByteArray::number(ttl);
        const Result<std::vector<Reply>> tx = w.pipeline({{QByteArrayLiteral("MULTI")}, set, {QByteArrayLiteral("EXEC")}});
        if (!tx)
            return tx.error();
        for (const Reply &rep : *tx) {
            if (isError(rep.get()))
                return refused("SET", rep.get());
        }
        if (tx->back()->type == REDIS_REPLY_NIL)
            return Error(ErrorCode::DatabaseError, Tr::tr("The key changed on the server meanwhile; nothing was written."),
                         {}, Tr::tr("Reload the key to see the new value."));
        return {};
    });
}

QFuture<Result<void>> RedisSession::expire(const QByteArray &key, qint64 seconds)
{
    if (isReadOnly())
        return refuseWrite<void>("EXPIRE");
    if (seconds <= 0)
        return QtFuture::makeReadyFuture(Result<void>(Error(ErrorCode::InvalidParam,
            Tr::tr("The time to live must be at least one second."), {}, {}, QStringLiteral("ttl"))));
    return submit<void>([key, seconds](Worker &w) -> Result<void> {
        const Result<Reply> r = w.command({QByteArrayLiteral("EXPIRE"), key, QByteArray::number(seconds)});
        if (!r)
            return r.error();
        if (integer(r->get(), 0) == 0)
            return Error(ErrorCode::DatabaseError, Tr::tr("The key no longer exists."));
        return {};
    });
}

QFuture<Result<void>> RedisSession::persist(const QByteArray &key)
{
    if (isReadOnly())
        return refuseWrite<void>("PERSIST");
    return submit<void>([key](Worker &w) -> Result<void> {
        const Result<Reply> r = w.command({QByteArrayLiteral("PERSIST"), key});
        if (!r)
            return r.error();
        return {};
    });
}

QFuture<Result<bool>> RedisSession::remove(const QByteArray &key)
{
    if (isReadOnly())
        return refuseWrite<bool>("UNLINK");
    return submit<bool>([key](Worker &w) -> Result<bool> {
        Result<Reply> r = w.command({QByteArrayLiteral("UNLINK"), key});
        if (!r && r.error().code == ErrorCode::DatabaseError && r.error().detail.contains(QLatin1String("unknown command")))
            r = w.command({QByteArrayLiteral("DEL"), key});
        if (!r)
            return r.error();
        return integer(r->get(), 0) > 0;
    });
}

} // namespace Qwq::Databases
