// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_helper_databases.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace ProtocolTest;

namespace {

const QString kFixture = QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dbservers.sh");
const QString kPgPassword = QStringLiteral("qwq-pg-secret");
const QString kMyPassword = QStringLiteral("qwq-my-secret");

int runFixture(const QStringList &args, QByteArray *err = nullptr)
{
    QProcess p;
    p.start(kFixture, args);
    if (!p.waitForFinished(120000))
        return -1;
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QJsonObject data(const QJsonObject &notification)
{
    return notification.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject();
}

QJsonObject errorData(const QJsonObject &response)
{
    return response.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
}

} // namespace

void tst_HelperDatabases::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root (the fixtures start servers as their own users)");
    QVERIFY(m_dir.isValid());
    const struct { const char *engine; const char *file; bool *flag; } servers[] = {
        {"postgres", "pg.env", &m_pg}, {"mariadb", "my.env", &m_my}, {"redis", "redis.env", &m_redis}};
    for (const auto &s : servers) {
        QByteArray err;
        const int rc = runFixture({QStringLiteral("start"), QString::fromLatin1(s.engine), m_dir.path()}, &err);
        if (rc == 77) {
            qWarning("%s: %s", s.engine, err.constData());
            continue;
        }
        QVERIFY2(rc == 0, err.constData());
        QFile f(m_dir.filePath(QString::fromLatin1(s.file)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray &line : f.readAll().split('\n')) {
            const int eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        *s.flag = true;
    }
    if (m_pg) {
        psql(QStringLiteral("qwqtest"),
             QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2));"
                            "INSERT INTO items VALUES (1, 'apple', 1.50), (2, 'Grüße ☃', 2.25),"
                            " (3, 'it''s \"quoted\"; DROP TABLE x', NULL);"
                            "CREATE TABLE locked (id int);"));
    }
    if (m_my) {
        mariadb(QStringLiteral("qwqtest"),
                QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, name varchar(100) NOT NULL,"
                               " price decimal(8,2)) DEFAULT CHARSET=utf8mb4;"
                               "INSERT INTO items VALUES (1, 'apple', 1.50), (2, 'Grüße ☃', 2.25),"
                               " (3, 'it''s \"quoted\"; DROP TABLE x', NULL);"));
    }
    m_helper = std::make_unique<Helper>();
    QVERIFY(result(m_helper->initialize()).contains(QLatin1String("helper")));
}

void tst_HelperDatabases::cleanupTestCase()
{
    m_helper.reset();
    if (m_pg)
        runFixture({QStringLiteral("stop"), QStringLiteral("postgres"), m_dir.path()});
    if (m_my)
        runFixture({QStringLiteral("stop"), QStringLiteral("mariadb"), m_dir.path()});
    if (m_redis)
        runFixture({QStringLiteral("stop"), QStringLiteral("redis"), m_dir.path()});
}

QJsonObject tst_HelperDatabases::call(const QString &method, QJsonObject params, int timeoutMs)
{
    const int id = start(method, params);
    return m_helper->response(id, timeoutMs);
}

int tst_HelperDatabases::start(const QString &method, const QJsonObject &params)
{
    const int id = m_nextId++;
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    request.insert(QStringLiteral("params"), params);
    m_helper->send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    return id;
}

void tst_HelperDatabases::notify(const QString &method, const QJsonObject &params)
{
    const QJsonObject n{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("method"), method},
                        {QStringLiteral("params"), params}};
    m_helper->send(QJsonDocument(n).toJson(QJsonDocument::Compact));
}

QByteArray tst_HelperDatabases::streamBytes(int id)
{
    QByteArray bytes;
    for (const QJsonObject &n : std::as_const(m_helper->notifications)) {
        if (n.value(QLatin1String("method")).toString() != QLatin1String("$/stream")
            || n.value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInt() != id)
            continue;
        const QJsonObject d = data(n);
        if (!d.contains(QLatin1String("b64")))
            continue;
        if (d.value(QLatin1String("offset")).toInteger() != bytes.size())
            qWarning("chunk out of order");
        bytes += QByteArray::fromBase64(d.value(QLatin1String("b64")).toString().toLatin1());
        if (d.value(QLatin1String("bytes")).toInteger() != bytes.size())
            qWarning("progress bytes wrong");
    }
    return bytes;
}

QJsonObject tst_HelperDatabases::restore(QJsonObject params, const QByteArray &dump)
{
    const int id = start(QStringLiteral("databases.restore"), params);
    // Input is taken from {"ready": true} on (earlier input may be dropped).
    QElapsedTimer timer;
    timer.start();
    bool ready = false;
    while (!ready && timer.elapsed() < 10000) {
        const QJsonObject m = m_helper->next(10000);
        if (m.isEmpty())
            break;
        if (m.contains(QLatin1String("id"))) { // answered before it was ready: an error
            if (m.value(QLatin1String("id")).toInt() == id)
                return m;
            m_helper->others.append(m);
            continue;
        }
        m_helper->notifications.append(m);
        ready = m.value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInt() == id
            && data(m).value(QLatin1String("ready")).toBool();
    }
    if (!ready)
        return {};
    for (qsizetype off = 0; off < dump.size(); off += 64 * 1024)
        notify(QStringLiteral("$/input"),
               {{QStringLiteral("id"), id},
                {QStringLiteral("b64"), QString::fromLatin1(dump.mid(off, 64 * 1024).toBase64())}});
    notify(QStringLiteral("$/input"), {{QStringLiteral("id"), id}, {QStringLiteral("eof"), true}});
    return m_helper->response(id, 60000);
}

QByteArray tst_HelperDatabases::psql(const QString &database, const QString &sql)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), kPgPassword);
    p.setProcessEnvironment(env);
    p.start(m_env.value(QStringLiteral("PG_BIN")) + QStringLiteral("/psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
             QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), m_env.value(QStringLiteral("PG_PORT")),
             QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), database,
             QStringLiteral("-c"), sql});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning("psql failed: %s", p.readAllStandardError().constData());
    return p.readAllStandardOutput().trimmed();
}

QByteArray tst_HelperDatabases::mariadb(const QString &database, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/mariadb"),
            {QStringLiteral("--no-defaults"), QStringLiteral("-S"), m_env.value(QStringLiteral("MY_SOCKET")),
             QStringLiteral("-u"), QStringLiteral("root"), QStringLiteral("-N"), QStringLiteral("-B"),
             QStringLiteral("--default-character-set=utf8mb4"), QStringLiteral("-e"), sql, database});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning("mariadb failed: %s", p.readAllStandardError().constData());
    return p.readAllStandardOutput().trimmed();
}

QJsonObject tst_HelperDatabases::pgParams(const QString &database) const
{
    return {{QStringLiteral("engine"), QStringLiteral("postgresql")},
            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("port"), m_env.value(QStringLiteral("PG_PORT")).toInt()},
            {QStringLiteral("user"), QStringLiteral("postgres")},
            {QStringLiteral("database"), database},
            {QStringLiteral("password"), kPgPassword}};
}

QJsonObject tst_HelperDatabases::myParams(const QString &database) const
{
    return {{QStringLiteral("engine"), QStringLiteral("mariadb")},
            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("port"), m_env.value(QStringLiteral("MY_PORT")).toInt()},
            {QStringLiteral("user"), QStringLiteral("qwq")},
            {QStringLiteral("database"), database},
            {QStringLiteral("password"), kMyPassword}};
}

QList<int> tst_HelperDatabases::childrenOfHelper(const QByteArray &comm) const
{
    QList<int> pids;
    const qint64 helper = m_helper->process().processId();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const int open = s.indexOf('('), close = s.lastIndexOf(')');
        if (open < 0 || close < 0 || s.mid(open + 1, close - open - 1) != comm)
            continue;
        const QList<QByteArray> rest = s.mid(close + 2).split(' ');
        if (rest.size() > 1 && rest.at(1).toLongLong() == helper)
            pids.append(pid);
    }
    return pids;
}

void tst_HelperDatabases::discoverFindsTheServers()
{
    if (!m_pg && !m_my && !m_redis)
        QSKIP("no database server could be started");
    const QJsonObject r = call(QStringLiteral("databases.discover"), {});
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    const QJsonArray instances = result(r).value(QLatin1String("instances")).toArray();
    auto find = [&](const QString &engine, int port) -> QJsonObject {
        for (const auto &v : instances) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("engine")).toString() == engine
                && o.value(QLatin1String("port")).toInt() == port
                && o.value(QLatin1String("source")).toString() == QLatin1String("service"))
                return o;
        }
        return {};
    };
    // Every key is there, null when unknown.
    for (const auto &v : instances)
        for (const char *key : {"engine", "source", "host", "port", "addresses", "unixSocket", "pid",
                                "binary", "version", "container"})
            QVERIFY2(v.toObject().contains(QLatin1String(key)), key);
    if (m_pg) {
        const int port = m_env.value(QStringLiteral("PG_PORT")).toInt();
        const QJsonObject pg = find(QStringLiteral("postgresql"), port);
        QVERIFY2(!pg.isEmpty(), QJsonDocument(instances).toJson().constData());
        QCOMPARE(pg.value(QLatin1String("host")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(pg.value(QLatin1String("pid")).toInt(), m_env.value(QStringLiteral("PG_PID")).toInt());
        QCOMPARE(pg.value(QLatin1String("unixSocket")).toString(),
                 m_env.value(QStringLiteral("PG_SOCKET_DIR")) + QStringLiteral("/.s.PGSQL.%1").arg(port));
        QVERIFY(pg.value(QLatin1String("version")).toString().startsWith(QLatin1String("15")));
        QCOMPARE(pg.value(QLatin1String("binary")).toString(),
                 m_env.value(QStringLiteral("PG_BIN")) + QStringLiteral("/postgres"));
    }
    if (m_my) {
        const QJsonObject my = find(QStringLiteral("mariadb"), m_env.value(QStringLiteral("MY_PORT")).toInt());
        QVERIFY2(!my.isEmpty(), QJsonDocument(instances).toJson().constData());
        QCOMPARE(my.value(QLatin1String("host")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(my.value(QLatin1String("pid")).toInt(), m_env.value(QStringLiteral("MY_PID")).toInt());
        QCOMPARE(my.value(QLatin1String("unixSocket")).toString(), m_env.value(QStringLiteral("MY_SOCKET")));
        QVERIFY(!my.value(QLatin1String("version")).toString().isEmpty());
    }
    if (m_redis) {
        const QJsonObject redis = find(QStringLiteral("redis"), m_env.value(QStringLiteral("REDIS_PORT")).toInt());
        QVERIFY2(!redis.isEmpty(), QJsonDocument(instances).toJson().constData());
        QCOMPARE(redis.value(QLatin1String("pid")).toInt(), m_env.value(QStringLiteral("REDIS_PID")).toInt());
        QVERIFY(redis.value(QLatin1String("version")).toString().startsWith(QLatin1String("7")));
    }
    QVERIFY(result(r).value(QLatin1String("docker")).toObject().contains(QLatin1String("available")));
    QVERIFY(result(r).value(QLatin1String("tools")).isObject());
}

void tst_HelperDatabases::toolsAreListed()
{
    const QJsonObject tools = result(call(QStringLiteral("databases.tools"), {})).value(QLatin1String("tools")).toObject();
    for (const char *t : {"pg_dump", "pg_restore", "psql", "mysqldump", "mariadb-dump", "mysql", "mariadb", "redis-cli"})
        QVERIFY2(tools.contains(QLatin1String(t)), t);
    if (m_pg) {
        const QJsonObject pgDump = tools.value(QLatin1String("pg_dump")).toObject();
        // The versioned binary, not Debian's Perl wrapper in /usr/bin.
        QVERIFY2(pgDump.value(QLatin1String("path")).toString().startsWith(QLatin1String("/usr/lib/postgresql/")),
                 qPrintable(pgDump.value(QLatin1String("path")).toString()));
        QVERIFY(pgDump.value(QLatin1String("version")).toString().startsWith(QLatin1String("15")));
    }
}

void tst_HelperDatabases::discoverAsAnotherUser()
{
    if (!m_pg)
        QSKIP("postgresql not installed");
    // The helper as nobody cannot read the postgres user's /proc/PID/fd: the listener is found
    // by its owner in /proc/net/tcp instead, without a PID.
    QProcess p;
    p.start(QStringLiteral("/usr/bin/setpriv"),
            {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
             QStringLiteral("--"), QStringLiteral(QWQ_HELPER_PATH), QStringLiteral("serve")});
    if (!p.waitForStarted(5000))
        QSKIP("setpriv is not available");
    p.write(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"client":"t"}})" "\n"
            R"({"jsonrpc":"2.0","id":2,"method":"databases.discover","params":{}})" "\n");
    QJsonObject answer;
    QElapsedTimer timer;
    timer.start();
    while (answer.isEmpty() && timer.elapsed() < 30000) {
        if (!p.canReadLine() && !p.waitForReadyRead(1000)) {
            if (p.state() != QProcess::Running)
                break;
            continue;
        }
        while (p.canReadLine()) {
            const QJsonObject m = QJsonDocument::fromJson(p.readLine()).object();
            if (m.value(QLatin1String("id")).toInt() == 2)
                answer = m;
        }
    }
    p.closeWriteChannel();
    p.waitForFinished(5000);
    if (answer.isEmpty() && p.readAllStandardError().contains("ermission denied"))
        QSKIP("the helper binary is not reachable for nobody");
    QVERIFY2(answer.contains(QLatin1String("result")), QJsonDocument(answer).toJson().constData());
    const int port = m_env.value(QStringLiteral("PG_PORT")).toInt();
    QJsonObject pg;
    for (const auto &v : result(answer).value(QLatin1String("instances")).toArray())
        if (v.toObject().value(QLatin1String("engine")).toString() == QLatin1String("postgresql")
            && v.toObject().value(QLatin1String("port")).toInt() == port)
            pg = v.toObject();
    QVERIFY2(!pg.isEmpty(), QJsonDocument(answer).toJson().constData());
    QCOMPARE(pg.value(QLatin1String("host")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(pg.value(QLatin1String("pid")).isNull());
    QCOMPARE(pg.value(QLatin1String("unixSocket")).toString(),
             m_env.value(QStringLiteral("PG_SOCKET_DIR")) + QStringLiteral("/.s.PGSQL.%1").arg(port));
}

void tst_HelperDatabases::readOnlyRefusesRestore()
{
    Helper h({QStringLiteral("serve"), QStringLiteral("--read-only")});
    h.initialize();
    QJsonObject p = pgParams(QStringLiteral("qwqtest"));
    QWQ_VERIFY_ERROR(h.call(1, QStringLiteral("databases.restore"), p), 1003);
    // A dump only reads: allowed (it is secret-read, which the app redacts for the AI).
    if (m_pg)
        QVERIFY(h.call(2, QStringLiteral("databases.dump"), p).contains(QLatin1String("result")));
    QVERIFY(h.call(3, QStringLiteral("databases.tools"), {}).contains(QLatin1String("result")));
}

void tst_HelperDatabases::postgresDumpRestore_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("plain") << QStringLiteral("plain");
    QTest::newRow("custom") << QStringLiteral("custom");
}

void tst_HelperDatabases::postgresDumpRestore()
{
    if (!m_pg)
        QSKIP("postgresql not installed");
    QFETCH(QString, format);
    QJsonObject params = pgParams(QStringLiteral("qwqtest"));
    params.insert(QStringLiteral("format"), format);
    const int id = start(QStringLiteral("databases.dump"), params);
    const QJsonObject r = m_helper->response(id, 60000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    const QByteArray dump = streamBytes(id);
    QCOMPARE(result(r).value(QLatin1String("bytes")).toInteger(), dump.size());
    QCOMPARE(result(r).value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(dump, QCryptographicHash::Sha256).toHex()));
    if (format == QLatin1String("plain"))
        QVERIFY(dump.contains("CREATE TABLE public.items"));
    else
        QVERIFY(dump.startsWith("PGDMP"));
    QVERIFY(!dump.contains(kPgPassword.toUtf8()));

    const QString target = QStringLiteral("restored_") + format;
    QJsonObject rp = pgParams(target);
    rp.insert(QStringLiteral("format"), format);
    rp.insert(QStringLiteral("create"), true);
    const QJsonObject rr = restore(rp, dump);
    QVERIFY2(rr.contains(QLatin1String("result")), QJsonDocument(rr).toJson().constData());
    QCOMPARE(result(rr).value(QLatin1String("bytes")).toInteger(), dump.size());
    QCOMPARE(result(rr).value(QLatin1String("created")).toBool(), true);
    QCOMPARE(result(rr).value(QLatin1String("sha256")).toString(), result(r).value(QLatin1String("sha256")).toString());
    // The last flow-control acknowledgement covers the whole input.
    qint64 lastReceived = -1;
    for (const QJsonObject &n : std::as_const(m_helper->notifications))
        if (n.value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInt()
                == rr.value(QLatin1String("id")).toInt()
            && data(n).contains(QLatin1String("received")))
            lastReceived = data(n).value(QLatin1String("received")).toInteger();
    QCOMPARE(lastReceived, dump.size());

    const QString query = QStringLiteral("SELECT string_agg(id || ':' || name || ':' || coalesce(price::text, '-'), ',' ORDER BY id) FROM items");
    QCOMPARE(psql(target, query), psql(QStringLiteral("qwqtest"), query));
    QVERIFY(psql(target, query).contains("Grüße ☃"));
}

void tst_HelperDatabases::mariadbDumpRestore()
{
    if (!m_my)
        QSKIP("mariadb-server not installed");
    const int id = start(QStringLiteral("databases.dump"), myParams(QStringLiteral("qwqtest")));
    const QJsonObject r = m_helper->response(id, 60000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    const QByteArray dump = streamBytes(id);
    QCOMPARE(result(r).value(QLatin1String("bytes")).toInteger(), dump.size());
    QVERIFY(dump.contains("CREATE TABLE `items`"));
    QVERIFY(result(r).value(QLatin1String("tool")).toString().endsWith(QLatin1String("mariadb-dump")));

    QJsonObject rp = myParams(QStringLiteral("restored_my"));
    rp.insert(QStringLiteral("create"), true);
    const QJsonObject rr = restore(rp, dump);
    QVERIFY2(rr.contains(QLatin1String("result")), QJsonDocument(rr).toJson().constData());
    const QString query = QStringLiteral("SELECT GROUP_CONCAT(CONCAT(id, ':', name, ':', coalesce(price, '-')) ORDER BY id) FROM items");
    QCOMPARE(mariadb(QStringLiteral("restored_my"), query), mariadb(QStringLiteral("qwqtest"), query));
    QVERIFY(mariadb(QStringLiteral("restored_my"), query).contains("Grüße ☃"));
}

void tst_HelperDatabases::badPassword()
{
    if (m_pg) {
        QJsonObject p = pgParams(QStringLiteral("qwqtest"));
        p.insert(QStringLiteral("password"), QStringLiteral("wrong"));
        const QJsonObject r = call(QStringLiteral("databases.dump"), p);
        QWQ_VERIFY_ERROR(r, 6001);
        QCOMPARE(errorField(r), QStringLiteral("password"));
        QVERIFY(errorData(r).value(QLatin1String("detail")).toString().contains(QLatin1String("password authentication failed")));
        // No password at all: refused, never prompted for.
        p.remove(QStringLiteral("password"));
        const QJsonObject none = call(QStringLiteral("databases.dump"), p, 20000);
        QWQ_VERIFY_ERROR(none, 6001);
        QCOMPARE(errorField(none), QStringLiteral("password"));
        // Nothing listening on the port.
        p = pgParams(QStringLiteral("qwqtest"));
        p.insert(QStringLiteral("port"), 1);
        const QJsonObject refused = call(QStringLiteral("databases.dump"), p);
        QWQ_VERIFY_ERROR(refused, 6001);
        QCOMPARE(errorField(refused), QStringLiteral("port"));
    }
    if (m_my) {
        QJsonObject p = myParams(QStringLiteral("qwqtest"));
        p.insert(QStringLiteral("password"), QStringLiteral("wrong"));
        const QJsonObject r = call(QStringLiteral("databases.dump"), p);
        QWQ_VERIFY_ERROR(r, 6001);
        QCOMPARE(errorField(r), QStringLiteral("password"));
        // The restore fails the same way, whatever input is still coming.
        const QJsonObject rr = restore(p, QByteArray("SELECT 1;\n"));
        QWQ_VERIFY_ERROR(rr, 6001);
        QCOMPARE(errorField(rr), QStringLiteral("password"));
    }
    if (!m_pg && !m_my)
        QSKIP("no SQL server");
}

void tst_HelperDatabases::unknownDatabase()
{
    if (m_pg) {
        const QJsonObject r = call(QStringLiteral("databases.dump"), pgParams(QStringLiteral("nosuchdb")));
        QWQ_VERIFY_ERROR(r, 6002);
        QCOMPARE(errorField(r), QStringLiteral("database"));
    }
    if (m_my) {
        const QJsonObject r = call(QStringLiteral("databases.dump"), myParams(QStringLiteral("nosuchdb")));
        QWQ_VERIFY_ERROR(r, 6002);
        QCOMPARE(errorField(r), QStringLiteral("database"));
    }
    if (!m_pg && !m_my)
        QSKIP("no SQL server");
}

void tst_HelperDatabases::unsafeNamesRefusedBeforeAnythingRuns_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("code");
    QTest::newRow("database -") << "database" << QJsonValue(QStringLiteral("--help")) << 1001;
    QTest::newRow("database ;") << "database" << QJsonValue(QStringLiteral("qwqtest;DROP")) << 1001;
    QTest::newRow("database conninfo") << "database" << QJsonValue(QStringLiteral("host=evil dbname=x")) << 1001;
    QTest::newRow("database quote") << "database" << QJsonValue(QStringLiteral("a'b")) << 1001;
    QTest::newRow("database empty") << "database" << QJsonValue(QString()) << 1001;
    QTest::newRow("database long") << "database" << QJsonValue(QString(64, QLatin1Char('a'))) << 1001;
    QTest::newRow("database newline") << "database" << QJsonValue(QStringLiteral("a\nb")) << 1001;
    QTest::newRow("database NUL") << "database" << QJsonValue(QString::fromLatin1("a\0b", 3)) << 1001;
    QTest::newRow("database number") << "database" << QJsonValue(5) << -32602;
    QTest::newRow("user -") << "user" << QJsonValue(QStringLiteral("-Upostgres")) << 1001;
    QTest::newRow("user space") << "user" << QJsonValue(QStringLiteral("a b")) << 1001;
    QTest::newRow("host -") << "host" << QJsonValue(QStringLiteral("-oProxyCommand=x")) << 1001;
    QTest::newRow("host path") << "host" << QJsonValue(QStringLiteral("/tmp")) << 1001;
    QTest::newRow("host ;") << "host" << QJsonValue(QStringLiteral("a;b")) << 1001;
    QTest::newRow("port 0") << "port" << QJsonValue(0) << 1001;
    QTest::newRow("port 70000") << "port" << QJsonValue(70000) << 1001;
    QTest::newRow("engine") << "engine" << QJsonValue(QStringLiteral("oracle")) << 1001;
    QTest::newRow("engine redis") << "engine" << QJsonValue(QStringLiteral("redis")) << 1001;
    QTest::newRow("format") << "format" << QJsonValue(QStringLiteral("tar")) << 1001;
    QTest::newRow("container") << "container" << QJsonValue(QStringLiteral("-x")) << 1001;
    QTest::newRow("password NUL") << "password" << QJsonValue(QString::fromLatin1("a\0b", 3)) << 1001;
}

void tst_HelperDatabases::unsafeNamesRefusedBeforeAnythingRuns()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, code);
    for (const char *method : {"databases.dump", "databases.restore"}) {
        QJsonObject p = pgParams(QStringLiteral("qwqtest"));
        p.insert(field, value);
        const int id = start(QString::fromLatin1(method), p);
        const QJsonObject r = m_helper->response(id, 5000);
        QWQ_VERIFY_ERROR(r, code);
        QCOMPARE(errorField(r), field);
        QVERIFY(childrenOfHelper("pg_dump").isEmpty());
        QVERIFY(childrenOfHelper("psql").isEmpty());
    }
}

void tst_HelperDatabases::restoreRefusesBadInput()
{
    if (m_pg) {
        psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE badinput"));
        const QJsonObject r = restore(pgParams(QStringLiteral("badinput")),
                                      QByteArray("CREATE TABLE t (a int);\nTHIS IS NOT SQL;\n"));
        QWQ_VERIFY_ERROR(r, 6005);
        QCOMPARE(errorField(r), QStringLiteral("input"));
        QCOMPARE(errorData(r).value(QLatin1String("line")).toInt(), 2);
        // One transaction: the table of line 1 is not there either.
        QCOMPARE(psql(QStringLiteral("badinput"), QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 't'")),
                 QByteArray("0"));
        QJsonObject custom = pgParams(QStringLiteral("badinput"));
        custom.insert(QStringLiteral("format"), QStringLiteral("custom"));
        const QJsonObject c = restore(custom, QByteArray("not an archive"));
        QWQ_VERIFY_ERROR(c, 6005);
        QCOMPARE(errorField(c), QStringLiteral("input"));
    }
    if (m_my) {
        QJsonObject p = myParams(QStringLiteral("badinput_my"));
        p.insert(QStringLiteral("create"), true);
        const QJsonObject r = restore(p, QByteArray("CREATE TABLE t (a int);\nTHIS IS NOT SQL;\n"));
        QWQ_VERIFY_ERROR(r, 6005);
        QCOMPARE(errorData(r).value(QLatin1String("line")).toInt(), 2);
    }
    if (!m_pg && !m_my)
        QSKIP("no SQL server");
}

void tst_HelperDatabases::restoreCreateExisting()
{
    if (m_pg) {
        QJsonObject p = pgParams(QStringLiteral("qwqtest"));
        p.insert(QStringLiteral("create"), true);
        const QJsonObject r = restore(p, QByteArray("SELECT 1;\n"));
        QWQ_VERIFY_ERROR(r, 6006);
        QCOMPARE(errorField(r), QStringLiteral("database"));
    }
    if (m_my) {
        QJsonObject p = myParams(QStringLiteral("qwqtest"));
        p.insert(QStringLiteral("create"), true);
        const QJsonObject r = restore(p, QByteArray("SELECT 1;\n"));
        QWQ_VERIFY_ERROR(r, 6006);
        QCOMPARE(errorField(r), QStringLiteral("database"));
    }
    if (!m_pg && !m_my)
        QSKIP("no SQL server");
}

void tst_HelperDatabases::cancelKillsPgDump()
{
    if (!m_pg)
        QSKIP("postgresql not installed");
    // A session holding an exclusive lock: pg_dump waits for it until cancelled.
    QProcess locker;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), kPgPassword);
    locker.setProcessEnvironment(env);
    locker.start(m_env.value(QStringLiteral("PG_BIN")) + QStringLiteral("/psql"),
                 {QStringLiteral("-X"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  m_env.value(QStringLiteral("PG_PORT")), QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("-d"), QStringLiteral("qwqtest"), QStringLiteral("-c"),
                  QStringLiteral("BEGIN; LOCK TABLE locked IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(60);")});
    QVERIFY(locker.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(psql(QStringLiteral("qwqtest"),
                                   QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                                  "WHERE c.relname = 'locked' AND l.mode = 'AccessExclusiveLock'")),
                              QByteArray("1"), 10000);

    const int id = start(QStringLiteral("databases.dump"), pgParams(QStringLiteral("qwqtest")));
    QList<int> children;
    QTRY_VERIFY_WITH_TIMEOUT(!(children = childrenOfHelper("pg_dump")).isEmpty(), 10000);
    // Let it reach the lock wait.
    QTest::qWait(500);
    QVERIFY(m_helper->response(id, 10).isEmpty()); // still running
    notify(QStringLiteral("$/cancel"), {{QStringLiteral("id"), id}});
    const QJsonObject r = m_helper->response(id, 10000);
    QWQ_VERIFY_ERROR(r, -32800);
    for (int pid : std::as_const(children))
        QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1").arg(pid)), "pg_dump is still there");
    QVERIFY(childrenOfHelper("pg_dump").isEmpty());
    locker.kill();
    locker.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(tst_HelperDatabases)
