// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace Qwq::Databases {

/// The Redis data types the browser has a viewer for; Other is a module's type (ReJSON-RL, …).
enum class RedisType { None, String, Hash, List, Set, ZSet, Stream, Other };

RedisType redisTypeFromName(const QByteArray &typeReply); ///< TYPE's answer: "string", "zset", …
QString redisTypeName(RedisType t);                        ///< "string", "hash", … (Redis' own words)

/// A key as the key list shows it. Names are bytes: Redis keys are binary-safe.
struct RedisKey
{
    QByteArray name;
    RedisType type = RedisType::None;
    QByteArray typeName;   ///< TYPE's answer as sent (for Other)
    qint64 ttlMs = -1;     ///< PTTL: -1 no expiry, -2 the key is gone
};

/// One step of a key scan: the keys found and where the next step starts ("0": the scan is over).
struct RedisScanPage
{
    QByteArray cursor = QByteArrayLiteral("0");
    QList<RedisKey> keys;
    qint64 examined = 0;   ///< SCAN steps × COUNT: how much of the keyspace this page walked
    bool done() const { return cursor == "0"; }
};

/// What the value viewer's header shows about one key.
struct RedisKeyInfo
{
    RedisKey key;
    qint64 length = -1;       ///< STRLEN, HLEN, LLEN, SCARD, ZCARD or XLEN
    qint64 memoryBytes = -1;  ///< MEMORY USAGE, when the server answers it
    QString encoding;         ///< OBJECT ENCODING (listpack, hashtable, …)
};

/// One page of a key's value. Cells are bytes as the server sent them.
///  string: one row {value}             hash:  {field, value}      list:   {index, element}
///  set:    {member}                    zset:  {member, score}     stream: {id, f1, v1, f2, v2, …}
/// `next` is where the following page starts: a SCAN cursor (hash, set), an index (list, zset)
/// or an entry id (stream); empty when there is no more.
struct RedisValuePage
{
    RedisType type = RedisType::None;
    QList<QList<QByteArray>> rows;
    QByteArray next;
    bool truncated = false;   ///< string: only the first bytes were read (see valueBytes)
    qint64 valueBytes = -1;   ///< string: its full length
    bool more() const { return !next.isEmpty(); }
};

/// INFO, in the server's order: each section ("Server", "Memory", …) with its fields.
struct RedisInfoSection
{
    QString name;
    QList<QPair<QString, QString>> fields;
};

/// How many logical databases the server has and how many keys each holds (INFO keyspace).
struct RedisKeyspace
{
    int databases = 16;
    QMap<int, qint64> keys;     ///< only the databases that hold keys
    QMap<int, qint64> expires;
};

QList<RedisInfoSection> parseRedisInfo(const QByteArray &info);
RedisKeyspace parseRedisKeyspace(const QList<RedisInfoSection> &info, int databases);

/// Whether bytes are text to show as is: valid UTF-8 without control characters (tab, CR and
/// LF allowed) and without bidirectional overrides.
bool isRedisText(const QByteArray &bytes);
/// Bytes for display, always plain text. Text as is; otherwise escaped the way redis-cli does
/// (\n, \t, \xNN for bytes that are not UTF-8 or are control characters, \\ for a backslash,
/// \u{202E} for a bidi override). `multiLine` keeps newlines and tabs of text as they are.
/// At most `maxChars` characters, then "…". `escaped` says whether anything was escaped.
QString redisDisplay(const QByteArray &bytes, bool multiLine = false, qsizetype maxChars = -1,
                     bool *escaped = nullptr);
/// A classic hex dump (offset, 16 bytes, ASCII) of at most `maxBytes`.
QString redisHexDump(const QByteArray &bytes, qsizetype maxBytes = 64 * 1024);
/// A TTL for people: "No expiry", "45 s", "3 min 20 s", "2 h 5 min", "4 d 3 h".
QString formatRedisTtl(qint64 ttlMs);
QString formatRedisBytes(qint64 bytes);

} // namespace Qwq::Databases
