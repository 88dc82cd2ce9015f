// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Containers against a real dockerd: fixture, capabilities, lifecycle, logs, stats, top.
#include "tst_helper_docker.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ProtocolTest;

namespace {

QJsonObject data(const QJsonObject &notification)
{
    return notification.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject();
}

int streamId(const QJsonObject &notification)
{
    return notification.value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInt(-1);
}

// (stream, line) pairs of every containers.logs notification for `id`, in order.
QList<QPair<QString, QString>> logLines(const QList<QJsonObject> &notifications, int id,
                                        int *messages = nullptr)
{
    QList<QPair<QString, QString>> lines;
    int count = 0;
    for (const auto &n : notifications) {
        if (streamId(n) != id)
            continue;
        ++count;
        for (const auto &run : data(n).value(QLatin1String("runs")).toArray()) {
            const QString stream = run.toObject().value(QLatin1String("stream")).toString();
            for (const auto &line : run.toObject().value(QLatin1String("lines")).toArray())
                lines.append({stream, line.toString()});
        }
    }
    if (messages)
        *messages = count;
    return lines;
}

QString state(const QJsonObject &inspect)
{
    return inspect.value(QLatin1String("result")).toObject().value(QLatin1String("container")).toObject()
        .value(QLatin1String("State")).toObject().value(QLatin1String("Status")).toString();
}

} // namespace

void tst_HelperDocker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::MergedChannels);
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dockerd.sh"),
                                           QStringLiteral("start"), m_dir.path()});
    QVERIFY(fixture.waitForFinished(180000));
    const QByteArray output = fixture.readAll();
    if (fixture.exitCode() == 77) {
        m_skip = QString::fromUtf8(output.trimmed());
        QSKIP(qPrintable(QStringLiteral("no dockerd: ") + m_skip));
    }
    QVERIFY2(fixture.exitCode() == 0, output.constData());

    QFile env(m_dir.filePath(QStringLiteral("env")));
    QVERIFY(env.open(QIODevice::ReadOnly));
    for (const QByteArray &line : env.readAll().split('\n')) {
        if (line.startsWith("DOCKER_SOCK="))
            m_socket = QString::fromUtf8(line.mid(12));
        else if (line.startsWith("TEST_IMAGE="))
            m_image = QString::fromUtf8(line.mid(11));
    }
    QVERIFY(!m_socket.isEmpty() && !m_image.isEmpty());
    // Every helper this test starts finds the private daemon through DOCKER_HOST, and keeps
    // compose projects and self-heal state under the test's directory.
    qputenv("DOCKER_HOST", ("unix://" + m_socket).toUtf8());
    qputenv("QWQ_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    m_compose = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
    m_helper = std::make_unique<Helper>();
    QVERIFY(result(m_helper->initialize()).contains(QLatin1String("helper")));
}

void tst_HelperDocker::cleanupTestCase()
{
    m_helper.reset();
    if (m_socket.isEmpty())
        return;
    QProcess fixture;
    fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/dockerd.sh"),
                                           QStringLiteral("stop"), m_dir.path()});
    fixture.waitForFinished(60000);
}

void tst_HelperDocker::init()
{
    if (m_helper) {
        m_helper->notifications.clear();
        m_helper->others.clear();
    }
}

QByteArray tst_HelperDocker::docker(const QStringList &args, int timeoutMs)
{
    QProcess p;
    const QString cli = QFile::exists(QStringLiteral("/usr/bin/docker")) ? QStringLiteral("/usr/bin/docker")
                                                                         : QStringLiteral("docker");
    p.start(cli, QStringList{QStringLiteral("-H"), QStringLiteral("unix://") + m_socket} + args);
    if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0) {
        qWarning() << "docker" << args << "failed:" << p.readAllStandardError();
        return QByteArray("<failed>");
    }
    return p.readAllStandardOutput().trimmed();
}

int tst_HelperDocker::start(const QString &method, QJsonObject params)
{
    const int id = m_nextId++;
    const QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                              {QStringLiteral("id"), id},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    m_helper->send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    return id;
}

QJsonObject tst_HelperDocker::call(const QString &method, QJsonObject params, int timeoutMs)
{
    return m_helper->response(start(method, params), timeoutMs);
}

void tst_HelperDocker::cancel(int id)
{
    m_helper->send(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                             {QStringLiteral("method"), QStringLiteral("$/cancel")},
                                             {QStringLiteral("params"), QJsonObject{{QStringLiteral("id"), id}}}})
                       .toJson(QJsonDocument::Compact));
}

QJsonObject tst_HelperDocker::findContainer(const QString &name)
{
    const QJsonObject r = call(QStringLiteral("containers.list"));
    for (const auto &c : result(r).value(QLatin1String("containers")).toArray())
        if (c.toObject().value(QLatin1String("name")).toString() == name)
            return c.toObject();
    return {};
}

void tst_HelperDocker::capabilitiesNeedAnAnsweringDaemon()
{
    const QJsonObject r = result(m_helper->initialize());
    QVERIFY(r.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("docker")));
    const QJsonObject details = r.value(QLatin1String("details")).toObject().value(QLatin1String("docker")).toObject();
    QCOMPARE(details.value(QLatin1String("socket")).toString(), m_socket);
    QVERIFY(details.value(QLatin1String("api")).toString().startsWith(QLatin1String("1.")));

    // A socket file nobody listens on (a stopped daemon leaves one behind): no "docker".
    const QString stale = m_dir.filePath(QStringLiteral("stale.sock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    qstrncpy(addr.sun_path, stale.toUtf8().constData(), sizeof addr.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    ::close(fd);
    qputenv("DOCKER_HOST", ("unix://" + stale).toUtf8());
    Helper other;
    qputenv("DOCKER_HOST", ("unix://" + m_socket).toUtf8());
    const QJsonObject o = result(other.initialize());
    QVERIFY(!o.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("docker")));
    const QJsonObject od = o.value(QLatin1String("details")).toObject().value(QLatin1String("docker")).toObject();
    QCOMPARE(od.value(QLatin1String("socket")).toString(), stale);
    QVERIFY(!od.value(QLatin1String("error")).toString().isEmpty());
    // …and a call says Docker is unavailable.
    QWQ_VERIFY_ERROR(other.call(1, QStringLiteral("containers.list")), 4003);
}

void tst_HelperDocker::listGroupsComposeProjects()
{
    docker({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("qwq-web-1"),
            QStringLiteral("--label"), QStringLiteral("com.docker.compose.project=shop"),
            QStringLiteral("--label"), QStringLiteral("com.docker.compose.service=web"),
            QStringLiteral("--label"), QStringLiteral("com.docker.compose.project.working_dir=/srv/shop"),
            QStringLiteral("--label"), QStringLiteral("com.docker.compose.project.config_files=/srv/shop/compose.yml,/srv/shop/override.yml"),
            QStringLiteral("--label"), QStringLiteral("com.docker.compose.container-number=1"),
            m_image, QStringLiteral("true")});
    const QJsonObject c = findContainer(QStringLiteral("qwq-web-1"));
    QVERIFY2(!c.isEmpty(), "created container not listed (all defaults to true)");
    QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("created"));
    QCOMPARE(c.value(QLatin1String("image")).toString(), m_image);
    QCOMPARE(c.value(QLatin1String("id")).toString().size(), 64);
    QVERIFY(c.value(QLatin1String("created")).toInteger() > 1600000000);
    const QJsonObject compose = c.value(QLatin1String("compose")).toObject();
    QCOMPARE(compose.value(QLatin1String("project")).toString(), QStringLiteral("shop"));
    QCOMPARE(compose.value(QLatin1String("service")).toString(), QStringLiteral("web"));
    QCOMPARE(compose.value(QLatin1String("workingDir")).toString(), QStringLiteral("/srv/shop"));
    QCOMPARE(compose.value(QLatin1String("configFiles")).toArray().size(), 2);
    QCOMPARE(compose.value(QLatin1String("number")).toInt(), 1);
    QCOMPARE(c.value(QLatin1String("labels")).toObject().value(QLatin1String("com.docker.compose.service")).toString(),
             QStringLiteral("web"));

    // The project filter, and all=false leaving out what does not run.
    const QJsonArray shop = result(call(QStringLiteral("containers.list"), {{QStringLiteral("project"), QStringLiteral("shop")}}))
                                .value(QLatin1String("containers")).toArray();
    QCOMPARE(shop.size(), 1);
    const QJsonArray running = result(call(QStringLiteral("containers.list"), {{QStringLiteral("all"), false}}))
                                   .value(QLatin1String("containers")).toArray();
    for (const auto &r : running)
        QVERIFY(r.toObject().value(QLatin1String("name")).toString() != QLatin1String("qwq-web-1"));
    docker({QStringLiteral("rm"), QStringLiteral("qwq-web-1")});
}

void tst_HelperDocker::lifecycle()
{
    const QString name = QStringLiteral("qwq-life");
    QVERIFY(docker({QStringLiteral("create"), QStringLiteral("--init"), QStringLiteral("--name"), name,
                    m_image, QStringLiteral("sleep"), QStringLiteral("100000")}) != "<failed>");
    const QJsonObject id{{QStringLiteral("id"), name}};
    auto withTimeout = [&](int t) { QJsonObject p = id; p.insert(QStringLiteral("timeout"), t); return p; };

    QJsonObject r = call(QStringLiteral("containers.start"), id);
    QCOMPARE(result(r).value(QLatin1String("changed")).toBool(), true);
    r = call(QStringLiteral("containers.start"), id); // already running: 304
    QCOMPARE(result(r).value(QLatin1String("changed")).toBool(), false);
    QCOMPARE(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("running"));
    QCOMPARE(findContainer(name).value(QLatin1String("state")).toString(), QStringLiteral("running"));

    QVERIFY(call(QStringLiteral("containers.pause"), id).contains(QLatin1String("result")));
    QCOMPARE(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("paused"));
    QVERIFY(call(QStringLiteral("containers.unpause"), id).contains(QLatin1String("result")));
    QCOMPARE(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("running"));

    QVERIFY(call(QStringLiteral("containers.restart"), withTimeout(1)).contains(QLatin1String("result")));
    QCOMPARE(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("running"));

    r = call(QStringLiteral("containers.stop"), withTimeout(1));
    QCOMPARE(result(r).value(QLatin1String("changed")).toBool(), true);
    QCOMPARE(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("exited"));
    r = call(QStringLiteral("containers.stop"), withTimeout(1));
    QCOMPARE(result(r).value(QLatin1String("changed")).toBool(), false);

    // kill with a validated signal; killing what does not run is Docker's 409 → 4002.
    QVERIFY(call(QStringLiteral("containers.start"), id).contains(QLatin1String("result")));
    QJsonObject kill = id;
    kill.insert(QStringLiteral("signal"), QStringLiteral("KILL"));
    QVERIFY(call(QStringLiteral("containers.kill"), kill).contains(QLatin1String("result")));
    QTRY_COMPARE_WITH_TIMEOUT(state(call(QStringLiteral("containers.inspect"), id)), QStringLiteral("exited"), 10000);
    r = call(QStringLiteral("containers.kill"), kill);
    QWQ_VERIFY_ERROR(r, 4002);
    QVERIFY(!r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject()
                 .value(QLatin1String("detail")).toString().isEmpty());

    // rename, then remove: refused while running without force (409), done with force.
    QJsonObject rename = id;
    rename.insert(QStringLiteral("name"), QStringLiteral("qwq-life-2"));
    QVERIFY(call(QStringLiteral("containers.rename"), rename).contains(QLatin1String("result")));
    const QJsonObject id2{{QStringLiteral("id"), QStringLiteral("qwq-life-2")}};
    QWQ_VERIFY_ERROR(call(QStringLiteral("containers.inspect"), id), 4000);
    QVERIFY(call(QStringLiteral("containers.start"), id2).contains(QLatin1String("result")));
    QWQ_VERIFY_ERROR(call(QStringLiteral("containers.remove"), id2), 4002);
    QJsonObject force = id2;
    force.insert(QStringLiteral("force"), true);
    force.insert(QStringLiteral("volumes"), true);
    r = call(QStringLiteral("containers.remove"), force);
    QCOMPARE(result(r).value(QLatin1String("removed")).toBool(), true);
    QVERIFY(findContainer(QStringLiteral("qwq-life-2")).isEmpty());
}

void tst_HelperDocker::createValidatedSubset()
{
    const QJsonObject params{
        {QStringLiteral("image"), m_image}, {QStringLiteral("name"), QStringLiteral("qwq-created")},
        {QStringLiteral("cmd"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"$GREETING; $(id -u)\"; sleep 1000")}},
        {QStringLiteral("env"), QJsonArray{QStringLiteral("GREETING=hello world")}},
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("qwq.test"), QStringLiteral("create")}}},
        {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("container"), 80}}}},
        {QStringLiteral("volumes"), QJsonArray{QJsonObject{{QStringLiteral("volume"), QStringLiteral("qwq-created-data")},
                                                           {QStringLiteral("target"), QStringLiteral("/data")}}}},
        {QStringLiteral("restart"), QStringLiteral("unless-stopped")}, {QStringLiteral("init"), true}};
    const QJsonObject created = result(call(QStringLiteral("containers.create"), params));
    QCOMPARE(created.value(QLatin1String("id")).toString().size(), 64);
    const QJsonObject c = result(call(QStringLiteral("containers.inspect"), {{QStringLiteral("id"), QStringLiteral("qwq-created")}}))
                              .value(QLatin1String("container")).toObject();
    const QJsonObject host = c.value(QLatin1String("HostConfig")).toObject();
    // A published port binds to 127.0.0.1 unless asked otherwise.
    QCOMPARE(host.value(QLatin1String("PortBindings")).toObject().value(QLatin1String("80/tcp")).toArray()
                 .at(0).toObject().value(QLatin1String("HostIp")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(host.value(QLatin1String("Privileged")).toBool(), false);
    QCOMPARE(host.value(QLatin1String("RestartPolicy")).toObject().value(QLatin1String("Name")).toString(),
             QStringLiteral("unless-stopped"));
    QVERIFY(c.value(QLatin1String("Config")).toObject().value(QLatin1String("Env")).toArray()
                .contains(QStringLiteral("GREETING=hello world")));
    QCOMPARE(c.value(QLatin1String("Mounts")).toArray().at(0).toObject().value(QLatin1String("Name")).toString(),
             QStringLiteral("qwq-created-data"));
    // The command is argv: the container's own shell expands it, the helper never does.
    QVERIFY(call(QStringLiteral("containers.start"), {{QStringLiteral("id"), QStringLiteral("qwq-created")}}).contains(QLatin1String("result")));
    QTRY_VERIFY_WITH_TIMEOUT(docker({QStringLiteral("logs"), QStringLiteral("qwq-created")}) == "hello world; 0", 10000);

    // A name in use is a conflict; an image that is not there is 4000 naming the image.
    QWQ_VERIFY_ERROR(call(QStringLiteral("containers.create"), {{QStringLiteral("image"), m_image}, {QStringLiteral("name"), QStringLiteral("qwq-created")}}), 4002);
    const QJsonObject noImage = call(QStringLiteral("containers.create"), {{QStringLiteral("image"), QStringLiteral("qwq-test/absent:1")}});
    QWQ_VERIFY_ERROR(noImage, 4000);
    QCOMPARE(errorField(noImage), QStringLiteral("image"));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("qwq-created")});
    docker({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("qwq-created-data")});
}

void tst_HelperDocker::missingContainer()
{
    for (const char *method : {"containers.inspect", "containers.start", "containers.stop",
                               "containers.remove", "containers.logs", "containers.top"}) {
        const QJsonObject r = call(QString::fromLatin1(method), {{QStringLiteral("id"), QStringLiteral("qwq-no-such")}});
        QWQ_VERIFY_ERROR(r, 4000);
        const QJsonObject d = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
        QCOMPARE(errorField(r), QStringLiteral("id"));
        QCOMPARE(d.value(QLatin1String("value")).toString(), QStringLiteral("qwq-no-such"));
        QVERIFY2(d.value(QLatin1String("detail")).toString().contains(QLatin1String("qwq-no-such")), method);
    }
}

void tst_HelperDocker::logsKeepStreamsApart()
{
    docker({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("qwq-logs"), m_image,
            QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2; sleep 0.2; printf 'no newline'")});
    int id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-logs")}});
    QJsonObject r = m_helper->response(id, 20000);
    QCOMPARE(result(r).value(QLatin1String("lines")).toInt(), 4);
    const QList<QPair<QString, QString>> expected = {
        {QStringLiteral("stdout"), QStringLiteral("out1")}, {QStringLiteral("stderr"), QStringLiteral("err1")},
        {QStringLiteral("stdout"), QStringLiteral("out2")}, {QStringLiteral("stdout"), QStringLiteral("no newline")}};
    QCOMPARE(logLines(m_helper->notifications, id), expected);

    // Only stderr; tail; timestamps.
    id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-logs")},
                                                   {QStringLiteral("stdout"), false}});
    QVERIFY(m_helper->response(id, 20000).contains(QLatin1String("result")));
    QCOMPARE(logLines(m_helper->notifications, id),
             (QList<QPair<QString, QString>>{{QStringLiteral("stderr"), QStringLiteral("err1")}}));
    id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-logs")},
                                                   {QStringLiteral("tail"), 1}, {QStringLiteral("timestamps"), true}});
    QVERIFY(m_helper->response(id, 20000).contains(QLatin1String("result")));
    const auto tail = logLines(m_helper->notifications, id);
    QCOMPARE(tail.size(), 1);
    QVERIFY2(tail[0].second.startsWith(QLatin1String("20")) && tail[0].second.endsWith(QLatin1String(" no newline")),
             qPrintable(tail[0].second));
    docker({QStringLiteral("rm"), QStringLiteral("qwq-logs")});
}

void tst_HelperDocker::logsFollowSeesAppendedLinesAndCancels()
{
    docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"), QStringLiteral("--name"),
            QStringLiteral("qwq-follow"), m_image, QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo ready; exec sleep 100000")});
    const int id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-follow")},
                                                             {QStringLiteral("follow"), true}});
    auto lines = [&] { return logLines(m_helper->notifications, id); };
    auto pump = [&] { // reads what the helper wrote so far; the request itself does not end
        const QJsonObject m = m_helper->next(200);
        if (!m.isEmpty())
            (m.contains(QLatin1String("id")) ? m_helper->others : m_helper->notifications).append(m);
    };
    QElapsedTimer t;
    t.start();
    while (lines().size() < 1 && t.elapsed() < 10000)
        pump();
    QCOMPARE(lines().value(0).second, QStringLiteral("ready"));

    // Lines written into the container's stdout and stderr while the follow runs.
    docker({QStringLiteral("exec"), QStringLiteral("qwq-follow"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo appended-out >/proc/1/fd/1; sleep 0.2; echo appended-err >/proc/1/fd/2")});
    t.restart();
    while (lines().size() < 3 && t.elapsed() < 10000)
        pump();
    const QList<QPair<QString, QString>> expected = {
        {QStringLiteral("stdout"), QStringLiteral("ready")}, {QStringLiteral("stdout"), QStringLiteral("appended-out")},
        {QStringLiteral("stderr"), QStringLiteral("appended-err")}};
    QCOMPARE(lines(), expected);

    // $/cancel ends the follow at once with -32800.
    t.restart();
    cancel(id);
    const QJsonObject r = m_helper->response(id, 5000);
    QWQ_VERIFY_ERROR(r, -32800);
    QVERIFY(t.elapsed() < 2000);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("qwq-follow")});
}

void tst_HelperDocker::logsFlood()
{
    docker({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("qwq-flood"), m_image,
            QStringLiteral("seq"), QStringLiteral("1"), QStringLiteral("100000")}, 120000);
    const int id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-flood")}});
    const QJsonObject r = m_helper->response(id, 60000);
    QCOMPARE(result(r).value(QLatin1String("lines")).toInt(), 100000);
    int messages = 0;
    const auto lines = logLines(m_helper->notifications, id, &messages);
    QCOMPARE(lines.size(), 100000);
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].second != QString::number(i + 1) || lines[i].first != QLatin1String("stdout"))
            QFAIL(qPrintable(QStringLiteral("line %1 is %2").arg(i + 1).arg(lines[i].second)));
    QVERIFY2(messages <= 200, qPrintable(QString::number(messages) + QStringLiteral(" messages")));
    docker({QStringLiteral("rm"), QStringLiteral("qwq-flood")});
}

void tst_HelperDocker::logsFollowFlood()
{
    // Following while the container writes 100k lines (stdout, and every 1000th to stderr):
    // nothing lost, nothing merged, order kept per stream, batched, ends when it exits.
    docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("qwq-flood-f"),
            m_image, QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("sleep 1; seq 1 100000; seq 1000 1000 100000 >&2")});
    const int id = start(QStringLiteral("containers.logs"), {{QStringLiteral("id"), QStringLiteral("qwq-flood-f")},
                                                             {QStringLiteral("follow"), true}});
    const QJsonObject r = m_helper->response(id, 90000);
    QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QJsonDocument(r).toJson()));
    int messages = 0;
    const auto lines = logLines(m_helper->notifications, id, &messages);
    QCOMPARE(lines.size(), 100100);
    int out = 0, err = 0;
    for (const auto &[stream, text] : lines) {
        if (stream == QLatin1String("stdout")) {
            if (text != QString::number(++out))
                QFAIL(qPrintable(QStringLiteral("stdout line %1 is %2").arg(out).arg(text)));
        } else if (text != QString::number(++err * 1000)) {
            QFAIL(qPrintable(QStringLiteral("stderr line %1 is %2").arg(err).arg(text)));
        }
    }
    QCOMPARE(out, 100000);
    QCOMPARE(err, 100);
    QVERIFY2(messages <= 1000, qPrintable(QString::number(messages) + QStringLiteral(" messages")));
    docker({QStringLiteral("rm"), QStringLiteral("qwq-flood-f")});
}

void tst_HelperDocker::statsStream()
{
    docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"), QStringLiteral("--name"),
            QStringLiteral("qwq-stats"), m_image, QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("while :; do :; done")});
    const int id = start(QStringLiteral("containers.stats"), {{QStringLiteral("id"), QStringLiteral("qwq-stats")}});
    QList<QJsonObject> samples;
    QElapsedTimer t;
    t.start();
    while (samples.size() < 3 && t.elapsed() < 15000) {
        const QJsonObject m = m_helper->next(500);
        if (!m.isEmpty() && streamId(m) == id)
            samples.append(data(m));
    }
    QCOMPARE(samples.size(), 3);
    const QJsonObject last = samples.last();
    QVERIFY(last.value(QLatin1String("memory")).toObject().value(QLatin1String("limit")).toDouble() > 0);
    QVERIFY(last.value(QLatin1String("memory")).toObject().value(QLatin1String("usage")).toDouble() > 0);
    QVERIFY(last.value(QLatin1String("pids")).toInt() >= 2);
    // A busy loop: about one CPU, as `docker stats` would say.
    QVERIFY2(last.value(QLatin1String("cpuPercent")).toDouble() > 20,
             qPrintable(QString::number(last.value(QLatin1String("cpuPercent")).toDouble())));
    QVERIFY(last.value(QLatin1String("net")).toObject().contains(QLatin1String("rxBytes")));
    QVERIFY(last.value(QLatin1String("block")).toObject().contains(QLatin1String("readBytes")));
    cancel(id);
    QWQ_VERIFY_ERROR(m_helper->response(id, 5000), -32800);

    // One sample without a stream.
    const QJsonObject one = result(call(QStringLiteral("containers.stats"),
                                        {{QStringLiteral("id"), QStringLiteral("qwq-stats")}, {QStringLiteral("stream"), false}}));
    QVERIFY(one.value(QLatin1String("memory")).toObject().value(QLatin1String("limit")).toDouble() > 0);
    QVERIFY(one.value(QLatin1String("cpuPercent")).toDouble() > 20);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("qwq-stats")});
}

void tst_HelperDocker::top()
{
    docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"), QStringLiteral("--name"),
            QStringLiteral("qwq-top"), m_image, QStringLiteral("sleep"), QStringLiteral("100000")});
    const QJsonObject r = result(call(QStringLiteral("containers.top"), {{QStringLiteral("id"), QStringLiteral("qwq-top")}}));
    QVERIFY(r.value(QLatin1String("titles")).toArray().contains(QStringLiteral("PID")));
    bool sleeping = false;
    for (const auto &p : r.value(QLatin1String("processes")).toArray())
        for (const auto &field : p.toArray())
            sleeping = sleeping || field.toString().contains(QLatin1String("sleep 100000"));
    QVERIFY(sleeping);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("qwq-top")});
}

QTEST_GUILESS_MAIN(tst_HelperDocker)
