// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Containers: a private dockerd (tests/fixtures/dockerd.sh) with images made offline — the
// busybox test image tagged postgres:15.99 / redis:7.0.99 for discovery, and one holding this
// machine's pg_dump and psql (pgclient-image.sh) on the host network, so a dump and a restore
// run inside a container against the fixture's PostgreSQL.
#include "tst_helper_databases.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>

using namespace ProtocolTest;

namespace {

struct Docker
{
    QString dir;
    QString socket;
    QByteArray run(const QStringList &args, int *rc = nullptr) const
    {
        QProcess p;
        p.start(QStringLiteral("/usr/bin/docker"), QStringList{QStringLiteral("-H"), QStringLiteral("unix://") + socket} + args);
        p.waitForFinished(120000);
        if (rc)
            *rc = p.exitCode();
        else if (p.exitCode() != 0)
            qWarning("docker %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        return p.readAllStandardOutput().trimmed();
    }
};

int script(const QString &path, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(path, args);
    if (!p.waitForFinished(300000))
        return -1;
    return p.exitCode();
}

QJsonObject findContainerEntry(const QJsonArray &instances, const QString &name)
{
    for (const auto &v : instances) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("source")).toString() == QLatin1String("container")
            && o.value(QLatin1String("container")).toObject().value(QLatin1String("name")).toString() == name)
            return o;
    }
    return {};
}

} // namespace

void tst_HelperDatabases::containersDiscoveredAndDumped()
{
    if (!m_pg)
        QSKIP("postgresql not installed");
    const QString fixture = QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dockerd.sh");
    Docker docker{m_dir.filePath(QStringLiteral("docker")), {}};
    const int started = script(fixture, {QStringLiteral("start"), docker.dir});
    if (started == 77)
        QSKIP("dockerd cannot run here");
    QCOMPARE(started, 0);
    auto stop = qScopeGuard([&] { script(fixture, {QStringLiteral("stop"), docker.dir}); });
    docker.socket = docker.dir + QStringLiteral("/docker.sock");
    const QString busybox = QStringLiteral("qwq-test/busybox:1");

    docker.run({QStringLiteral("tag"), busybox, QStringLiteral("postgres:15.99")});
    docker.run({QStringLiteral("tag"), busybox, QStringLiteral("redis:7.0.99")});
    docker.run({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("qwqdb")});
    // No proxy and no iptables in this daemon: the published port is only listed, which is
    // all discovery reads. (The daemon has no default bridge: containers join "qwqdb".)
    docker.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("qwqdb-pg"),
                QStringLiteral("--network"), QStringLiteral("qwqdb"), QStringLiteral("-p"), QStringLiteral("127.0.0.1:25432:5432"), QStringLiteral("postgres:15.99"),
                QStringLiteral("sleep"), QStringLiteral("3600")});
    docker.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("qwqdb-redis"),
                QStringLiteral("--network"), QStringLiteral("qwqdb"), QStringLiteral("redis:7.0.99"),
                QStringLiteral("sleep"), QStringLiteral("3600")});
    docker.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("qwqdb-other"),
                QStringLiteral("--network"), QStringLiteral("qwqdb"), QStringLiteral("--expose"), QStringLiteral("3306"),
                busybox, QStringLiteral("sleep"), QStringLiteral("3600")});

    const QJsonObject r = call(QStringLiteral("databases.discover"), {{QStringLiteral("socket"), docker.socket}});
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("docker")).toObject().value(QLatin1String("available")).toBool(), true);
    const QJsonArray instances = result(r).value(QLatin1String("instances")).toArray();

    const QJsonObject pg = findContainerEntry(instances, QStringLiteral("qwqdb-pg"));
    QVERIFY2(!pg.isEmpty(), QJsonDocument(instances).toJson().constData());
    QCOMPARE(pg.value(QLatin1String("engine")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(pg.value(QLatin1String("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(pg.value(QLatin1String("port")).toInt(), 25432);
    QCOMPARE(pg.value(QLatin1String("version")).toString(), QStringLiteral("15.99"));
    QCOMPARE(pg.value(QLatin1String("container")).toObject().value(QLatin1String("image")).toString(),
             QStringLiteral("postgres:15.99"));

    const QJsonObject redis = findContainerEntry(instances, QStringLiteral("qwqdb-redis"));
    QVERIFY2(!redis.isEmpty(), QJsonDocument(instances).toJson().constData());
    QCOMPARE(redis.value(QLatin1String("engine")).toString(), QStringLiteral("redis"));
    const QString redisIp = QString::fromUtf8(docker.run(
        {QStringLiteral("inspect"), QStringLiteral("-f"),
         QStringLiteral("{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}"), QStringLiteral("qwqdb-redis")}));
    QVERIFY(!redisIp.isEmpty());
    QCOMPARE(redis.value(QLatin1String("host")).toString(), redisIp); // not published: its address
    QCOMPARE(redis.value(QLatin1String("port")).toInt(), 6379);
    const QJsonArray networks = redis.value(QLatin1String("container")).toObject().value(QLatin1String("networks")).toArray();
    QCOMPARE(networks.size(), 1);
    QCOMPARE(networks.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("qwqdb"));

    const QJsonObject other = findContainerEntry(instances, QStringLiteral("qwqdb-other"));
    QCOMPARE(other.value(QLatin1String("engine")).toString(), QStringLiteral("mysql")); // by its exposed port

    // A dump inside a container that has pg_dump, on the host network.
    const int built = script(QStringLiteral(QWQ_SOURCE_DIR "/tests/databases/pgclient-image.sh"),
                             {docker.socket, QStringLiteral("qwq-test/pgclient:1")});
    if (built == 77)
        QSKIP("no PostgreSQL client to put in an image");
    QCOMPARE(built, 0);
    docker.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("qwqdb-client"),
                QStringLiteral("--network"), QStringLiteral("host"), QStringLiteral("qwq-test/pgclient:1")});
    QJsonObject params = pgParams(QStringLiteral("qwqtest"));
    params.insert(QStringLiteral("container"), QStringLiteral("qwqdb-client"));
    params.insert(QStringLiteral("socket"), docker.socket);
    const int id = start(QStringLiteral("databases.dump"), params);
    const QJsonObject dumped = m_helper->response(id, 60000);
    QVERIFY2(dumped.contains(QLatin1String("result")), QJsonDocument(dumped).toJson().constData());
    QCOMPARE(result(dumped).value(QLatin1String("tool")).toString(), QStringLiteral("pg_dump"));
    const QByteArray dump = streamBytes(id);
    QVERIFY(dump.contains("CREATE TABLE public.items"));
    QCOMPARE(result(dumped).value(QLatin1String("bytes")).toInteger(), dump.size());
    // The password went to the exec's environment, never its command.
    QVERIFY(!docker.run({QStringLiteral("inspect"), QStringLiteral("qwqdb-client")}).contains("qwq-pg-secret"));

    // Restore through psql in the container.
    psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE restored_in_container"));
    QJsonObject rp = params;
    rp.insert(QStringLiteral("database"), QStringLiteral("restored_in_container"));
    const QJsonObject restored = restore(rp, dump);
    QVERIFY2(restored.contains(QLatin1String("result")), QJsonDocument(restored).toJson().constData());
    const QString query = QStringLiteral("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM items");
    QCOMPARE(psql(QStringLiteral("restored_in_container"), query), psql(QStringLiteral("qwqtest"), query));

    // Wrong password inside the container: the same error as on the host.
    QJsonObject bad = params;
    bad.insert(QStringLiteral("password"), QStringLiteral("wrong"));
    const QJsonObject refused = call(QStringLiteral("databases.dump"), bad);
    QWQ_VERIFY_ERROR(refused, 6001);
    QCOMPARE(errorField(refused), QStringLiteral("password"));

    // The container has no MariaDB tools: 6003, before anything else runs.
    QJsonObject my = params;
    my.insert(QStringLiteral("engine"), QStringLiteral("mariadb"));
    const QJsonObject missing = call(QStringLiteral("databases.dump"), my);
    QWQ_VERIFY_ERROR(missing, 6003);
    QCOMPARE(errorField(missing), QStringLiteral("engine"));

    // Cancel: the exec's pg_dump (waiting for a lock) ends; Docker alone would leave it.
    QProcess locker;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("qwq-pg-secret"));
    locker.setProcessEnvironment(env);
    locker.start(m_env.value(QStringLiteral("PG_BIN")) + QStringLiteral("/psql"),
                 {QStringLiteral("-X"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  m_env.value(QStringLiteral("PG_PORT")), QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("-d"), QStringLiteral("qwqtest"), QStringLiteral("-c"),
                  QStringLiteral("BEGIN; LOCK TABLE locked IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(60);")});
    QVERIFY(locker.waitForStarted());
    auto endLocker = qScopeGuard([&] { locker.kill(); locker.waitForFinished(5000); });
    QTRY_COMPARE_WITH_TIMEOUT(psql(QStringLiteral("qwqtest"),
                                   QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                                  "WHERE c.relname = 'locked' AND l.mode = 'AccessExclusiveLock'")),
                              QByteArray("1"), 10000);
    const QByteArray clientId = docker.run({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"),
                                            QStringLiteral("qwqdb-client")});
    // pg_dump processes in the client container's cgroup.
    auto dumpsInContainer = [&] {
        QList<int> pids;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool ok = false;
            const int pid = entry.toInt(&ok);
            QFile comm(QStringLiteral("/proc/%1/comm").arg(pid)), cgroup(QStringLiteral("/proc/%1/cgroup").arg(pid));
            if (ok && comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "pg_dump"
                && cgroup.open(QIODevice::ReadOnly) && cgroup.readAll().contains(clientId))
                pids.append(pid);
        }
        return pids;
    };
    const int slow = start(QStringLiteral("databases.dump"), params);
    QTRY_VERIFY_WITH_TIMEOUT(!dumpsInContainer().isEmpty(), 15000);
    notify(QStringLiteral("$/cancel"), {{QStringLiteral("id"), slow}});
    QWQ_VERIFY_ERROR(m_helper->response(slow, 15000), -32800);
    QTRY_VERIFY_WITH_TIMEOUT(dumpsInContainer().isEmpty(), 5000);

    // No such container.
    QJsonObject gone = params;
    gone.insert(QStringLiteral("container"), QStringLiteral("nosuchcontainer"));
    const QJsonObject notFound = call(QStringLiteral("databases.dump"), gone);
    QWQ_VERIFY_ERROR(notFound, 4000);
    QCOMPARE(errorField(notFound), QStringLiteral("container"));
}
