// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// containers.exec with and without a PTY, images save/load/import, networks prune, the dry
// runs a read-only helper answers, and pull retries.
#include "tst_helper_docker.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTcpServer>
#include <QStandardPaths>
#include <QTest>

using namespace ProtocolTest;

namespace {

QJsonObject streamData(const QJsonObject &n)
{
    return n.value(QLatin1String("params")).toObject().value(QLatin1String("data")).toObject();
}

int streamIdOf(const QJsonObject &n)
{
    return n.value(QLatin1String("params")).toObject().value(QLatin1String("id")).toInt(-1);
}

} // namespace

bool tst_HelperDocker::waitForStream(int id, const std::function<bool(const QJsonObject &)> &match,
                                     int timeoutMs)
{
    for (const auto &n : m_helper->notifications)
        if (streamIdOf(n) == id && match(streamData(n)))
            return true;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const QJsonObject m = m_helper->next(int(timeoutMs - timer.elapsed()));
        if (m.isEmpty())
            return false;
        if (m.contains(QLatin1String("id"))) {
            m_helper->others.append(m);
            continue;
        }
        m_helper->notifications.append(m);
        if (streamIdOf(m) == id && match(streamData(m)))
            return true;
    }
    return false;
}

void tst_HelperDocker::notify(const QString &method, const QJsonObject &params)
{
    m_helper->send(QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}})
                       .toJson(QJsonDocument::Compact));
}

QByteArray tst_HelperDocker::streamBytes(int id, const QString &stream)
{
    QByteArray out;
    for (const auto &n : m_helper->notifications) {
        const QJsonObject d = streamData(n);
        if (streamIdOf(n) == id && d.contains(QLatin1String("b64"))
            && (stream.isEmpty() || d.value(QLatin1String("stream")).toString() == stream))
            out += QByteArray::fromBase64(d.value(QLatin1String("b64")).toString().toLatin1());
    }
    return out;
}

QString tst_HelperDocker::streamText(int id)
{
    QString out;
    for (const auto &n : m_helper->notifications)
        if (streamIdOf(n) == id)
            out += streamData(n).value(QLatin1String("text")).toString();
    return out;
}

void tst_HelperDocker::execWithPty()
{
    docker({"rm", "-f", "qwq-exec"});
    docker({"run", "-d", "--name", "qwq-exec", "--init", m_image, "sleep", "600"});
    const int id = start("containers.exec", {{"id", "qwq-exec"}, {"rows", 30}, {"cols", 100}});
    QVERIFY(waitForStream(id, [](const QJsonObject &d) { return d.contains(QLatin1String("exec")); }));
    // Input is ordered: a resize, then two pieces of one command line.
    notify("$/resize", {{"id", id}, {"rows", 33}, {"cols", 111}});
    notify("$/input", {{"id", id}, {"b64", QString::fromLatin1(QByteArray("stty size; echo qwq-$((6").toBase64())}});
    notify("$/input", {{"id", id}, {"b64", QString::fromLatin1(QByteArray("*7)); exit 5\n").toBase64())}});
    const QJsonObject r = m_helper->response(id, 20000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("exitCode")).toInt(), 5);
    QCOMPARE(result(r).value(QLatin1String("exec")).toString().size(), 64);
    const QByteArray out = streamBytes(id);
    QVERIFY2(out.contains("33 111"), out.constData());
    QVERIFY2(out.contains("qwq-42"), out.constData());
    QVERIFY(out.contains("\r\n")); // a terminal's line ends: it ran with a PTY
}

void tst_HelperDocker::execWithoutTtyReadsStdinToEof()
{
    const int id = start("containers.exec", {{"id", "qwq-exec"}, {"tty", false},
                                             {"cmd", QJsonArray{"sh", "-c", "cat; echo done >&2"}}});
    QVERIFY(waitForStream(id, [](const QJsonObject &d) { return d.contains(QLatin1String("exec")); }));
    notify("$/input", {{"id", id}, {"b64", QString::fromLatin1(QByteArray("hello\nworld\n").toBase64())}});
    notify("$/input", {{"id", id}, {"eof", true}});
    const QJsonObject r = m_helper->response(id, 20000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("exitCode")).toInt(), 0);
    QCOMPARE(streamBytes(id, "stdout"), QByteArray("hello\nworld\n"));
    QCOMPARE(streamBytes(id, "stderr"), QByteArray("done\n"));
}

void tst_HelperDocker::execCancelEndsTheProcess()
{
    auto processes = [this] {
        return result(call("containers.top", {{"id", "qwq-exec"}})).value(QLatin1String("processes")).toArray().size();
    };
    const auto before = processes();
    const int id = start("containers.exec", {{"id", "qwq-exec"}, {"cmd", QJsonArray{"sh"}}});
    QVERIFY(waitForStream(id, [](const QJsonObject &d) { return d.contains(QLatin1String("exec")); }));
    QCOMPARE(processes(), before + 1);
    cancel(id);
    QWQ_VERIFY_ERROR(m_helper->response(id, 10000), -32800);
    // Docker would leave the shell running; the helper hangs it up.
    for (int i = 0; i < 50 && processes() != before; ++i)
        QTest::qWait(100);
    QCOMPARE(processes(), before);
}

void tst_HelperDocker::execBadInput()
{
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-no-such-container"}}), 4000);
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "-x"}}), 1001);
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-exec"}, {"cmd", "sh"}}), -32602);
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-exec"}, {"user", "root;id"}}), 1001);
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-exec"}, {"workdir", "../etc"}}), 1001);
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-exec"}, {"rows", 0}}), 1001);
    docker({"stop", "-t", "0", "qwq-exec"});
    QWQ_VERIFY_ERROR(call("containers.exec", {{"id", "qwq-exec"}}), 4002); // not running
    docker({"rm", "-f", "qwq-exec"});
    // Input for a request that is not running is ignored, and the helper stays healthy.
    notify("$/input", {{"id", 987654}, {"b64", "aGk="}});
    notify("$/input", {{"id", 987655}, {"b64", "not base64!"}});
    QVERIFY(call("containers.list").contains(QLatin1String("result")));
}

void tst_HelperDocker::imagesSaveLoadImport()
{
    const QString saved = QStringLiteral("qwq-test/saved:1");
    docker({"tag", m_image, saved});
    const int id = start("images.save", {{"images", QJsonArray{saved}}});
    const QJsonObject r = m_helper->response(id, 60000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    const QByteArray tar = streamBytes(id);
    QCOMPARE(result(r).value(QLatin1String("bytes")).toInteger(), qint64(tar.size()));
    QCOMPARE(result(r).value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(tar, QCryptographicHash::Sha256).toHex()));
    QVERIFY(tar.size() > 100000);

    QFile file(m_dir.filePath("saved.tar"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tar);
    file.close();
    docker({"rmi", saved});
    QJsonObject load = call("images.load", {{"path", file.fileName()}}, 60000);
    QVERIFY2(load.contains(QLatin1String("result")), QJsonDocument(load).toJson().constData());
    QCOMPARE(result(load).value(QLatin1String("images")).toArray(), QJsonArray{saved});

    // The same tar streamed from the app in pieces.
    docker({"rmi", saved});
    const int up = start("images.load", {{"upload", true}});
    for (int off = 0; off < tar.size(); off += 300000)
        notify("$/input", {{"id", up}, {"b64", QString::fromLatin1(tar.mid(off, 300000).toBase64())}});
    notify("$/input", {{"id", up}, {"eof", true}});
    load = m_helper->response(up, 60000);
    QVERIFY2(load.contains(QLatin1String("result")), QJsonDocument(load).toJson().constData());
    QCOMPARE(result(load).value(QLatin1String("bytes")).toInteger(), qint64(tar.size()));
    // Flow control: what the helper passed on is acknowledged as it goes, all of it at the end.
    qint64 received = -1;
    int acks = 0;
    for (const auto &n : m_helper->notifications) {
        const QJsonObject d = streamData(n);
        if (streamIdOf(n) == up && d.contains(QLatin1String("received"))) {
            QVERIFY(d.value(QLatin1String("received")).toInteger() >= received);
            received = d.value(QLatin1String("received")).toInteger();
            ++acks;
        }
    }
    QCOMPARE(received, qint64(tar.size()));
    QVERIFY(acks >= 1);
    QVERIFY(call("images.inspect", {{"image", saved}}).contains(QLatin1String("result")));
    docker({"rmi", saved});

    // A root filesystem becomes an image with a CMD.
    docker({"create", "--name", "qwq-export-src", m_image});
    QProcess exporter;
    exporter.setStandardOutputFile(m_dir.filePath("rootfs.tar"));
    exporter.start(QStandardPaths::findExecutable("docker"), {"-H", "unix://" + m_socket, "export", "qwq-export-src"});
    QVERIFY(exporter.waitForFinished(60000) && exporter.exitCode() == 0);
    docker({"rm", "qwq-export-src"});
    const QJsonObject imported = call("images.import", {{"path", m_dir.filePath("rootfs.tar")},
                                                        {"repository", "qwq-test/imported"}, {"tag", "2"},
                                                        {"changes", QJsonArray{"CMD [\"sh\"]"}},
                                                        {"message", "from a test"}}, 60000);
    QVERIFY2(imported.contains(QLatin1String("result")), QJsonDocument(imported).toJson().constData());
    QVERIFY(result(imported).value(QLatin1String("id")).toString().startsWith(QLatin1String("sha256:")));
    const QJsonObject inspect = result(call("images.inspect", {{"image", "qwq-test/imported:2"}}))
                                    .value(QLatin1String("image")).toObject();
    QCOMPARE(inspect.value(QLatin1String("Config")).toObject().value(QLatin1String("Cmd")).toArray(), QJsonArray{"sh"});
    docker({"rmi", "qwq-test/imported:2"});

    // Bad input: relative paths, links, both sources, unknown instructions, a tag in the repository.
    QFile::link(file.fileName(), m_dir.filePath("link.tar"));
    QWQ_VERIFY_ERROR(call("images.load", {{"path", "saved.tar"}}), 1001);
    QWQ_VERIFY_ERROR(call("images.load", {{"path", m_dir.filePath("link.tar")}}), 1001);
    QWQ_VERIFY_ERROR(call("images.load", {{"path", file.fileName()}, {"upload", true}}), 1001);
    QWQ_VERIFY_ERROR(call("images.load", {}), 1001);
    QWQ_VERIFY_ERROR(call("images.import", {{"path", file.fileName()}, {"repository", "a/b"},
                                            {"changes", QJsonArray{"RUN rm -rf /"}}}), 1001);
    QWQ_VERIFY_ERROR(call("images.import", {{"path", file.fileName()}, {"repository", "a/b:1"}}), 1001);
    QWQ_VERIFY_ERROR(call("images.save", {{"images", QJsonArray{"Bad;Ref"}}}), 1001);
    QWQ_VERIFY_ERROR(call("images.save", {{"images", QJsonArray{}}}), 1001);
}

void tst_HelperDocker::networksPrune()
{
    QVERIFY(call("networks.create", {{"name", "qwq-prune-me"}}).contains(QLatin1String("result")));
    docker({"network", "create", "qwq-keep-me"});
    docker({"create", "--name", "qwq-net-user", "--network", "qwq-keep-me", m_image});
    auto names = [](const QJsonObject &r) {
        QStringList list;
        for (const auto &n : result(r).value(QLatin1String("networks")).toArray())
            list << n.toString();
        return list;
    };
    const QStringList dry = names(call("networks.pruneDryRun"));
    QVERIFY2(dry.contains("qwq-prune-me"), qPrintable(dry.join(',')));
    QVERIFY(!dry.contains("qwq-keep-me")); // its container is stopped, not gone
    QVERIFY(!dry.contains("bridge") && !dry.contains("host") && !dry.contains("none"));
    const QStringList pruned = names(call("networks.prune"));
    QVERIFY(pruned.contains("qwq-prune-me"));
    QVERIFY(!names(call("networks.pruneDryRun")).contains("qwq-prune-me"));
    QWQ_VERIFY_ERROR(call("networks.remove", {{"network", "qwq-prune-me"}}), 4000);
    docker({"rm", "qwq-net-user"});
    docker({"network", "rm", "qwq-keep-me"});
}

void tst_HelperDocker::readOnlyAllowsDryRuns()
{
    Helper ro({"serve", "--read-only"});
    ro.initialize();
    int id = 1;
    for (const char *method : {"images.pruneDryRun", "volumes.pruneDryRun", "networks.pruneDryRun",
                               "compose.list", "selfheal.status", "selfheal.incidents"}) {
        const QJsonObject r = ro.call(id++, QString::fromLatin1(method));
        QVERIFY2(r.contains(QLatin1String("result")), qPrintable(QString::fromLatin1(method) + QJsonDocument(r).toJson()));
    }
    QCOMPARE(result(ro.call(id++, "images.pruneDryRun")).value(QLatin1String("dryRun")).toBool(), true);
    for (const char *method : {"images.prune", "volumes.prune", "networks.prune", "containers.exec",
                               "compose.deploy", "compose.up", "compose.down", "compose.rollback",
                               "selfheal.install", "selfheal.uninstall", "images.load", "images.import"})
        QWQ_VERIFY_ERROR(ro.call(id++, QString::fromLatin1(method), {{"dryRun", true}}), 1003);
}

void tst_HelperDocker::pullRetriesTransientFailuresWithoutLeakingThePassword()
{
    QTcpServer closed; // a port nothing listens on once closed
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const int port = closed.serverPort();
    closed.close();
    const QString secret = QStringLiteral("qwq-SECRET-pw-7");
    const int id = start("images.pull", {{"image", QStringLiteral("127.0.0.1:%1/qwq/none:1").arg(port)},
                                         {"retries", 1},
                                         {"auth", QJsonObject{{"username", "u"}, {"password", secret}}}});
    const QJsonObject r = m_helper->response(id, 60000);
    QVERIFY2(errorCode(r) == 4001 || errorCode(r) == 4003, QJsonDocument(r).toJson().constData());
    QVERIFY(!QJsonDocument(r).toJson().contains(secret.toUtf8()));
    bool retried = false;
    for (const auto &n : m_helper->notifications)
        if (streamIdOf(n) == id && streamData(n).contains(QLatin1String("retry"))) {
            retried = true;
            QCOMPARE(streamData(n).value(QLatin1String("retry")).toObject().value(QLatin1String("attempt")).toInt(), 2);
            QVERIFY(!QJsonDocument(n).toJson().contains(secret.toUtf8()));
        }
    QVERIFY(retried);
    QWQ_VERIFY_ERROR(call("images.pull", {{"image", "x/y:1"}, {"auth", QJsonObject{{"username", "u"}}}}), 1001);
    QWQ_VERIFY_ERROR(call("images.pull", {{"image", "x/y:1"}, {"retries", 11}}), 1001);
    QWQ_VERIFY_ERROR(call("images.pull", {{"image", "x/y:1"}, {"auth", QJsonObject{{"username", "u"}, {"password", "a\nb"}}}}), 1001);
}
