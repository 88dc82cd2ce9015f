// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Images, volumes, networks, bad input and the socket param against a real dockerd.
#include "tst_helper_docker.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ProtocolTest;

namespace {

QJsonObject errorData(const QJsonObject &response)
{
    return response.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
}

bool containsName(const QJsonArray &list, const char *key, const QString &value)
{
    for (const auto &v : list)
        if (v.toObject().value(QLatin1String(key)).toString() == value)
            return true;
    return false;
}

} // namespace

void tst_HelperDocker::images()
{
    const QJsonArray list = result(call(QStringLiteral("images.list"))).value(QLatin1String("images")).toArray();
    QJsonObject busybox;
    for (const auto &i : list)
        if (i.toObject().value(QLatin1String("repoTags")).toArray().contains(m_image))
            busybox = i.toObject();
    QVERIFY2(!busybox.isEmpty(), "the test image is not listed");
    QVERIFY(busybox.value(QLatin1String("id")).toString().startsWith(QLatin1String("sha256:")));
    QVERIFY(busybox.value(QLatin1String("size")).toDouble() > 100000);
    QCOMPARE(busybox.value(QLatin1String("dangling")).toBool(), false);

    const QJsonObject inspect = result(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), m_image}}));
    QCOMPARE(inspect.value(QLatin1String("image")).toObject().value(QLatin1String("Id")).toString(),
             busybox.value(QLatin1String("id")).toString());
    // By id too.
    QVERIFY(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), busybox.value(QLatin1String("id")).toString()}})
                .contains(QLatin1String("result")));
    // A registry with a port, a path and a digest parse, and a missing image is 4000 naming it.
    const QString missing = QStringLiteral("registry.example:5000/team/app:1.2@sha256:")
                            + QString(64, QLatin1Char('a'));
    const QJsonObject r = call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), missing}});
    QWQ_VERIFY_ERROR(r, 4000);
    QCOMPARE(errorField(r), QStringLiteral("image"));
    QCOMPARE(errorData(r).value(QLatin1String("value")).toString(), missing);

    // Remove a second tag: only untagged, the image stays.
    docker({QStringLiteral("tag"), m_image, QStringLiteral("qwq-test/busybox:extra")});
    const QJsonObject removed = result(call(QStringLiteral("images.remove"),
                                            {{QStringLiteral("image"), QStringLiteral("qwq-test/busybox:extra")}}));
    QVERIFY(removed.value(QLatin1String("untagged")).toArray().contains(QStringLiteral("qwq-test/busybox:extra")));
    QVERIFY(removed.value(QLatin1String("deleted")).toArray().isEmpty());
    QVERIFY(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), m_image}}).contains(QLatin1String("result")));
    // An image a container uses cannot go without force: 409 → 4002.
    docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("qwq-img-user"), m_image});
    docker({QStringLiteral("tag"), m_image, QStringLiteral("qwq-test/only:1")});
    docker({QStringLiteral("rmi"), m_image});
    QWQ_VERIFY_ERROR(call(QStringLiteral("images.remove"), {{QStringLiteral("image"), QStringLiteral("qwq-test/only:1")}}), 4002);
    docker({QStringLiteral("tag"), QStringLiteral("qwq-test/only:1"), m_image});
    docker({QStringLiteral("rmi"), QStringLiteral("qwq-test/only:1")});
    docker({QStringLiteral("rm"), QStringLiteral("qwq-img-user")});
}

void tst_HelperDocker::imagesPruneDryRunThenPrune()
{
    // A dangling image: the test image's files imported again without a name.
    const QString tar = m_dir.filePath(QStringLiteral("dangling.tar"));
    docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("qwq-export"), m_image});
    docker({QStringLiteral("export"), QStringLiteral("-o"), tar, QStringLiteral("qwq-export")});
    docker({QStringLiteral("rm"), QStringLiteral("qwq-export")});
    const QString danglingId = QString::fromUtf8(docker({QStringLiteral("import"), tar}));
    QVERIFY2(danglingId.startsWith(QLatin1String("sha256:")), qPrintable(danglingId));

    const QJsonObject dry = result(call(QStringLiteral("images.prune"), {{QStringLiteral("dryRun"), true}}));
    QCOMPARE(dry.value(QLatin1String("dryRun")).toBool(), true);
    QVERIFY(containsName(dry.value(QLatin1String("images")).toArray(), "id", danglingId));
    QVERIFY(!containsName(dry.value(QLatin1String("images")).toArray(), "id",
                          result(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), m_image}}))
                              .value(QLatin1String("image")).toObject().value(QLatin1String("Id")).toString()));
    QVERIFY(dry.value(QLatin1String("spaceReclaimable")).toDouble() >= 0);
    // The dry run changed nothing.
    QVERIFY(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), danglingId}}).contains(QLatin1String("result")));

    const QJsonObject pruned = result(call(QStringLiteral("images.prune"), {}, 120000));
    QCOMPARE(pruned.value(QLatin1String("dryRun")).toBool(), false);
    QVERIFY(pruned.value(QLatin1String("deleted")).toArray().contains(danglingId));
    QVERIFY(pruned.contains(QLatin1String("spaceReclaimed")));
    QWQ_VERIFY_ERROR(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), danglingId}}), 4000);
    // The tagged test image survives a dangling-only prune.
    QVERIFY(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), m_image}}).contains(QLatin1String("result")));
}

void tst_HelperDocker::imagesPullFromALocalRegistry()
{
    // A real registry (docker-registry) on loopback; 127.0.0.0/8 registries need no TLS.
    const QString registry = QStandardPaths::findExecutable(QStringLiteral("docker-registry"));
    if (registry.isEmpty())
        QSKIP("docker-registry not installed");
    int port = 0;
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), len), 0);
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
        port = ntohs(addr.sin_port);
        ::close(fd);
    }
    QFile config(m_dir.filePath(QStringLiteral("registry.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %1\n"
                                "http:\n  addr: 127.0.0.1:%2\n")
                     .arg(m_dir.filePath(QStringLiteral("registry")))
                     .arg(port)
                     .toUtf8());
    config.close();
    QProcess server;
    server.setStandardErrorFile(m_dir.filePath(QStringLiteral("registry.log")));
    server.start(registry, {QStringLiteral("serve"), config.fileName()});
    QVERIFY(server.waitForStarted());
    const QString repo = QStringLiteral("127.0.0.1:%1/qwq-test/pulled").arg(port);
    const QString ref = repo + QStringLiteral(":1");
    auto stopServer = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished();
    });
    // An image with a layer of its own (random bytes), so the pull really downloads one.
    docker({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("qwq-push-src"), m_image, QStringLiteral("sh"),
            QStringLiteral("-c"), QStringLiteral("head -c 3000000 /dev/urandom >/blob")});
    docker({QStringLiteral("commit"), QStringLiteral("qwq-push-src"), ref});
    docker({QStringLiteral("rm"), QStringLiteral("qwq-push-src")});
    QByteArray pushed = "<failed>";
    for (int i = 0; i < 50 && pushed == "<failed>"; ++i) { // until the registry listens
        QTest::qWait(100);
        pushed = docker({QStringLiteral("push"), ref});
    }
    QVERIFY2(pushed != "<failed>", "docker push to the local registry failed");
    docker({QStringLiteral("rmi"), ref});
    QWQ_VERIFY_ERROR(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), ref}}), 4000);

    // Credentials travel as X-Registry-Auth; this registry asks for none, so the pull proceeds.
    const int id = start(QStringLiteral("images.pull"),
                         {{QStringLiteral("image"), ref},
                          {QStringLiteral("auth"), QJsonObject{{QStringLiteral("username"), QStringLiteral("qwq")},
                                                               {QStringLiteral("password"), QStringLiteral("pw")},
                                                               {QStringLiteral("serveraddress"), repo.section(QLatin1Char('/'), 0, 0)}}}});
    const QJsonObject r = m_helper->response(id, 120000);
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    QVERIFY(result(r).value(QLatin1String("digest")).toString().startsWith(QLatin1String("sha256:")));
    QCOMPARE(result(r).value(QLatin1String("attempts")).toInt(), 1);
    QVERIFY2(result(r).value(QLatin1String("status")).toString().contains(QLatin1String("Downloaded newer image")),
             qPrintable(result(r).value(QLatin1String("status")).toString()));
    QStringList layerStates;
    for (const auto &n : m_helper->notifications) {
        const QJsonObject p = n.value(QLatin1String("params")).toObject();
        if (p.value(QLatin1String("id")).toInt() != id)
            continue;
        for (const auto &l : p.value(QLatin1String("data")).toObject().value(QLatin1String("layers")).toArray())
            layerStates << l.toObject().value(QLatin1String("status")).toString();
    }
    QVERIFY2(layerStates.contains(QStringLiteral("Pull complete")), qPrintable(layerStates.join(QLatin1Char(','))));
    QVERIFY(call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), ref}}).contains(QLatin1String("result")));

    // Pulling what the registry does not have names the image.
    const QJsonObject missing = call(QStringLiteral("images.pull"), {{QStringLiteral("image"), QString(repo + QStringLiteral(":nope"))}}, 60000);
    QVERIFY2(errorCode(missing) == 4000 || errorCode(missing) == 4001, qPrintable(QJsonDocument(missing).toJson()));
    QCOMPARE(errorField(missing), QStringLiteral("image"));
    QVERIFY(!errorData(missing).value(QLatin1String("detail")).toString().isEmpty());
    docker({QStringLiteral("rmi"), ref});
}

void tst_HelperDocker::volumes()
{
    const QJsonObject created = result(call(QStringLiteral("volumes.create"),
                                            {{QStringLiteral("name"), QStringLiteral("qwq-vol-1")},
                                             {QStringLiteral("labels"), QJsonObject{{QStringLiteral("qwq.test"), QStringLiteral("yes")}}}}));
    QCOMPARE(created.value(QLatin1String("volume")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("qwq-vol-1"));
    QJsonArray list = result(call(QStringLiteral("volumes.list"))).value(QLatin1String("volumes")).toArray();
    QVERIFY(containsName(list, "name", QStringLiteral("qwq-vol-1")));
    for (const auto &v : list)
        if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("qwq-vol-1"))
            QCOMPARE(v.toObject().value(QLatin1String("labels")).toObject().value(QLatin1String("qwq.test")).toString(),
                     QStringLiteral("yes"));

    // An anonymous volume (Docker names it) that nothing uses; a named one a container uses.
    const QString anonymous = result(call(QStringLiteral("volumes.create")))
                                  .value(QLatin1String("volume")).toObject().value(QLatin1String("name")).toString();
    QCOMPARE(anonymous.size(), 64);
    docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("qwq-vol-user"), QStringLiteral("-v"),
            QStringLiteral("qwq-vol-used:/data"), m_image});

    QJsonObject dry = result(call(QStringLiteral("volumes.prune"), {{QStringLiteral("dryRun"), true}}));
    QVERIFY(containsName(dry.value(QLatin1String("volumes")).toArray(), "name", anonymous));
    QVERIFY(!containsName(dry.value(QLatin1String("volumes")).toArray(), "name", QStringLiteral("qwq-vol-1")));
    QVERIFY(!containsName(dry.value(QLatin1String("volumes")).toArray(), "name", QStringLiteral("qwq-vol-used")));
    dry = result(call(QStringLiteral("volumes.prune"), {{QStringLiteral("dryRun"), true}, {QStringLiteral("all"), true}}));
    QVERIFY(containsName(dry.value(QLatin1String("volumes")).toArray(), "name", QStringLiteral("qwq-vol-1")));
    QVERIFY(!containsName(dry.value(QLatin1String("volumes")).toArray(), "name", QStringLiteral("qwq-vol-used")));

    const QJsonObject pruned = result(call(QStringLiteral("volumes.prune")));
    QVERIFY(containsName(pruned.value(QLatin1String("volumes")).toArray(), "name", anonymous));
    list = result(call(QStringLiteral("volumes.list"))).value(QLatin1String("volumes")).toArray();
    QVERIFY(!containsName(list, "name", anonymous));
    QVERIFY(containsName(list, "name", QStringLiteral("qwq-vol-1")));

    // Remove: in use → 4002; gone → 4000 naming the field.
    QWQ_VERIFY_ERROR(call(QStringLiteral("volumes.remove"), {{QStringLiteral("name"), QStringLiteral("qwq-vol-used")}}), 4002);
    QVERIFY(call(QStringLiteral("volumes.remove"), {{QStringLiteral("name"), QStringLiteral("qwq-vol-1")}}).contains(QLatin1String("result")));
    const QJsonObject gone = call(QStringLiteral("volumes.remove"), {{QStringLiteral("name"), QStringLiteral("qwq-vol-1")}});
    QWQ_VERIFY_ERROR(gone, 4000);
    QCOMPARE(errorField(gone), QStringLiteral("name"));
    docker({QStringLiteral("rm"), QStringLiteral("-v"), QStringLiteral("qwq-vol-user")});
    docker({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("qwq-vol-used")});
}

void tst_HelperDocker::networks()
{
    const QJsonObject created = result(call(QStringLiteral("networks.create"),
                                            {{QStringLiteral("name"), QStringLiteral("qwq-net-1")},
                                             {QStringLiteral("internal"), true},
                                             {QStringLiteral("labels"), QJsonObject{{QStringLiteral("qwq.test"), QStringLiteral("1")}}}}));
    QCOMPARE(created.value(QLatin1String("id")).toString().size(), 64);
    QJsonObject net;
    for (const auto &n : result(call(QStringLiteral("networks.list"))).value(QLatin1String("networks")).toArray())
        if (n.toObject().value(QLatin1String("name")).toString() == QLatin1String("qwq-net-1"))
            net = n.toObject();
    QVERIFY(!net.isEmpty());
    QCOMPARE(net.value(QLatin1String("internal")).toBool(), true);
    QCOMPARE(net.value(QLatin1String("driver")).toString(), QStringLiteral("bridge"));
    // A second network with the same name is a conflict.
    QVERIFY(errorCode(call(QStringLiteral("networks.create"), {{QStringLiteral("name"), QStringLiteral("qwq-net-1")}})) >= 4001);

    docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"), QStringLiteral("--name"),
            QStringLiteral("qwq-net-user"), m_image, QStringLiteral("sleep"), QStringLiteral("100000")});
    const QJsonObject connect{{QStringLiteral("network"), QStringLiteral("qwq-net-1")},
                              {QStringLiteral("container"), QStringLiteral("qwq-net-user")},
                              {QStringLiteral("aliases"), QJsonArray{QStringLiteral("web")}}};
    QVERIFY(call(QStringLiteral("networks.connect"), connect).contains(QLatin1String("result")));
    const QByteArray nets = docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                    QStringLiteral("{{json .NetworkSettings.Networks}}"), QStringLiteral("qwq-net-user")});
    QVERIFY2(nets.contains("qwq-net-1"), nets.constData());
    QJsonObject missing = connect;
    missing.insert(QStringLiteral("container"), QStringLiteral("qwq-nobody"));
    QJsonObject r = call(QStringLiteral("networks.connect"), missing);
    QWQ_VERIFY_ERROR(r, 4000);
    QCOMPARE(errorField(r), QStringLiteral("container"));

    QVERIFY(call(QStringLiteral("networks.disconnect"), {{QStringLiteral("network"), QStringLiteral("qwq-net-1")},
                                                         {QStringLiteral("container"), QStringLiteral("qwq-net-user")}})
                .contains(QLatin1String("result")));
    QVERIFY(call(QStringLiteral("networks.remove"), {{QStringLiteral("network"), QStringLiteral("qwq-net-1")}}).contains(QLatin1String("result")));
    r = call(QStringLiteral("networks.remove"), {{QStringLiteral("network"), QStringLiteral("qwq-net-1")}});
    QWQ_VERIFY_ERROR(r, 4000);
    QCOMPARE(errorField(r), QStringLiteral("network"));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("qwq-net-user")});
}

void tst_HelperDocker::badInput_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("field");
    const auto id = [](const QString &v) { return QJsonObject{{QStringLiteral("id"), v}}; };
    const QStringList badNames = {QStringLiteral("x;rm -rf /"), QStringLiteral("$(reboot)"), QStringLiteral("-rf"),
                                  QStringLiteral("a b"), QStringLiteral("a\nb"), QString(), QStringLiteral("../x"),
                                  QStringLiteral("x`id`"), QString(256, QLatin1Char('a'))};
    int n = 0;
    for (const QString &bad : badNames) {
        for (const char *m : {"containers.inspect", "containers.start", "containers.stop", "containers.logs",
                              "containers.stats", "containers.remove", "containers.top"})
            QTest::addRow("%s-%d", m, n) << QString::fromLatin1(m) << id(bad) << QStringLiteral("id");
        QTest::addRow("rename-%d", n) << QStringLiteral("containers.rename")
                                      << QJsonObject{{QStringLiteral("id"), QStringLiteral("ok")}, {QStringLiteral("name"), bad}}
                                      << QStringLiteral("name");
        QTest::addRow("volume-%d", n) << QStringLiteral("volumes.remove") << QJsonObject{{QStringLiteral("name"), bad}}
                                      << QStringLiteral("name");
        QTest::addRow("network-%d", n) << QStringLiteral("networks.create") << QJsonObject{{QStringLiteral("name"), bad}}
                                       << QStringLiteral("name");
        QTest::addRow("connect-%d", n) << QStringLiteral("networks.connect")
                                       << QJsonObject{{QStringLiteral("network"), QStringLiteral("ok")}, {QStringLiteral("container"), bad}}
                                       << QStringLiteral("container");
        ++n;
    }
    for (const QString &bad : {QStringLiteral("Busybox"), QStringLiteral("busybox;ls"), QStringLiteral("-x"),
                               QStringLiteral("a b"), QStringLiteral("busybox:"), QStringLiteral("busybox@sha256:12"),
                               QStringLiteral("reg:99999/x"), QStringLiteral("x/$(id)"), QStringLiteral("a//b"),
                               QStringLiteral("busybox\n")}) {
        for (const char *m : {"images.inspect", "images.remove", "images.pull"})
            QTest::addRow("%s-%d", m, n) << QString::fromLatin1(m) << QJsonObject{{QStringLiteral("image"), bad}}
                                         << QStringLiteral("image");
        ++n;
    }
    const QJsonObject ok{{QStringLiteral("id"), QStringLiteral("qwq-x")}};
    auto with = [&ok](const char *key, const QJsonValue &v) { QJsonObject p = ok; p.insert(QLatin1String(key), v); return p; };
    for (const QString &sig : {QStringLiteral("SIGFOO"), QStringLiteral("0"), QStringLiteral("65"), QStringLiteral("KILL;"),
                               QStringLiteral("-9"), QStringLiteral("sigkill"), QStringLiteral("9 ")})
        QTest::addRow("signal-%s", qPrintable(sig)) << QStringLiteral("containers.kill") << with("signal", sig) << QStringLiteral("signal");
    QTest::newRow("stop-timeout-neg") << QStringLiteral("containers.stop") << with("timeout", -1) << QStringLiteral("timeout");
    QTest::newRow("stop-timeout-big") << QStringLiteral("containers.restart") << with("timeout", 99999) << QStringLiteral("timeout");
    QTest::newRow("tail-neg") << QStringLiteral("containers.logs") << with("tail", -1) << QStringLiteral("tail");
    QTest::newRow("since-neg") << QStringLiteral("containers.logs") << with("since", -5) << QStringLiteral("since");
    QTest::newRow("until-before-since") << QStringLiteral("containers.logs")
                                        << QJsonObject{{QStringLiteral("id"), QStringLiteral("x1")}, {QStringLiteral("since"), 100}, {QStringLiteral("until"), 50}}
                                        << QStringLiteral("until");
    QTest::newRow("no-streams") << QStringLiteral("containers.logs")
                                << QJsonObject{{QStringLiteral("id"), QStringLiteral("x1")}, {QStringLiteral("stdout"), false}, {QStringLiteral("stderr"), false}}
                                << QStringLiteral("stdout");
    QTest::newRow("project") << QStringLiteral("containers.list") << QJsonObject{{QStringLiteral("project"), QStringLiteral("a;b")}} << QStringLiteral("project");
    QTest::newRow("volume-short") << QStringLiteral("volumes.create") << QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}} << QStringLiteral("name");
    QTest::newRow("driver") << QStringLiteral("volumes.create") << QJsonObject{{QStringLiteral("driver"), QStringLiteral("local;x")}} << QStringLiteral("driver");
    QTest::newRow("label-key") << QStringLiteral("volumes.create")
                               << QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("a;b"), QStringLiteral("x")}}}} << QStringLiteral("labels");
    QTest::newRow("label-value") << QStringLiteral("networks.create")
                                 << QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")}, {QStringLiteral("labels"), QJsonObject{{QStringLiteral("a"), QStringLiteral("x\ny")}}}}
                                 << QStringLiteral("labels");
    QTest::newRow("subnet") << QStringLiteral("networks.create")
                            << QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")}, {QStringLiteral("subnet"), QStringLiteral("300.1.1.0/24")}}
                            << QStringLiteral("subnet");
    QTest::newRow("gateway") << QStringLiteral("networks.create")
                             << QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")}, {QStringLiteral("subnet"), QStringLiteral("10.99.0.0/24")},
                                            {QStringLiteral("gateway"), QStringLiteral("10.99.0.1; x")}}
                             << QStringLiteral("gateway");
    QTest::newRow("alias") << QStringLiteral("networks.connect")
                           << QJsonObject{{QStringLiteral("network"), QStringLiteral("n1")}, {QStringLiteral("container"), QStringLiteral("c1")},
                                          {QStringLiteral("aliases"), QJsonArray{QStringLiteral("-a")}}}
                           << QStringLiteral("aliases");
    const auto create = [this](const char *key, const QJsonValue &v) {
        return QJsonObject{{QStringLiteral("image"), m_image}, {QLatin1String(key), v}};
    };
    const auto port = [](const QJsonObject &p) { return QJsonArray{p}; };
    const auto mount = [](const char *volume, const char *target) {
        return QJsonArray{QJsonObject{{QStringLiteral("volume"), QLatin1String(volume)}, {QStringLiteral("target"), QLatin1String(target)}}};
    };
    QTest::newRow("create-image") << QStringLiteral("containers.create") << QJsonObject{{QStringLiteral("image"), QStringLiteral("x;y")}} << QStringLiteral("image");
    QTest::newRow("create-name") << QStringLiteral("containers.create") << create("name", QStringLiteral("-x")) << QStringLiteral("name");
    QTest::newRow("create-env-key") << QStringLiteral("containers.create") << create("env", QJsonArray{QStringLiteral("1X=2")}) << QStringLiteral("env");
    QTest::newRow("create-env-space") << QStringLiteral("containers.create") << create("env", QJsonArray{QStringLiteral("A B=c")}) << QStringLiteral("env");
    QTest::newRow("create-env-noeq") << QStringLiteral("containers.create") << create("env", QJsonArray{QStringLiteral("JUSTKEY")}) << QStringLiteral("env");
    QTest::newRow("create-port-0") << QStringLiteral("containers.create") << create("ports", port({{QStringLiteral("container"), 0}})) << QStringLiteral("ports");
    QTest::newRow("create-port-big") << QStringLiteral("containers.create") << create("ports", port({{QStringLiteral("container"), 80}, {QStringLiteral("host"), 70000}})) << QStringLiteral("ports");
    QTest::newRow("create-proto") << QStringLiteral("containers.create") << create("ports", port({{QStringLiteral("container"), 80}, {QStringLiteral("protocol"), QStringLiteral("icmp")}})) << QStringLiteral("ports");
    QTest::newRow("create-hostip") << QStringLiteral("containers.create") << create("ports", port({{QStringLiteral("container"), 80}, {QStringLiteral("hostIp"), QStringLiteral("0.0.0.0;")}})) << QStringLiteral("ports");
    QTest::newRow("create-target-rel") << QStringLiteral("containers.create") << create("volumes", mount("data", "data")) << QStringLiteral("volumes");
    QTest::newRow("create-target-dotdot") << QStringLiteral("containers.create") << create("volumes", mount("data", "/a/../etc")) << QStringLiteral("volumes");
    QTest::newRow("create-host-path") << QStringLiteral("containers.create") << create("volumes", mount("/etc", "/x")) << QStringLiteral("volumes");
    QTest::newRow("create-host-net") << QStringLiteral("containers.create") << create("network", QStringLiteral("host")) << QStringLiteral("network");
    QTest::newRow("create-restart") << QStringLiteral("containers.create") << create("restart", QStringLiteral("sometimes")) << QStringLiteral("restart");
    QTest::newRow("socket") << QStringLiteral("containers.list") << QJsonObject{{QStringLiteral("socket"), QStringLiteral("relative.sock")}}
                            << QStringLiteral("socket");
}

void tst_HelperDocker::badInput()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, params);
    QFETCH(QString, field);
    const QJsonObject r = call(method, params);
    QWQ_VERIFY_ERROR(r, 1001);
    QCOMPARE(errorField(r), field);
    QVERIFY(!errorData(r).value(QLatin1String("hint")).toString().isEmpty());
}

void tst_HelperDocker::socketParam()
{
    // A helper whose environment points nowhere still reaches the daemon through `socket`.
    qputenv("DOCKER_HOST", "unix:///nonexistent/docker.sock");
    Helper other;
    qputenv("DOCKER_HOST", ("unix://" + m_socket).toUtf8());
    other.initialize();
    QWQ_VERIFY_ERROR(other.call(1, QStringLiteral("images.list")), 4003);
    const QJsonObject r = other.call(2, QStringLiteral("images.list"), {{QStringLiteral("socket"), m_socket}});
    QVERIFY(!result(r).value(QLatin1String("images")).toArray().isEmpty());
}

void tst_HelperDocker::readOnlyRefusesChanges()
{
    Helper ro({QStringLiteral("serve"), QStringLiteral("--read-only")});
    ro.initialize();
    QVERIFY(ro.call(1, QStringLiteral("containers.list")).contains(QLatin1String("result")));
    QWQ_VERIFY_ERROR(ro.call(2, QStringLiteral("containers.remove"), {{QStringLiteral("id"), QStringLiteral("x1")}}), 1003);
    QWQ_VERIFY_ERROR(ro.call(3, QStringLiteral("images.prune")), 1003);
    QWQ_VERIFY_ERROR(ro.call(4, QStringLiteral("containers.stop"), {{QStringLiteral("id"), QStringLiteral("x1")}}), 1003);
}
