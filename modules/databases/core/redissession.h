// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dbtypes.h"
#include "redistypes.h"

#include <core/core/result.h>

#include <QFuture>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace Qwq::Databases {

/// One open Redis connection (hiredis, blocking, on a thread of its own). Every call returns at
/// once with a future that resolves on that thread's answer; continue it with
/// `.then(context, …)` to be back on the GUI thread. Calls run one after another in the order
/// made. Every command goes as an argv with lengths, so key names and values are bytes that can
/// hold spaces, newlines, quotes or `*` and are never parsed as a command line.
///
/// Nothing here lists a whole keyspace or a whole value: keys come by SCAN (COUNT 500 a step),
/// values by HSCAN/SSCAN, LRANGE/ZRANGE by index, XRANGE with COUNT, and strings up to a cap.
/// Never KEYS.
///
/// Errors: DatabaseConnectFailed (field "password" for a wrong or missing password),
/// DatabaseNotFound (field "database": a db number the server lacks), DatabaseError (the server refused a command; its text in
/// detail), DatabaseConnectionLost (the link dropped: the next call connects again, nothing is
/// re-sent), DatabaseReadOnly (safe mode ReadOnly refused a write before anything was sent).
class RedisSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisSession)

public:
    static constexpr int ScanCount = 500;          ///< SCAN … COUNT per step
    static constexpr int PageSize = 500;           ///< value rows per page
    static constexpr qint64 StringCap = 1 << 20;   ///< bytes of a string read for the viewer

    /// `spec.safeMode` is the safe mode in force (the caller applies the profile's mode first).
    explicit RedisSession(const ConnectionSpec &spec, QObject *parent = nullptr);
    ~RedisSession() override; ///< aborts a call in flight (its future is cancelled) and closes

    const ConnectionSpec &spec() const { return m_spec; }
    bool isReadOnly() const { return m_spec.safeMode == SafeMode::ReadOnly; }
    int database() const { return m_db; }

    /// Connects, authenticates (AUTH [user] password), selects spec.database; the server's version.
    QFuture<Result<QString>> open(const Endpoint &endpoint, const QString &password);
    /// SELECT: the db every later call works in (kept across a reconnect).
    QFuture<Result<void>> selectDatabase(int db);
    QFuture<Result<RedisKeyspace>> keyspace();
    QFuture<Result<qint64>> databaseSize();
    /// SCAN from `cursor` ("0" to start) with MATCH `pattern` (empty: every key), COUNT 500 a
    /// step, until at least `wanted` keys are found, the scan ends, or a step budget is spent
    /// (a rare pattern then returns fewer, with a cursor to go on). Types and TTLs come along.
    /// `type` other than None keeps only keys of that type (SCAN … TYPE, Redis 6 and later).
    QFuture<Result<RedisScanPage>> scan(const QByteArray &cursor, const QByteArray &pattern, int wanted = ScanCount,
                                        RedisType type = RedisType::None);
    QFuture<Result<RedisKeyInfo>> keyInfo(const QByteArray &key);
    /// One page of a value from `start` (empty: the beginning; else a page's `next`).
    QFuture<Result<RedisValuePage>> readValue(const QByteArray &key, RedisType type, const QByteArray &start = {},
                                              int count = PageSize);
    QFuture<Result<QList<RedisInfoSection>>> serverInfo();

    // Writes. Each is refused with DatabaseReadOnly in read-only safe mode; asking the user
    // first is the caller's part.
    /// SET keeping the TTL. With `expected`, only when the value is still that (else
    /// DatabaseError, nothing written); never over a key of another type.
    QFuture<Result<void>> setString(const QByteArray &key, const QByteArray &value,
                                    const std::optional<QByteArray> &expected = std::nullopt);
    QFuture<Result<void>> expire(const QByteArray &key, qint64 seconds);
    QFuture<Result<void>> persist(const QByteArray &key);
    /// UNLINK (DEL on servers before 4.0); true when the key existed.
    QFuture<Result<bool>> remove(const QByteArray &key);

private:
    struct Worker;
    template<typename T>
    QFuture<Result<T>> submit(std::function<Result<T>(Worker &)> job);
    template<typename T>
    QFuture<Result<T>> refuseWrite(const char *command) const;

    ConnectionSpec m_spec;
    QThread *m_thread;                // ends and deletes itself after a slow server lets go
    QObject *m_context = nullptr;     // lives in m_thread: jobs run in its event loop
    std::shared_ptr<Worker> m_worker; // shared with the queued jobs
    int m_db = 0;
};

} // namespace Qwq::Databases
