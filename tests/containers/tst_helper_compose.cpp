// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// compose.* with the real docker-compose (v1, the one Debian packages) and self-heal.
#include "tst_helper_docker.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace ProtocolTest;

namespace {

QJsonObject errData(const QJsonObject &response)
{
    return response.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
}

QString yaml(const QString &command, int port = 0, const QString &image = QStringLiteral("qwq-test/busybox:1"))
{
    QString y = QStringLiteral("services:\n  web:\n    image: %1\n    init: true\n"
                               "    command: [\"sh\", \"-c\", \"%2\"]\n")
                    .arg(image, command);
    if (port)
        y += QStringLiteral("    ports:\n      - \"127.0.0.1:%1:80\"\n").arg(port);
    return y;
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

QJsonObject projectIn(const QJsonObject &listResponse, const QString &name)
{
    for (const auto &p : result(listResponse).value(QLatin1String("projects")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == name)
            return p.toObject();
    return {};
}

QString dataDir(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("data"));
}

} // namespace

void tst_HelperDocker::composeDeployVersionsRollback()
{
    if (m_compose.isEmpty())
        QSKIP("docker-compose not installed");
    const int port = freePort();
    const QString v1 = yaml("echo hello-log && exec sleep 600", port);
    const QJsonObject valid = call("compose.validate", {{"yaml", v1}}, 60000);
    QVERIFY2(valid.contains(QLatin1String("result")), QJsonDocument(valid).toJson().constData());
    QCOMPARE(result(valid).value(QLatin1String("services")).toArray(), QJsonArray{"web"});
    QCOMPARE(result(valid).value(QLatin1String("compose")).toString(), QStringLiteral("v1"));

    QJsonObject diff = call("compose.diff", {{"project", "qwq-shop"}, {"yaml", v1}});
    QCOMPARE(result(diff).value(QLatin1String("exists")).toBool(), false);
    QVERIFY(result(diff).value(QLatin1String("diff")).toString().contains(QLatin1String("+services:")));

    int id = start("compose.deploy", {{"project", "qwq-shop"}, {"yaml", v1}, {"env", QJsonObject{{"TAG", "1"}}}});
    QJsonObject r = m_helper->response(id, 120000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("version")).toInt(), 1);
    QVERIFY(streamText(id).contains(QLatin1String("qwq-shop_web_1")));
    QVERIFY(QFile::exists(dataDir(m_dir) + "/compose/qwq-shop/compose.yml"));
    QCOMPARE(QFile(dataDir(m_dir) + "/compose/qwq-shop/compose.yml").permissions() & QFile::ReadOther, QFile::Permissions());

    QJsonObject project = projectIn(call("compose.list"), "qwq-shop");
    QCOMPARE(project.value(QLatin1String("managed")).toBool(), true);
    QCOMPARE(project.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(project.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(project.value(QLatin1String("services")).toArray().at(0).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("web"));

    // The same files again change nothing; new ones make version 2.
    r = call("compose.deploy", {{"project", "qwq-shop"}, {"yaml", v1}}, 120000);
    QCOMPARE(result(r).value(QLatin1String("changed")).toBool(), false);
    QCOMPARE(result(r).value(QLatin1String("version")).toInt(), 1);
    const QString v2 = yaml("echo hello-log && exec sleep 700", port);
    diff = call("compose.diff", {{"project", "qwq-shop"}, {"yaml", v2}});
    QVERIFY(result(diff).value(QLatin1String("diff")).toString().contains(QLatin1String("+    command: [\"sh\", \"-c\", \"echo hello-log && exec sleep 700\"]")));
    r = call("compose.deploy", {{"project", "qwq-shop"}, {"yaml", v2}}, 120000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("version")).toInt(), 2);
    QJsonObject versions = result(call("compose.versions", {{"project", "qwq-shop"}}));
    QCOMPARE(versions.value(QLatin1String("current")).toInt(), 2);
    QCOMPARE(versions.value(QLatin1String("versions")).toArray().size(), 2);

    r = call("compose.rollback", {{"project", "qwq-shop"}, {"version", 1}}, 120000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(result(r).value(QLatin1String("version")).toInt(), 3);
    QCOMPARE(result(r).value(QLatin1String("from")).toInt(), 1);
    QJsonObject files = result(call("compose.files", {{"project", "qwq-shop"}}));
    QVERIFY(files.value(QLatin1String("files")).toArray().at(0).toObject().value(QLatin1String("content")).toString().contains(QLatin1String("sleep 600")));
    QCOMPARE(files.value(QLatin1String("env")).toObject().value(QLatin1String("TAG")).toString(), QStringLiteral("1"));
    files = result(call("compose.files", {{"project", "qwq-shop"}, {"version", 2}}));
    QVERIFY(files.value(QLatin1String("files")).toArray().at(0).toObject().value(QLatin1String("content")).toString().contains(QLatin1String("sleep 700")));
    QWQ_VERIFY_ERROR(call("compose.rollback", {{"project", "qwq-shop"}, {"version", 99}}), 4000);

    id = start("compose.logs", {{"project", "qwq-shop"}, {"tail", 10}});
    QVERIFY(m_helper->response(id, 60000).contains(QLatin1String("result")));
    QVERIFY2(streamText(id).contains(QLatin1String("hello-log")), qPrintable(streamText(id)));

    QVERIFY(call("compose.stop", {{"project", "qwq-shop"}, {"timeout", 1}}, 60000).contains(QLatin1String("result")));
    project = projectIn(call("compose.list"), "qwq-shop");
    QCOMPARE(project.value(QLatin1String("state")).toString(), QStringLiteral("exited"));
    QCOMPARE(project.value(QLatin1String("paused")).toBool(), true); // self-heal leaves it alone
    QVERIFY(call("compose.start", {{"project", "qwq-shop"}}, 60000).contains(QLatin1String("result")));
    QVERIFY(call("compose.restart", {{"project", "qwq-shop"}, {"services", QJsonArray{"web"}}, {"timeout", 1}}, 60000)
                .contains(QLatin1String("result")));
    project = projectIn(call("compose.list"), "qwq-shop");
    QCOMPARE(project.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(project.value(QLatin1String("paused")).toBool(), false);
    QWQ_VERIFY_ERROR(call("compose.restart", {{"project", "qwq-shop"}, {"services", QJsonArray{"web;rm"}}}), 1001);
}

void tst_HelperDocker::composeFailedDeployRestoresThePrevious()
{
    if (m_compose.isEmpty())
        QSKIP("docker-compose not installed");
    const QString before = docker({"inspect", "-f", "{{.Id}}", "qwq-shop_web_1"});
    QVERIFY(before.size() == 64);
    const QJsonObject files = result(call("compose.files", {{"project", "qwq-shop"}}));
    const QString current = files.value(QLatin1String("files")).toArray().at(0).toObject().value(QLatin1String("content")).toString();
    // An image that is nowhere: up fails, the previous files and container come back.
    QString broken = current;
    broken.replace(QLatin1String("qwq-test/busybox:1"), QLatin1String("qwq-test/nowhere:1"));
    const QJsonObject r = call("compose.deploy", {{"project", "qwq-shop"}, {"yaml", broken}}, 180000);
    QWQ_VERIFY_ERROR(r, 4006);
    QCOMPARE(errData(r).value(QLatin1String("restored")).toBool(), true);
    QVERIFY(!errData(r).value(QLatin1String("detail")).toString().isEmpty());
    QJsonObject versions = result(call("compose.versions", {{"project", "qwq-shop"}}));
    QCOMPARE(versions.value(QLatin1String("current")).toInt(), 3);
    QCOMPARE(versions.value(QLatin1String("versions")).toArray().size(), 3);
    QFile live(dataDir(m_dir) + "/compose/qwq-shop/compose.yml");
    QVERIFY(live.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(live.readAll()), current);
    QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "qwq-shop_web_1"}), QByteArray("running"));

    // down removes the containers; the managed project stays listed, down.
    QVERIFY(call("compose.down", {{"project", "qwq-shop"}}, 60000).contains(QLatin1String("result")));
    const QJsonObject project = projectIn(call("compose.list"), "qwq-shop");
    QCOMPARE(project.value(QLatin1String("state")).toString(), QStringLiteral("down"));
    QCOMPARE(project.value(QLatin1String("services")).toArray().size(), 1);
}

void tst_HelperDocker::composeBadInputChangesNothing()
{
    if (m_compose.isEmpty())
        QSKIP("docker-compose not installed");
    const QString project = QStringLiteral("qwq-bad");
    auto nothingChanged = [&] {
        QVERIFY(!QFileInfo::exists(dataDir(m_dir) + "/compose/" + project));
        QCOMPARE(docker({"ps", "-aq", "--filter", "label=com.docker.compose.project=" + project}), QByteArray());
        QCOMPARE(docker({"network", "ls", "-q", "--filter", "name=" + project}), QByteArray());
        QCOMPARE(QDir(dataDir(m_dir) + "/compose/.staging").entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList());
    };

    // Invalid YAML: line and column.
    QJsonObject r = call("compose.deploy", {{"project", project}, {"yaml", "services:\n  web:\n    image: x\n   bad: [\n"}});
    QWQ_VERIFY_ERROR(r, 4004);
    QCOMPARE(errData(r).value(QLatin1String("line")).toInt(), 4);
    QVERIFY(errData(r).value(QLatin1String("column")).toInt() > 0);
    nothingChanged();
    // An unknown service key is named.
    r = call("compose.deploy", {{"project", project}, {"yaml", "services:\n  web:\n    image: x\n    imagee: y\n"}});
    QWQ_VERIFY_ERROR(r, 4004);
    QCOMPARE(errData(r).value(QLatin1String("key")).toString(), QStringLiteral("imagee"));
    QCOMPARE(errData(r).value(QLatin1String("service")).toString(), QStringLiteral("web"));
    QCOMPARE(errData(r).value(QLatin1String("line")).toInt(), 4);
    QCOMPARE(errData(r).value(QLatin1String("column")).toInt(), 5);
    // What only compose itself knows is refused too, with its message.
    r = call("compose.validate", {{"yaml", QString(yaml("true") + "    depends_on: [nothere]\n")}}, 60000);
    QWQ_VERIFY_ERROR(r, 4004);
    QVERIFY2(errData(r).value(QLatin1String("detail")).toString().contains(QLatin1String("nothere")),
             QJsonDocument(r).toJson().constData());
    QVERIFY(!errData(r).value(QLatin1String("detail")).toString().contains(QLatin1String(".staging")));
    r = call("compose.deploy", {{"project", project}, {"yaml", QString(yaml("true") + "    depends_on: [nothere]\n")}}, 60000);
    QWQ_VERIFY_ERROR(r, 4004);
    nothingChanged();

    // A port a process listens on, and one another container publishes.
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost));
    r = call("compose.deploy", {{"project", project}, {"yaml", yaml("sleep 600", listener.serverPort())}}, 60000);
    QWQ_VERIFY_ERROR(r, 4005);
    QJsonObject port = errData(r).value(QLatin1String("ports")).toArray().at(0).toObject();
    QCOMPARE(port.value(QLatin1String("port")).toInt(), int(listener.serverPort()));
    QCOMPARE(port.value(QLatin1String("by")).toString(), QStringLiteral("process"));
    const QJsonObject lint = result(call("compose.lint", {{"yaml", yaml("sleep 600", listener.serverPort())}}));
    QCOMPARE(lint.value(QLatin1String("findings")).toArray().at(0).toObject().value(QLatin1String("rule")).toString(),
             QStringLiteral("port-in-use"));
    nothingChanged();
    const int taken = freePort();
    // The fixture's daemon has no default bridge: a published port needs a network.
    docker({"network", "create", "qwq-portnet"});
    docker({"run", "-d", "--name", "qwq-portholder", "--network", "qwq-portnet", "-p",
            QStringLiteral("127.0.0.1:%1:80").arg(taken), m_image, "sleep", "600"});
    r = call("compose.deploy", {{"project", project}, {"yaml", yaml("sleep 600", taken)}}, 60000);
    QWQ_VERIFY_ERROR(r, 4005);
    port = errData(r).value(QLatin1String("ports")).toArray().at(0).toObject();
    QCOMPARE(port.value(QLatin1String("by")).toString(), QStringLiteral("container qwq-portholder"));
    docker({"rm", "-f", "qwq-portholder"});
    docker({"network", "rm", "qwq-portnet"});
    nothingChanged();

    // Power over the host needs acceptRisks.
    r = call("compose.deploy", {{"project", project},
                                {"yaml", QString(yaml("true") + "    privileged: true\n    volumes: ['/:/host']\n")}}, 60000);
    QWQ_VERIFY_ERROR(r, 4008);
    QStringList rules;
    for (const auto &f : errData(r).value(QLatin1String("findings")).toArray())
        rules << f.toObject().value(QLatin1String("rule")).toString();
    QVERIFY2(rules.contains("privileged") && rules.contains("mount-host-root"), qPrintable(rules.join(',')));
    nothingChanged();

    // Names: a project or service that could be an option or a shell word is refused.
    for (const char *bad : {"-p", "a;b", "Shop", "$(id)", ""})
        QWQ_VERIFY_ERROR(call("compose.deploy", {{"project", QString::fromLatin1(bad)}, {"yaml", yaml("true")}}), 1001);
    QWQ_VERIFY_ERROR(call("compose.deploy", {{"project", project}, {"yaml", yaml("true")}, {"env", QJsonObject{{"A B", "1"}}}}), 1001);
    QWQ_VERIFY_ERROR(call("compose.deploy", {{"project", project}, {"yaml", yaml("true")}, {"env", QJsonObject{{"A", "1\nB=2"}}}}), 1001);
    QWQ_VERIFY_ERROR(call("compose.up", {{"project", "qwq-never-deployed"}}), 4000);
    nothingChanged();
}

void tst_HelperDocker::composeAdoptsAProjectStartedOutsideQwq()
{
    if (m_compose.isEmpty())
        QSKIP("docker-compose not installed");
    const QString dir = m_dir.filePath("outside");
    QVERIFY(QDir().mkpath(dir));
    const QString file = dir + "/docker-compose.yml";
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(yaml("exec sleep 600").toUtf8());
    f.close();
    QProcess up;
    up.setWorkingDirectory(dir);
    up.setProcessChannelMode(QProcess::MergedChannels);
    up.start(m_compose, {"-p", "qwq-outside", "up", "-d"});
    QVERIFY(up.waitForFinished(120000));
    QVERIFY2(up.exitCode() == 0, up.readAll().constData());

    QJsonObject project = projectIn(call("compose.list"), "qwq-outside");
    QCOMPARE(project.value(QLatin1String("managed")).toBool(), false);
    QCOMPARE(project.value(QLatin1String("workingDir")).toString(), dir);
    QCOMPARE(project.value(QLatin1String("configFiles")).toArray(), QJsonArray{file});
    QCOMPARE(project.value(QLatin1String("filesExist")).toBool(), true);
    QCOMPARE(project.value(QLatin1String("composeVersion")).toString(), QStringLiteral("1.29.2"));
    const QJsonObject files = result(call("compose.files", {{"project", "qwq-outside"}}));
    QCOMPARE(files.value(QLatin1String("files")).toArray().at(0).toObject().value(QLatin1String("content")).toString(),
             yaml("exec sleep 600"));
    QJsonObject diff = result(call("compose.diff", {{"project", "qwq-outside"}, {"yaml", yaml("exec sleep 601")}}));
    QCOMPARE(diff.value(QLatin1String("exists")).toBool(), true);
    QVERIFY(diff.value(QLatin1String("diff")).toString().contains(QLatin1String("-    command")));

    QVERIFY(call("compose.stop", {{"project", "qwq-outside"}, {"timeout", 1}}, 60000).contains(QLatin1String("result")));
    QCOMPARE(projectIn(call("compose.list"), "qwq-outside").value(QLatin1String("state")).toString(), QStringLiteral("exited"));
    QVERIFY(call("compose.start", {{"project", "qwq-outside"}}, 60000).contains(QLatin1String("result")));
    QCOMPARE(projectIn(call("compose.list"), "qwq-outside").value(QLatin1String("state")).toString(), QStringLiteral("running"));
    // qwq does not take over files it did not write.
    const QJsonObject r = call("compose.deploy", {{"project", "qwq-outside"}, {"yaml", yaml("true")}}, 60000);
    QWQ_VERIFY_ERROR(r, 4002);
    QCOMPARE(errData(r).value(QLatin1String("workingDir")).toString(), dir);

    // Files gone: stop/start/restart/down still work through the Engine API.
    QVERIFY(QFile::rename(file, file + ".gone"));
    QCOMPARE(projectIn(call("compose.list"), "qwq-outside").value(QLatin1String("filesExist")).toBool(), false);
    QJsonObject restart = call("compose.restart", {{"project", "qwq-outside"}, {"timeout", 1}}, 60000);
    QCOMPARE(result(restart).value(QLatin1String("fallback")).toBool(), true);
    QWQ_VERIFY_ERROR(call("compose.pull", {{"project", "qwq-outside"}}), 4006);
    const QJsonObject down = call("compose.down", {{"project", "qwq-outside"}}, 60000);
    QCOMPARE(result(down).value(QLatin1String("fallback")).toBool(), true);
    QVERIFY(projectIn(call("compose.list"), "qwq-outside").isEmpty());
    // Its network stays behind (compose down would have removed it): networks.prune takes it.
    QStringList pruned;
    for (const auto &n : result(call("networks.prune")).value(QLatin1String("networks")).toArray())
        pruned << n.toString();
    QVERIFY2(pruned.contains("qwq-outside_default"), qPrintable(pruned.join(',')));
}

void tst_HelperDocker::selfhealRestartsAKilledContainer()
{
    if (m_compose.isEmpty())
        QSKIP("docker-compose not installed");
    QJsonObject r = call("compose.deploy", {{"project", "qwq-heal"}, {"yaml", yaml("echo heal-started && exec sleep 600")}}, 120000);
    QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());

    const QString crontab = QStandardPaths::findExecutable("crontab");
    QByteArray originalCrontab;
    bool hadCrontab = false;
    auto crontabText = [&crontab] {
        QProcess p;
        p.start(crontab, {"-l"});
        p.waitForFinished(10000);
        return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
    };
    const QString config = dataDir(m_dir) + "/selfheal/config.json";
    if (crontab.isEmpty()) {
        // No systemd here and no cron: said clearly, and the run itself is still tested.
        QWQ_VERIFY_ERROR(call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}}), 4009);
        QVERIFY(QDir().mkpath(dataDir(m_dir) + "/selfheal"));
        QFile c(config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(QJsonDocument(QJsonObject{{"projects", QJsonArray{"qwq-heal"}}, {"socket", m_socket}}).toJson());
        c.close();
    } else {
        {
            QProcess p;
            p.start(crontab, {"-l"});
            p.waitForFinished(10000);
            hadCrontab = p.exitCode() == 0;
            originalCrontab = p.readAllStandardOutput();
        }
        auto restore = qScopeGuard([&] {
            QProcess p;
            if (hadCrontab) {
                p.start(crontab, {"-"});
                p.write(originalCrontab);
                p.closeWriteChannel();
            } else {
                p.start(crontab, {"-r"});
            }
            p.waitForFinished(10000);
        });
        // Another tool's line survives install and uninstall.
        {
            QProcess p;
            p.start(crontab, {"-"});
            p.write(originalCrontab + "17 3 * * * /bin/true # someone else\n");
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(10000) && p.exitCode() == 0);
        }
        QWQ_VERIFY_ERROR(call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}, {"intervalSeconds", 10}}), 1001);
        QWQ_VERIFY_ERROR(call("selfheal.install", {{"projects", QJsonArray{"Bad Name"}}}), 1001);
        QWQ_VERIFY_ERROR(call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}, {"scheduler", "systemd"}}), 4009);
        r = call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}, {"intervalSeconds", 120}});
        QVERIFY2(r.contains(QLatin1String("result")), QJsonDocument(r).toJson().constData());
        QCOMPARE(result(r).value(QLatin1String("scheduler")).toString(), QStringLiteral("cron"));
        QCOMPARE(result(r).value(QLatin1String("config")).toString(), config);
        const QByteArray installed = crontabText();
        QVERIFY2(installed.contains("*/2 * * * * " QWQ_HELPER_PATH " selfheal-run --config ")
                     && installed.contains("# qwq-selfheal") && installed.contains("# someone else"),
                 installed.constData());
        // Installing again replaces the line rather than adding one.
        QVERIFY(call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}, {"intervalSeconds", 60}}).contains(QLatin1String("result")));
        QCOMPARE(crontabText().count("qwq-selfheal"), 1);
        const QJsonObject status = result(call("selfheal.status"));
        QCOMPARE(status.value(QLatin1String("installed")).toBool(), true);
        QCOMPARE(status.value(QLatin1String("projects")).toArray(), QJsonArray{"qwq-heal"});
        QVERIFY(status.value(QLatin1String("available")).toArray().contains(QStringLiteral("cron")));

        r = call("selfheal.uninstall");
        QCOMPARE(result(r).value(QLatin1String("removed")).toArray(), QJsonArray{"cron"});
        const QByteArray after = crontabText();
        QVERIFY(!after.contains("qwq-selfheal") && after.contains("# someone else"));
        QCOMPARE(result(call("selfheal.status")).value(QLatin1String("installed")).toBool(), false);
        // The run below needs a config: install once more (removed by the guard's restore).
        QVERIFY(call("selfheal.install", {{"projects", QJsonArray{"qwq-heal"}}}).contains(QLatin1String("result")));
        QVERIFY(call("selfheal.uninstall").contains(QLatin1String("result")));
        QFile c(config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(QJsonDocument(QJsonObject{{"projects", QJsonArray{"qwq-heal"}}, {"socket", m_socket}}).toJson());
    }

    auto runOnce = [&] {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(QWQ_HELPER_PATH), {"selfheal-run", "--config", config});
        return p.waitForFinished(60000) && p.exitCode() == 0;
    };
    docker({"kill", "qwq-heal_web_1"});
    QCOMPARE(docker({"inspect", "-f", "{{.State.ExitCode}}", "qwq-heal_web_1"}), QByteArray("137"));
    QVERIFY(runOnce());
    QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "qwq-heal_web_1"}), QByteArray("running"));
    QJsonArray incidents = result(call("selfheal.incidents", {{"project", "qwq-heal"}})).value(QLatin1String("incidents")).toArray();
    QCOMPARE(incidents.size(), 1);
    const QJsonObject incident = incidents.at(0).toObject();
    QCOMPARE(incident.value(QLatin1String("container")).toString(), QStringLiteral("qwq-heal_web_1"));
    QCOMPARE(incident.value(QLatin1String("exitCode")).toInt(), 137);
    QCOMPARE(incident.value(QLatin1String("ok")).toBool(), true);
    QVERIFY(incident.value(QLatin1String("logs")).toArray().contains(QStringLiteral("heal-started")));
    const QJsonObject lastRun = result(call("selfheal.status")).value(QLatin1String("lastRun")).toObject();
    QCOMPARE(lastRun.value(QLatin1String("restarted")).toInt(), 1);

    // A healthy project is left alone, and so is one stopped on purpose through qwq.
    QVERIFY(runOnce());
    QVERIFY(call("compose.stop", {{"project", "qwq-heal"}, {"timeout", 1}}, 60000).contains(QLatin1String("result")));
    QVERIFY(runOnce());
    QCOMPARE(docker({"inspect", "-f", "{{.State.Status}}", "qwq-heal_web_1"}), QByteArray("exited"));
    incidents = result(call("selfheal.incidents")).value(QLatin1String("incidents")).toArray();
    QCOMPARE(incidents.size(), 1);

    // A run whose config is missing says so and fails.
    QProcess bad;
    bad.start(QStringLiteral(QWQ_HELPER_PATH), {"selfheal-run", "--config", m_dir.filePath("none.json")});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(call("compose.down", {{"project", "qwq-heal"}}, 60000).contains(QLatin1String("result")));
}
