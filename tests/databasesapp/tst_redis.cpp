// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Redis browser against a real redis-server on 127.0.0.1, reached through a real sshd (the
// unix-socket bridge into the SSH session) and straight: SCAN paging with a pattern (never
// KEYS), each type's viewer page by page, binary and Chinese values, TTL, read-only safe mode,
// passwords, key names that a command line would split, a dropped link; and the browser widget
// offscreen. Needs root (the fixtures).
#include "dbfixture.h"
#include "sshdfixture.h"

#include <core/core/auditlog.h>
#include <core/core/paths.h>
#include <databases/core/dbtunnel.h>
#include <databases/core/redismodels.h>
#include <databases/core/redissession.h>
#include <databases/ui/databasespanel.h>
#include <databases/ui/redisbrowser.h>
#include <databases/ui/redisvalueview.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>
#include <profiles/core/secretstore.h>
#include <workbench/core/servercontext.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>
#include <QUuid>

#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Databases;
using State = Helper::ServerConnection::State;

namespace {

template<typename T>
Result<T> await(QFuture<Result<T>> f, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, timeoutMs))
        return Error(ErrorCode::Internal, QStringLiteral("timed out"));
    if (f.isCanceled() || f.resultCount() == 0)
        return Error(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    return f.result();
}

/// The error of a failed result for a QVERIFY2 message (evaluated even when the check passes).
template<typename T>
QByteArray why(const Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

/// The error of a result that should have failed (one that did not gives code Internal).
template<typename T>
Error errorOf(const Result<T> &r)
{
    return r ? Error(ErrorCode::Internal, QStringLiteral("it succeeded")) : r.error();
}

const QByteArray kBinary("\x00\xff\xfe" "A\n\x80", 6);
const QString kChinese = QStringLiteral("你好，世界");

} // namespace

class tst_Redis final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void display();
    void openThroughSshAndDirect();
    void scanPagesWithPatternNeverKeys();
    void viewersPageThroughEachType();
    void stringsBinaryChineseAndLarge();
    void ttlSetAndPersist();
    void readOnlyRefusesWrites();
    void passwordsAndDatabases();
    void keyNamesAreBytes();
    void stringEditIsChecked();
    void lostConnectionReconnects();
    void browserListsKeysAndShowsHash();
    void browserDeleteAsksFirst();
    void panelOpensRedisTab();

private:
    std::unique_ptr<RedisSession> open(bool viaSsh, SafeMode mode = SafeMode::Off,
                                       const std::optional<QString> &password = std::nullopt,
                                       const QString &user = {}, const QString &db = {});
    QwqTest::ProcessResult cli(const QStringList &args, const QByteArray &input = {}) const;
    QByteArray get(const QByteArray &key) const; ///< GET through redis-cli (--no-raw off: raw bytes)

    QTemporaryDir m_home;
    QwqTest::SshdFixture m_sshd;
    QwqTest::DbServerFixture m_redis {QStringLiteral("redis")};
    bool m_skip = false;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Helper::ServerConnection> m_conn;
    std::vector<std::unique_ptr<DbTunnel>> m_tunnels;
    Error m_lastOpenError;
};

QwqTest::ProcessResult tst_Redis::cli(const QStringList &args, const QByteArray &input) const
{
    QStringList all {QStringLiteral("-p"), QString::number(m_redis.port), QStringLiteral("-a"),
                     QString::fromLatin1(QwqTest::DbServerFixture::kRedisPassword), QStringLiteral("--no-auth-warning")};
    return QwqTest::runProcess(QStringLiteral("redis-cli"), all + args, 120000, {}, input);
}

QByteArray tst_Redis::get(const QByteArray &key) const
{
    // redis-cli -x takes the last argument from stdin: the key as bytes, whatever they are.
    QByteArray out = cli({QStringLiteral("-x"), QStringLiteral("GET")}, key).out;
    if (out.endsWith('\n'))
        out.chop(1);
    return out;
}

void tst_Redis::initTestCase()
{
    if (geteuid() != 0) {
        m_skip = true;
        QSKIP("The fixtures start sshd and redis-server: run as root.");
    }
    qputenv("QWQ_HOME", m_home.path().toUtf8());
    QString err = m_redis.start();
    if (err == QLatin1String("SKIP")) {
        m_skip = true;
        QSKIP("redis-server is not installed");
    }
    QVERIFY2(err.isEmpty(), qPrintable(err));
    err = m_sshd.start();
    QVERIFY2(err.isEmpty(), qPrintable(err));

    // The data every test reads: made with redis-cli, one command a line.
    QByteArray script;
    for (int i = 0; i < 5000; ++i)
        script += "SET scan:" + QByteArray::number(i) + " v" + QByteArray::number(i) + '\n';
    for (int i = 0; i < 3000; ++i)
        script += "SET noise:" + QByteArray::number(i) + " n\n";
    for (int i = 0; i < 600; i += 100) {
        script += "HSET hash:big";
        for (int j = i; j < i + 100; ++j)
            script += " f" + QByteArray::number(j) + " v" + QByteArray::number(j);
        script += '\n';
    }
    script += "HSET hash:big " + QStringLiteral("名字").toUtf8() + ' ' + QStringLiteral("张三").toUtf8()
              + " bin \"\\x00\\xff\"\n";
    script += "HSET hash:small a 1 b " + QStringLiteral("你好").toUtf8() + '\n';
    for (int i = 0; i < 1200; i += 100) {
        script += "RPUSH list:big";
        for (int j = i; j < i + 100; ++j)
            script += " e" + QByteArray::number(j);
        script += '\n';
    }
    for (int i = 0; i < 700; i += 100) {
        script += "SADD set:big";
        for (int j = i; j < i + 100; ++j)
            script += " m" + QByteArray::number(j);
        script += '\n';
    }
    for (int i = 0; i < 600; i += 100) {
        script += "ZADD zset:big";
        for (int j = i; j < i + 100; ++j)
            script += ' ' + QByteArray::number(j) + " z" + QByteArray::number(j);
        script += '\n';
    }
    for (int i = 0; i < 1100; ++i) {
        script += "XADD stream:big * n " + QByteArray::number(i);
        if (i % 2)
            script += " kind odd";
        script += '\n';
    }
    script += "SET str:chinese " + kChinese.toUtf8() + '\n';
    script += "SET str:binary \"\\x00\\xff\\xfeA\\n\\x80\"\n";
    script += "SETRANGE str:big 2097151 x\n";
    const QwqTest::ProcessResult fill = cli({}, script);
    QVERIFY2(fill.ok(), fill.err.constData());
    QVERIFY2(!fill.out.contains("ERR"), fill.out.right(400).constData());
    QCOMPARE(cli({QStringLiteral("DBSIZE")}).out.trimmed().toInt(), 8000 + 9);

    m_audit = std::make_unique<AuditLog>(Paths::auditDatabase());
    QVERIFY(m_audit->open().ok());
    QString connectError;
    m_conn = QwqTest::connectToSshd(m_sshd, m_home, &m_secrets, m_audit.get(), &connectError);
    QVERIFY2(m_conn, qPrintable(connectError));
}

void tst_Redis::cleanupTestCase()
{
    if (m_skip)
        return;
    m_tunnels.clear();
    m_conn.reset();
    m_redis.stop();
    m_sshd.stop();
}

std::unique_ptr<RedisSession> tst_Redis::open(bool viaSsh, SafeMode mode, const std::optional<QString> &password,
                                              const QString &user,
                                              const QString &db)
{
    ConnectionSpec spec;
    spec.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    spec.name = QStringLiteral("redis");
    spec.engine = Engine::Redis;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = m_redis.port;
    spec.user = user;
    spec.database = db;
    spec.viaSsh = viaSsh;
    spec.safeMode = mode;
    auto tunnel = std::make_unique<DbTunnel>(m_conn.get(), spec);
    const Result<Endpoint> ep = await(tunnel->open(), 20000);
    if (!ep) {
        m_lastOpenError = ep.error();
        return nullptr;
    }
    if (viaSsh != !ep->socketPath.isEmpty()) {
        m_lastOpenError = Error(ErrorCode::Internal, QStringLiteral("the tunnel is not what was asked for"));
        return nullptr;
    }
    auto s = std::make_unique<RedisSession>(spec);
    const QString pw = password.value_or(QString::fromLatin1(QwqTest::DbServerFixture::kRedisPassword));
    const Result<QString> version = await(s->open(*ep, pw), 20000);
    m_tunnels.push_back(std::move(tunnel));
    if (!version) {
        m_lastOpenError = version.error();
        return nullptr;
    }
    if (!version->startsWith(QLatin1String("7."))) {
        m_lastOpenError = Error(ErrorCode::Internal, QStringLiteral("version: ") + *version);
        return nullptr;
    }
    return s;
}

void tst_Redis::display()
{
    QCOMPARE(redisDisplay(kChinese.toUtf8()), kChinese);
    bool escaped = false;
    QCOMPARE(redisDisplay(kBinary, false, -1, &escaped), QStringLiteral("\\x00\\xff\\xfeA\\n\\x80"));
    QVERIFY(escaped);
    QVERIFY(!isRedisText(kBinary));
    QVERIFY(isRedisText(QByteArray("two\nlines\tok")));
    QCOMPARE(redisDisplay(QByteArray("two\nlines")), QStringLiteral("two\\nlines"));
    QCOMPARE(redisDisplay(QByteArray("two\nlines"), true), QStringLiteral("two\nlines"));
    // a right-to-left override is shown, not obeyed; a backslash is doubled once anything is escaped
    QCOMPARE(redisDisplay(QStringLiteral("a\u202Eb\\").toUtf8()), QStringLiteral("a\\u{202e}b\\\\"));
    QCOMPARE(redisDisplay(QByteArray("plain\\text")), QStringLiteral("plain\\text"));
    // a cut never splits a character
    const QByteArray many = QStringLiteral("汉").repeated(100).toUtf8();
    QCOMPARE(redisDisplay(many, false, 10), QStringLiteral("汉").repeated(10) + QChar(0x2026));
    QVERIFY(redisHexDump(kBinary).startsWith(QLatin1String("00000000  00 ff fe 41 0a 80")));
    QCOMPARE(formatRedisTtl(-1), QStringLiteral("No expiry"));
    QCOMPARE(formatRedisTtl(3 * 3600 * 1000 + 5 * 60 * 1000), QStringLiteral("3 h 5 min"));
    QCOMPARE(RedisBrowser::patternFor(QString()), QByteArray("*"));
    QCOMPARE(RedisBrowser::patternFor(QStringLiteral("user:*")), QByteArray("user:*"));
    QCOMPARE(RedisBrowser::patternFor(QStringLiteral("user")), QByteArray("*user*"));
    QCOMPARE(RedisBrowser::patternFor(QStringLiteral("a\\b")), QByteArray("*a\\\\b*"));
    const QList<RedisInfoSection> info = parseRedisInfo("# Server\r\nredis_version:7.0.15\r\n\r\n# Keyspace\r\n"
                                                        "db0:keys=12,expires=1,avg_ttl=0\r\ndb3:keys=4,expires=0,avg_ttl=0\r\n");
    QCOMPARE(info.size(), 2);
    QCOMPARE(info.at(0).fields.at(0).second, QStringLiteral("7.0.15"));
    const RedisKeyspace ks = parseRedisKeyspace(info, 16);
    QCOMPARE(ks.keys.value(0), 12);
    QCOMPARE(ks.keys.value(3), 4);
    QCOMPARE(ks.databases, 16);
}

void tst_Redis::openThroughSshAndDirect()
{
    for (const bool viaSsh : {true, false}) {
        auto s = open(viaSsh);
        QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
        const Result<RedisKeyspace> ks = await(s->keyspace());
        QVERIFY2(ks, why(ks).constData());
        QCOMPARE(ks->databases, 16);
        QCOMPARE(ks->keys.value(0), 8009);
        const Result<qint64> size = await(s->databaseSize());
        QVERIFY(size);
        QCOMPARE(*size, 8009);
        const Result<QList<RedisInfoSection>> info = await(s->serverInfo());
        QVERIFY(info);
        QStringList names;
        for (const RedisInfoSection &sec : *info)
            names << sec.name;
        for (const char *want : {"Server", "Clients", "Memory", "Stats", "Keyspace"})
            QVERIFY2(names.contains(QLatin1String(want)), qPrintable(names.join(u',')));
        // the connection shows up by name on the server
        QVERIFY(cli({QStringLiteral("CLIENT"), QStringLiteral("LIST")}).out.contains("name=qwq"));
    }
}

void tst_Redis::scanPagesWithPatternNeverKeys()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    QVERIFY(cli({QStringLiteral("CONFIG"), QStringLiteral("RESETSTAT")}).ok());
    QSet<QByteArray> seen;
    QByteArray cursor = "0";
    int pages = 0;
    int largest = 0;
    do {
        const Result<RedisScanPage> page = await(s->scan(cursor, "scan:*"));
        QVERIFY2(page, why(page).constData());
        ++pages;
        largest = qMax(largest, int(page->keys.size()));
        for (const RedisKey &k : page->keys) {
            QVERIFY2(k.name.startsWith("scan:"), k.name.constData());
            QCOMPARE(k.type, RedisType::String);
            QCOMPARE(k.ttlMs, -1);
            seen.insert(k.name);
        }
        QVERIFY(page->done() || page->keys.size() >= RedisSession::ScanCount);
        cursor = page->cursor;
        QVERIFY(pages < 100);
    } while (cursor != "0");
    QCOMPARE(seen.size(), 5000);
    QVERIFY2(pages >= 5, qPrintable(QString::number(pages))); // a page at a time, never all at once
    QVERIFY2(largest < 1500, qPrintable(QString::number(largest)));
    // every key came by SCAN; KEYS was never sent
    const QByteArray stats = cli({QStringLiteral("INFO"), QStringLiteral("commandstats")}).out;
    QVERIFY2(!stats.contains("cmdstat_keys:"), stats.constData());
    QVERIFY(stats.contains("cmdstat_scan:calls="));

    // no pattern: the first page is about one SCAN step, not the whole keyspace
    const Result<RedisScanPage> first = await(s->scan("0", {}));
    QVERIFY(first);
    QVERIFY(!first->done());
    QVERIFY2(first->keys.size() >= 400 && first->keys.size() < 1500, qPrintable(QString::number(first->keys.size())));
    // only one type (SCAN … TYPE): the hashes, among 8,000 strings
    const Result<RedisScanPage> hashes = await(s->scan("0", {}, RedisSession::ScanCount, RedisType::Hash));
    QVERIFY2(hashes, why(hashes).constData());
    QVERIFY(hashes->done());
    QCOMPARE(hashes->keys.size(), 2);
    for (const RedisKey &k : hashes->keys)
        QCOMPARE(k.type, RedisType::Hash);
    // a pattern nothing matches ends (within the step budget) with no keys
    QByteArray c = "0";
    int steps = 0;
    do {
        const Result<RedisScanPage> none = await(s->scan(c, "nothing:*"));
        QVERIFY(none);
        QVERIFY(none->keys.isEmpty());
        c = none->cursor;
    } while (c != "0" && ++steps < 10);
    QCOMPARE(c, QByteArray("0"));
}

void tst_Redis::viewersPageThroughEachType()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    const auto readAll = [&](const QByteArray &key, RedisType type, int *pages) {
        QList<QList<QByteArray>> rows;
        QByteArray next;
        *pages = 0;
        do {
            const Result<RedisValuePage> p = await(s->readValue(key, type, next));
            if (!p) {
                qWarning() << p.error().toString();
                return rows;
            }
            ++*pages;
            // HSCAN/SSCAN take COUNT as a hint (a step may bring a few more); the rest exactly
            const qsizetype cap = type == RedisType::Hash || type == RedisType::Set ? 2 * RedisSession::PageSize
                                                                                     : RedisSession::PageSize;
            [&] { QVERIFY2(p->rows.size() <= cap, qPrintable(QString::number(p->rows.size()))); }();
            rows += p->rows;
            next = p->next;
        } while (!next.isEmpty() && *pages < 100);
        return rows;
    };
    int pages = 0;

    // hash: HSCAN pages; a Chinese field and a binary value among them
    const Result<RedisKeyInfo> hi = await(s->keyInfo("hash:big"));
    QVERIFY(hi);
    QCOMPARE(hi->key.type, RedisType::Hash);
    QCOMPARE(hi->length, 602);
    QVERIFY(hi->memoryBytes > 0);
    QHash<QByteArray, QByteArray> hash;
    for (const QList<QByteArray> &row : readAll("hash:big", RedisType::Hash, &pages)) {
        QCOMPARE(row.size(), 2);
        hash.insert(row.at(0), row.at(1));
    }
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    QCOMPARE(hash.size(), 602);
    QCOMPARE(hash.value("f599"), QByteArray("v599"));
    QCOMPARE(QString::fromUtf8(hash.value(QStringLiteral("名字").toUtf8())), QStringLiteral("张三"));
    QCOMPARE(hash.value("bin"), QByteArray("\x00\xff", 2));

    // list: LRANGE pages in order
    const QList<QList<QByteArray>> list = readAll("list:big", RedisType::List, &pages);
    QCOMPARE(pages, 3);
    QCOMPARE(list.size(), 1200);
    for (int i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).at(0), QByteArray::number(i));
        QCOMPARE(list.at(i).at(1), "e" + QByteArray::number(i));
    }

    // set: SSCAN pages, every member once
    QSet<QByteArray> set;
    for (const QList<QByteArray> &row : readAll("set:big", RedisType::Set, &pages))
        set.insert(row.at(0));
    QVERIFY(pages >= 2);
    QCOMPARE(set.size(), 700);
    QVERIFY(set.contains("m699"));

    // sorted set: by score, in pages
    const QList<QList<QByteArray>> zset = readAll("zset:big", RedisType::ZSet, &pages);
    QCOMPARE(pages, 2);
    QCOMPARE(zset.size(), 600);
    QCOMPARE(zset.first(), (QList<QByteArray> {"z0", "0"}));
    QCOMPARE(zset.last(), (QList<QByteArray> {"z599", "599"}));

    // stream: XRANGE with COUNT, ids ascending, nothing twice
    const QList<QList<QByteArray>> stream = readAll("stream:big", RedisType::Stream, &pages);
    QCOMPARE(pages, 3);
    QCOMPARE(stream.size(), 1100);
    QSet<QByteArray> ids;
    for (int i = 0; i < stream.size(); ++i) {
        const QList<QByteArray> &e = stream.at(i);
        ids.insert(e.at(0));
        QCOMPARE(e.at(1), QByteArray("n"));
        QCOMPARE(e.at(2), QByteArray::number(i));
        QCOMPARE(e.size(), i % 2 ? 5 : 3);
    }
    QCOMPARE(ids.size(), 1100);
    // the model gives a stream's fields columns of their own
    RedisValueModel model;
    model.reset(RedisType::Stream);
    RedisValuePage page;
    page.type = RedisType::Stream;
    page.rows = stream.mid(0, 4);
    model.appendPage(page);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("kind"));
    QCOMPARE(model.data(model.index(1, 2), Qt::DisplayRole).toString(), QStringLiteral("odd"));
    QVERIFY(model.data(model.index(0, 2), Qt::DisplayRole).toString().isEmpty());
}

void tst_Redis::stringsBinaryChineseAndLarge()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    const Result<RedisValuePage> zh = await(s->readValue("str:chinese", RedisType::String));
    QVERIFY(zh);
    QCOMPARE(QString::fromUtf8(zh->rows.at(0).at(0)), kChinese);
    QVERIFY(!zh->truncated);
    QVERIFY(isRedisText(zh->rows.at(0).at(0)));
    const Result<RedisValuePage> bin = await(s->readValue("str:binary", RedisType::String));
    QVERIFY(bin);
    QCOMPARE(bin->rows.at(0).at(0), kBinary);
    QVERIFY(!isRedisText(bin->rows.at(0).at(0)));
    // a 2 MiB string: only the first MiB is read
    const Result<RedisValuePage> big = await(s->readValue("str:big", RedisType::String));
    QVERIFY(big);
    QVERIFY(big->truncated);
    QCOMPARE(big->valueBytes, 2097152);
    QCOMPARE(big->rows.at(0).at(0).size(), RedisSession::StringCap);
    const Result<RedisKeyInfo> info = await(s->keyInfo("str:binary"));
    QVERIFY(info);
    QCOMPARE(info->length, 6);
    // a key that is gone
    const Result<RedisKeyInfo> gone = await(s->keyInfo("no:such:key"));
    QVERIFY(gone);
    QCOMPARE(gone->key.type, RedisType::None);
    QCOMPARE(gone->key.ttlMs, -2);
}

void tst_Redis::ttlSetAndPersist()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("ttl:key"), QStringLiteral("x")}).ok());
    QVERIFY(await(s->expire("ttl:key", 100)).ok());
    Result<RedisKeyInfo> info = await(s->keyInfo("ttl:key"));
    QVERIFY(info);
    QVERIFY2(info->key.ttlMs > 90000 && info->key.ttlMs <= 100000, qPrintable(QString::number(info->key.ttlMs)));
    QCOMPARE(cli({QStringLiteral("TTL"), QStringLiteral("ttl:key")}).out.trimmed().toInt() > 90, true);
    QVERIFY(await(s->persist("ttl:key")).ok());
    info = await(s->keyInfo("ttl:key"));
    QVERIFY(info);
    QCOMPARE(info->key.ttlMs, -1);
    QCOMPARE(cli({QStringLiteral("TTL"), QStringLiteral("ttl:key")}).out.trimmed(), QByteArray("-1"));
    // the list shows TTLs too
    QVERIFY(await(s->expire("ttl:key", 3600)).ok());
    const Result<RedisScanPage> page = await(s->scan("0", "ttl:*"));
    QVERIFY(page);
    QCOMPARE(page->keys.size(), 1);
    QVERIFY(page->keys.first().ttlMs > 3500000);
    const Result<void> missing = await(s->expire("no:such:key", 10));
    QVERIFY(!missing);
    QCOMPARE(errorOf(missing).code, ErrorCode::DatabaseError);
    const Result<void> zero = await(s->expire("ttl:key", 0));
    QCOMPARE(errorOf(zero).field, QStringLiteral("ttl"));
}

void tst_Redis::readOnlyRefusesWrites()
{
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("ro:key"), QStringLiteral("original")}).ok());
    auto s = open(true, SafeMode::ReadOnly);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    QVERIFY(s->isReadOnly());
    // reads work
    const Result<RedisValuePage> v = await(s->readValue("ro:key", RedisType::String));
    QVERIFY(v);
    QCOMPARE(v->rows.at(0).at(0), QByteArray("original"));
    // every write is refused before it is sent
    const QList<Error> refused {errorOf(await(s->setString("ro:key", "changed"))), errorOf(await(s->remove("ro:key"))),
                                errorOf(await(s->expire("ro:key", 5))), errorOf(await(s->persist("ro:key")))};
    for (const Error &e : refused) {
        QCOMPARE(e.code, ErrorCode::DatabaseReadOnly);
        QVERIFY(!e.message.isEmpty());
    }
    QCOMPARE(get("ro:key"), QByteArray("original"));
    QCOMPARE(cli({QStringLiteral("TTL"), QStringLiteral("ro:key")}).out.trimmed(), QByteArray("-1"));
    // the read-only browser offers no write
    RedisBrowser browser(s.get(), QStringLiteral("7"));
    browser.showKey("ro:key");
    QTRY_VERIFY_WITH_TIMEOUT(browser.valueView()->info().key.type == RedisType::String, 10000);
    QTRY_VERIFY(!browser.valueView()->isLoading());
    QVERIFY(browser.valueView()->stringEditor()->isReadOnly());
    for (QPushButton *b : browser.valueView()->findChildren<QPushButton *>()) {
        if (b->text().startsWith(QLatin1String("Delete")) || b->text().startsWith(QLatin1String("Save"))
            || b->text().startsWith(QLatin1String("Set TTL")))
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
    }
    browser.setConfirm([](const QString &, const QString &) { return true; });
    QSignalSpy errors(browser.valueView(), &RedisValueView::errorOccurred);
    browser.valueView()->deleteKey(); // even if asked directly, the session refuses
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code, ErrorCode::DatabaseReadOnly);
    QCOMPARE(get("ro:key"), QByteArray("original"));
}

void tst_Redis::passwordsAndDatabases()
{
    for (const bool viaSsh : {true, false}) {
        QVERIFY(!open(viaSsh, SafeMode::Off, QStringLiteral("wrong")));
        QCOMPARE(m_lastOpenError.code, ErrorCode::DatabaseConnectFailed);
        QCOMPARE(m_lastOpenError.field, QStringLiteral("password"));
        QVERIFY(!m_lastOpenError.message.isEmpty());
        QVERIFY(!m_lastOpenError.message.contains(QLatin1String("wrong"))); // no password in messages
        // none given: the server's NOAUTH names the password too
        QVERIFY(!open(viaSsh, SafeMode::Off, QString()));
        QCOMPARE(m_lastOpenError.code, ErrorCode::DatabaseConnectFailed);
        QCOMPARE(m_lastOpenError.field, QStringLiteral("password"));
    }
    // a Redis 6 ACL user
    QVERIFY2(open(true, SafeMode::Off, std::nullopt, QStringLiteral("default")), qPrintable(m_lastOpenError.toString()));
    QVERIFY(!open(true, SafeMode::Off, std::nullopt, QStringLiteral("nobody")));
    QCOMPARE(m_lastOpenError.field, QStringLiteral("password"));
    // databases: another db has other keys; one the server lacks names the field
    QVERIFY(cli({QStringLiteral("-n"), QStringLiteral("5"), QStringLiteral("SET"), QStringLiteral("in5"), QStringLiteral("x")}).ok());
    auto s5 = open(true, SafeMode::Off, std::nullopt, {}, QStringLiteral("5"));
    QVERIFY2(s5, qPrintable(m_lastOpenError.toString()));
    QCOMPARE(s5->database(), 5);
    QCOMPARE(*await(s5->databaseSize()), 1);
    QVERIFY(await(s5->selectDatabase(0)).ok());
    QCOMPARE(s5->database(), 0);
    QVERIFY(*await(s5->databaseSize()) > 8000);
    const Result<void> bad = await(s5->selectDatabase(99));
    QCOMPARE(errorOf(bad).code, ErrorCode::DatabaseNotFound);
    QCOMPARE(errorOf(bad).field, QStringLiteral("database"));
    QCOMPARE(s5->database(), 0);
    QVERIFY(!open(true, SafeMode::Off, std::nullopt, {}, QStringLiteral("99")));
    QCOMPARE(m_lastOpenError.field, QStringLiteral("database"));
    QVERIFY(!open(true, SafeMode::Off, std::nullopt, {}, QStringLiteral("zero")));
    QCOMPARE(m_lastOpenError.code, ErrorCode::InvalidParam);
    const Result<RedisKeyspace> ks = await(s5->keyspace());
    QVERIFY(ks);
    QCOMPARE(ks->keys.value(5), 1);
}

void tst_Redis::keyNamesAreBytes()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    const QStringList names {QStringLiteral("odd:with space"), QStringLiteral("odd:new\nline"), QStringLiteral("odd:star*key"),
                             QStringLiteral("odd:starXkey"), QStringLiteral("odd:quote\"'$(id);`x`"),
                             QStringLiteral("odd:\r\nFLUSHALL\r\n")};
    for (const QString &n : names)
        QVERIFY(cli({QStringLiteral("SET"), n, QStringLiteral("v:") + n}).ok());
    // an escaped glob finds only the key with a real '*'
    const Result<RedisScanPage> star = await(s->scan("0", "odd:star\\*key"));
    QVERIFY(star);
    QVERIFY(star->done()); // the step budget covers this keyspace in one page
    QCOMPARE(star->keys.size(), 1);
    QCOMPARE(star->keys.at(0).name, QByteArray("odd:star*key"));
    // every name comes back as the same bytes, and reads with them
    QSet<QByteArray> found;
    QByteArray cursor = "0";
    do {
        const Result<RedisScanPage> p = await(s->scan(cursor, "odd:*"));
        QVERIFY(p);
        for (const RedisKey &k : p->keys)
            found.insert(k.name);
        cursor = p->cursor;
    } while (cursor != "0");
    for (const QString &n : names) {
        QVERIFY2(found.contains(n.toUtf8()), qPrintable(n));
        const Result<RedisValuePage> v = await(s->readValue(n.toUtf8(), RedisType::String));
        QVERIFY(v);
        QCOMPARE(v->rows.at(0).at(0), (QStringLiteral("v:") + n).toUtf8());
    }
    QCOMPARE(redisDisplay("odd:new\nline"), QStringLiteral("odd:new\\nline"));
    // writes take the name as one argument
    QVERIFY(await(s->setString("odd:with space", QStringLiteral("新值").toUtf8())).ok());
    QCOMPARE(QString::fromUtf8(get("odd:with space")), QStringLiteral("新值"));
    QCOMPARE(get("odd:with"), QByteArray());
    const Result<bool> removed = await(s->remove("odd:star*key"));
    QVERIFY(removed);
    QVERIFY(*removed);
    QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("odd:starXkey")}).out.trimmed(), QByteArray("1"));
    QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("odd:star*key")}).out.trimmed(), QByteArray("0"));
    QVERIFY(await(s->remove("odd:\r\nFLUSHALL\r\n")).ok());
    QVERIFY(cli({QStringLiteral("DBSIZE")}).out.trimmed().toInt() > 8000); // nothing was flushed
}

void tst_Redis::stringEditIsChecked()
{
    auto s = open(false);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("edit:key"), QStringLiteral("v1"), QStringLiteral("EX"), QStringLiteral("500")}).ok());
    QVERIFY(await(s->setString("edit:key", "v2", QByteArray("v1"))).ok());
    QCOMPARE(get("edit:key"), QByteArray("v2"));
    QVERIFY(cli({QStringLiteral("TTL"), QStringLiteral("edit:key")}).out.trimmed().toInt() > 400); // the TTL is kept
    // changed by someone else since it was read: nothing is written
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("edit:key"), QStringLiteral("v3")}).ok());
    const Result<void> stale = await(s->setString("edit:key", "mine", QByteArray("v2")));
    QVERIFY(!stale);
    QCOMPARE(errorOf(stale).code, ErrorCode::DatabaseError);
    QCOMPARE(get("edit:key"), QByteArray("v3"));
    // never over a key of another type
    const Result<void> overHash = await(s->setString("hash:small", "x"));
    QVERIFY(!overHash);
    QCOMPARE(cli({QStringLiteral("TYPE"), QStringLiteral("hash:small")}).out.trimmed(), QByteArray("hash"));
    // a binary value is written as it is
    QVERIFY(await(s->setString("edit:bin", kBinary)).ok());
    QCOMPARE(get("edit:bin"), kBinary);
}

void tst_Redis::lostConnectionReconnects()
{
    QVERIFY(cli({QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("SET"), QStringLiteral("in2"), QStringLiteral("x")}).ok());
    auto s = open(true, SafeMode::Off, std::nullopt, {}, QStringLiteral("2"));
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    QCOMPARE(*await(s->databaseSize()), 1);
    QVERIFY(cli({QStringLiteral("CLIENT"), QStringLiteral("KILL"), QStringLiteral("TYPE"), QStringLiteral("normal")}).ok());
    const Result<qint64> lost = await(s->databaseSize());
    QVERIFY(!lost);
    QCOMPARE(errorOf(lost).code, ErrorCode::DatabaseConnectionLost);
    QVERIFY(!errorOf(lost).message.isEmpty());
    // the next call connects again, authenticates and is back in db 2
    const Result<qint64> again = await(s->databaseSize());
    QVERIFY2(again, why(again).constData());
    QCOMPARE(*again, 1);
    // a session closed while a call waits ends it without hanging
    auto t = open(false);
    QVERIFY(t);
    QFuture<Result<qint64>> pending = t->databaseSize();
    QElapsedTimer clock;
    clock.start();
    t.reset();
    QVERIFY(clock.elapsed() < 3000);
    QTest::qWait(100);
    Q_UNUSED(pending)
}

void tst_Redis::browserListsKeysAndShowsHash()
{
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    RedisBrowser browser(s.get(), QStringLiteral("7.0.15"));
    browser.resize(1280, 760);
    browser.show();
    QSignalSpy loaded(&browser, &RedisBrowser::keysLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
    const int firstPage = browser.keyModel()->rowCount();
    QVERIFY2(firstPage >= 400 && firstPage < 1500, qPrintable(QString::number(firstPage)));
    QVERIFY(browser.canLoadMore());
    browser.loadMore();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 20000);
    QVERIFY(browser.keyModel()->rowCount() > firstPage);
    QTRY_VERIFY(browser.databaseBox()->count() == 16);
    QVERIFY2(browser.databaseBox()->itemText(0).startsWith(QLatin1String("db0 (8")), qPrintable(browser.databaseBox()->itemText(0)));

    // a filter: only the hashes
    browser.patternEdit()->setText(QStringLiteral("hash:"));
    browser.rescan();
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isScanning() && browser.keyModel()->rowCount() == 2, 20000);
    QVERIFY(!browser.canLoadMore());
    // the type filter: the streams only
    browser.patternEdit()->clear();
    browser.typeBox()->setCurrentIndex(browser.typeBox()->findText(QStringLiteral("stream")));
    browser.rescan();
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isScanning() && browser.keyModel()->rowCount() == 1, 20000);
    QCOMPARE(browser.keyModel()->key(0).name, QByteArray("stream:big"));
    browser.typeBox()->setCurrentIndex(0);
    browser.patternEdit()->setText(QStringLiteral("hash:"));
    browser.rescan();
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isScanning() && browser.keyModel()->rowCount() == 2, 20000);
    // choosing a key in the list shows its fields
    QTableView *keys = browser.keyView();
    int row = -1;
    for (int r = 0; r < keys->model()->rowCount(); ++r) {
        if (keys->model()->index(r, 0).data().toString() == QLatin1String("hash:small"))
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(keys->model()->index(row, 1).data().toString(), QStringLiteral("hash"));
    QCOMPARE(keys->model()->index(row, 2).data().toString(), QStringLiteral("No expiry"));
    QSignalSpy page(browser.valueView(), &RedisValueView::pageLoaded);
    keys->setCurrentIndex(keys->model()->index(row, 0));
    QTRY_VERIFY_WITH_TIMEOUT(page.count() == 1, 10000);
    RedisValueModel *values = browser.valueView()->model();
    QCOMPARE(values->rowCount(), 2);
    QMap<QString, QString> shown;
    for (int r = 0; r < values->rowCount(); ++r)
        shown.insert(values->index(r, 0).data().toString(), values->index(r, 1).data().toString());
    QCOMPARE(shown.value(QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(shown.value(QStringLiteral("b")), QStringLiteral("你好"));
    QCOMPARE(values->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Field"));
    const QString grabDir = qEnvironmentVariable("QWQ_SCREENSHOT_DIR");
    if (!grabDir.isEmpty())
        QVERIFY(browser.grab().save(grabDir + QStringLiteral("/redis-browser-hash.png")));

    // the big hash pages with Load More
    browser.showKey("hash:big");
    QTRY_VERIFY_WITH_TIMEOUT(page.count() == 2, 10000);
    const int hashFirst = values->rowCount();
    QVERIFY(hashFirst < 602);
    QVERIFY(browser.valueView()->hasMore());
    while (browser.valueView()->hasMore()) {
        const int before = int(page.count());
        browser.valueView()->loadMore();
        QTRY_VERIFY_WITH_TIMEOUT(page.count() > before, 10000);
    }
    QCOMPARE(values->rowCount(), 602);

    // a binary string shows as hex, read-only; a Chinese one as editable text
    const int beforeBinary = int(page.count());
    browser.showKey("str:binary");
    QTRY_VERIFY_WITH_TIMEOUT(page.count() > beforeBinary, 10000);
    QVERIFY(browser.valueView()->stringEditor()->isReadOnly());
    QVERIFY(browser.valueView()->stringEditor()->toPlainText().contains(QLatin1String("00 ff fe 41 0a 80")));
    if (!grabDir.isEmpty())
        QVERIFY(browser.grab().save(grabDir + QStringLiteral("/redis-browser-binary.png")));
    browser.showKey("str:chinese");
    QTRY_VERIFY_WITH_TIMEOUT(browser.valueView()->stringEditor()->toPlainText() == kChinese, 10000);
    QVERIFY(!browser.valueView()->stringEditor()->isReadOnly());
    if (!grabDir.isEmpty()) {
        browser.showKey("stream:big");
        QTRY_VERIFY_WITH_TIMEOUT(browser.valueView()->model()->rowCount() == 500, 10000);
        browser.valueView()->table()->setCurrentIndex(browser.valueView()->model()->index(1, 2));
        QVERIFY(browser.grab().save(grabDir + QStringLiteral("/redis-browser-stream.png")));
    }

    // server info, grouped
    QSignalSpy info(&browser, &RedisBrowser::infoLoaded);
    browser.pages()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(info.count() == 1, 10000);
    QTreeWidget *tree = browser.infoTree();
    QStringList sections;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        sections << tree->topLevelItem(i)->text(0);
    QVERIFY2(sections.contains(QLatin1String("Server")) && sections.contains(QLatin1String("Memory"))
                 && sections.contains(QLatin1String("Keyspace")),
             qPrintable(sections.join(u',')));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Overview"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("7.0.15"));
    if (!grabDir.isEmpty())
        QVERIFY(browser.grab().save(grabDir + QStringLiteral("/redis-browser-info.png")));

    // a language change sets every text again (and reads INFO again for the overview)
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&browser, &change);
    QCoreApplication::sendEvent(browser.valueView(), &change);
    QCOMPARE(browser.pages()->tabText(0), QStringLiteral("Keys"));
    QCOMPARE(browser.typeBox()->itemText(0), QStringLiteral("All types"));
    QVERIFY(!browser.valueView()->model()->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(info.count() == 2, 10000);
}

void tst_Redis::browserDeleteAsksFirst()
{
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("del:me"), QStringLiteral("x")}).ok());
    auto s = open(true);
    QVERIFY2(s, qPrintable(m_lastOpenError.toString()));
    RedisBrowser browser(s.get(), QStringLiteral("7"));
    QStringList asked;
    bool answer = false;
    browser.setConfirm([&](const QString &title, const QString &text) {
        asked << title + QLatin1Char('|') + text;
        return answer;
    });
    browser.showKey("del:me");
    QTRY_VERIFY_WITH_TIMEOUT(browser.valueView()->info().key.type == RedisType::String, 10000);
    QTRY_VERIFY(!browser.valueView()->isLoading());
    browser.valueView()->deleteKey();
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.at(0).contains(QLatin1String("del:me")));
    QTest::qWait(200);
    QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("del:me")}).out.trimmed(), QByteArray("1"));
    answer = true;
    QSignalSpy deleted(browser.valueView(), &RedisValueView::keyDeleted);
    browser.valueView()->deleteKey();
    QTRY_COMPARE(deleted.count(), 1);
    QCOMPARE(cli({QStringLiteral("EXISTS"), QStringLiteral("del:me")}).out.trimmed(), QByteArray("0"));
    // saving an edited string asks too, and writes what was typed
    QVERIFY(cli({QStringLiteral("SET"), QStringLiteral("edit:ui"), QStringLiteral("before")}).ok());
    browser.showKey("edit:ui");
    QTRY_VERIFY_WITH_TIMEOUT(browser.valueView()->stringEditor()->toPlainText() == QLatin1String("before"), 10000);
    browser.valueView()->stringEditor()->setPlainText(QStringLiteral("after\u00A0两行\nline"));
    browser.valueView()->stringEditor()->document()->setModified(true);
    browser.valueView()->saveString();
    QCOMPARE(asked.size(), 3);
    QTRY_COMPARE(QString::fromUtf8(get("edit:ui")), QStringLiteral("after\u00A0两行\nline"));
}

void tst_Redis::panelOpensRedisTab()
{
    Workbench::ServerContext server(m_conn.get());
    DatabasesPanel panel(&server);
    ConnectionSpec spec;
    spec.name = QStringLiteral("cache");
    spec.engine = Engine::Redis;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = m_redis.port;
    spec.database = QStringLiteral("0");
    spec.safeMode = SafeMode::ReadOnly;
    const ConnectionSpec saved = panel.store().upsert(server.serverId(), spec);
    QVERIFY(panel.store().save().ok());
    panel.reload();
    panel.openConnection(saved.id, QString::fromLatin1(QwqTest::DbServerFixture::kRedisPassword));
    QTRY_VERIFY_WITH_TIMEOUT(panel.queryTabs()->count() == 1, 20000);
    auto *browser = qobject_cast<RedisBrowser *>(panel.queryTabs()->widget(0));
    QVERIFY(browser);
    QCOMPARE(panel.queryTabs()->tabText(0), QStringLiteral("cache"));
    QVERIFY(browser->session()->isReadOnly());
    QCOMPARE(browser->session()->parent(), browser); // closes with the tab
    QTRY_VERIFY_WITH_TIMEOUT(browser->keyModel()->rowCount() > 0, 20000);
    // closing the tab closes the session and its bridge
    QPointer<RedisSession> session(browser->session());
    emit panel.queryTabs()->tabCloseRequested(0);
    QTRY_VERIFY(!session);
}

QTEST_MAIN(tst_Redis)
#include "tst_redis.moc"
