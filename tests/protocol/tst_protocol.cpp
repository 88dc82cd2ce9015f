// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Drives the real qwq-helper over a pipe with raw JSON lines.
#include "helperprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace ProtocolTest;

class tst_Protocol : public QObject
{
    Q_OBJECT

private slots:
    void initializeReportsHost();
    void initializeProtocolMismatch();
    void callBeforeInitialize();
    void systemInfo();
    void malformedJson();
    void invalidRequests();
    void overlongLine();
    void deepNesting();
    void unknownMethod();
    void wrongParamType();
    void outOfRange();
    void notificationsGetNoAnswer();
    void concurrentRequests();
    void metricsWatchStreamsAndCancels();
    void stdinCloseExits();
    void watchdogExits();
    void readOnlyMode();
    void commandLine();
    void methodsMatchJsonAndDocs();
    void readOnlyAllowsDryRuns();
    void inputForUnknownRequestsIsIgnored();
    void composeValidateLocatesYamlErrors();
    void selfhealRunCommandLine();
    void staticBinary();
};

void tst_Protocol::initializeReportsHost()
{
    Helper h;
    const QJsonObject r = result(h.initialize());
    QCOMPARE(r.value(QLatin1String("protocol")).toInt(), 1);
    QCOMPARE(r.value(QLatin1String("helper")).toString(), QStringLiteral("0.1.0"));
    QVERIFY(!r.value(QLatin1String("arch")).toString().isEmpty());
    QVERIFY(!r.value(QLatin1String("kernel")).toString().isEmpty());
    QVERIFY(!r.value(QLatin1String("os")).toObject().value(QLatin1String("id")).toString().isEmpty());
    const QJsonObject user = r.value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("uid")).toInteger(), qint64(::getuid()));
    QCOMPARE(user.value(QLatin1String("gid")).toInteger(), qint64(::getgid()));
    const QJsonObject privileges = r.value(QLatin1String("privileges")).toObject();
    QCOMPARE(privileges.value(QLatin1String("root")).toBool(), ::geteuid() == 0);
    QCOMPARE(privileges.value(QLatin1String("readOnly")).toBool(), false);
    QVERIFY(r.value(QLatin1String("capabilities")).isArray());
    QVERIFY(r.value(QLatin1String("details")).toObject().contains(QLatin1String("docker")));
    // The table the app embeds (methods.json, checked against dispatch below).
    QFile methods(QStringLiteral(QWQ_SOURCE_DIR "/remote-helper/methods.json"));
    QVERIFY(methods.open(QIODevice::ReadOnly));
    QCOMPARE(r.value(QLatin1String("methods")).toArray(),
             QJsonDocument::fromJson(methods.readAll()).array());
}

void tst_Protocol::initializeProtocolMismatch()
{
    Helper h;
    const QJsonObject r = h.call(1, QStringLiteral("initialize"),
                                 {{QStringLiteral("client"), QStringLiteral("t")},
                                  {QStringLiteral("protocol"), 2}});
    QWQ_VERIFY_ERROR(r, 8006);
    QCOMPARE(errorField(r), QStringLiteral("protocol"));
    // A failed initialize leaves the session uninitialized.
    QWQ_VERIFY_ERROR(h.call(2, QStringLiteral("system.info")), -32002);
    QWQ_VERIFY_ERROR(h.call(3, QStringLiteral("initialize")), -32602); // client missing
}

void tst_Protocol::callBeforeInitialize()
{
    Helper h;
    QWQ_VERIFY_ERROR(h.call(1, QStringLiteral("system.info")), -32002);
    QVERIFY(result(h.initialize()).contains(QLatin1String("helper")));
    QVERIFY(h.call(2, QStringLiteral("system.info")).contains(QLatin1String("result")));
}

void tst_Protocol::systemInfo()
{
    Helper h;
    h.initialize();
    const QJsonObject r = result(h.call(1, QStringLiteral("system.info")));
    QVERIFY(r.value(QLatin1String("memory")).toObject().value(QLatin1String("total")).toDouble() > 0);
    QVERIFY(r.value(QLatin1String("cpu")).toObject().value(QLatin1String("cores")).toInt() >= 1);
    const QJsonArray load = r.value(QLatin1String("load")).toArray();
    QCOMPARE(load.size(), 3);
    for (const auto &v : load)
        QVERIFY(v.isDouble());
    bool sized = false;
    for (const auto &fs : r.value(QLatin1String("filesystems")).toArray()) {
        const QJsonObject o = fs.toObject();
        QVERIFY(!o.value(QLatin1String("mount")).toString().isEmpty());
        sized = sized || o.value(QLatin1String("total")).toDouble() > 0;
    }
    QVERIFY(sized);
    QVERIFY(r.value(QLatin1String("time")).toDouble() > 1.7e9);
    QVERIFY(r.value(QLatin1String("uptimeSeconds")).toDouble() > 0);
    QVERIFY(r.value(QLatin1String("swap")).isObject());
}

void tst_Protocol::malformedJson()
{
    Helper h;
    h.initialize();
    h.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    const QJsonObject r = h.response(QJsonValue::Null);
    QWQ_VERIFY_ERROR(r, -32700);
    h.send(QByteArray("\xff\xfe{not json", 11));
    QWQ_VERIFY_ERROR(h.response(QJsonValue::Null), -32700);
    QVERIFY(h.call(2, QStringLiteral("system.info")).contains(QLatin1String("result")));
}

void tst_Protocol::invalidRequests()
{
    Helper h;
    h.initialize();
    h.send("[1,2,3]");
    QWQ_VERIFY_ERROR(h.response(QJsonValue::Null), -32600);
    h.send("{\"id\":5,\"method\":\"system.info\"}"); // no jsonrpc
    QWQ_VERIFY_ERROR(h.response(5), -32600);
    h.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":7}");
    QWQ_VERIFY_ERROR(h.response(6), -32600);
    h.send("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"system.info\"}");
    QWQ_VERIFY_ERROR(h.response(QJsonValue::Null), -32600);
    h.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"system.info\",\"params\":[1]}");
    const QJsonObject r = h.response(8);
    QWQ_VERIFY_ERROR(r, -32602);
    QCOMPARE(errorField(r), QStringLiteral("params"));
    QVERIFY(h.call(9, QStringLiteral("system.info")).contains(QLatin1String("result")));
}

void tst_Protocol::overlongLine()
{
    Helper h;
    h.initialize();
    const QByteArray huge(16 * 1024 * 1024 + 1, 'x');
    h.send(huge);
    const QJsonObject r = h.response(QJsonValue::Null, 20000);
    QWQ_VERIFY_ERROR(r, -32600);
    QCOMPARE(errorMessage(r), QStringLiteral("request line exceeds 16 MiB"));
    // A long line that is valid JSON up to the cap is also refused, then work goes on.
    QByteArray longRequest = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"system.info\",\"params\":{\"pad\":\"";
    longRequest += QByteArray(16 * 1024 * 1024, 'y') + "\"}}";
    h.send(longRequest);
    QWQ_VERIFY_ERROR(h.response(QJsonValue::Null, 20000), -32600);
    QVERIFY(h.call(3, QStringLiteral("system.info")).contains(QLatin1String("result")));
    QCOMPARE(h.process().state(), QProcess::Running);
}

void tst_Protocol::deepNesting()
{
    Helper h;
    h.initialize();
    const QByteArray deep = QByteArray(100, '[') + QByteArray(100, ']');
    h.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.info\",\"params\":{\"x\":" + deep + "}}");
    const QJsonObject r = h.response(QJsonValue::Null);
    QWQ_VERIFY_ERROR(r, -32600);
    QCOMPARE(errorMessage(r), QStringLiteral("nesting too deep"));
    h.send(QByteArray(1000000, '{')); // unbalanced and hostile
    QWQ_VERIFY_ERROR(h.response(QJsonValue::Null), -32600);
    // Brackets inside strings do not count towards the depth.
    const QJsonObject ok = h.call(2, QStringLiteral("system.info"),
                                  {{QStringLiteral("x"), QString::fromLatin1(QByteArray(200, '['))}});
    QVERIFY(ok.contains(QLatin1String("result")));
    QCOMPARE(h.process().state(), QProcess::Running);
}

void tst_Protocol::unknownMethod()
{
    Helper h;
    h.initialize();
    QWQ_VERIFY_ERROR(h.call(1, QStringLiteral("nope.nothing")), -32601);
    QWQ_VERIFY_ERROR(h.call(2, QStringLiteral("$/unknown")), -32601);
}

void tst_Protocol::wrongParamType()
{
    Helper h;
    h.initialize();
    const QJsonObject r = h.call(1, QStringLiteral("metrics.watch"),
                                 {{QStringLiteral("intervalMs"), QStringLiteral("x")}});
    QWQ_VERIFY_ERROR(r, -32602);
    QCOMPARE(errorField(r), QStringLiteral("intervalMs"));
    const QJsonObject f = h.call(2, QStringLiteral("metrics.watch"),
                                 {{QStringLiteral("intervalMs"), 500.5}});
    QWQ_VERIFY_ERROR(f, -32602);
    QCOMPARE(errorField(f), QStringLiteral("intervalMs"));
}

void tst_Protocol::outOfRange()
{
    Helper h;
    h.initialize();
    for (int bad : {0, 199, 60001}) {
        const QJsonObject r = h.call(bad, QStringLiteral("metrics.watch"),
                                     {{QStringLiteral("intervalMs"), bad}});
        QWQ_VERIFY_ERROR(r, 1001);
        QCOMPARE(errorField(r), QStringLiteral("intervalMs"));
    }
}

void tst_Protocol::notificationsGetNoAnswer()
{
    Helper h;
    h.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/ping\"}");
    h.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel\",\"params\":{\"id\":999}}");
    h.send("{\"jsonrpc\":\"2.0\",\"method\":\"system.info\"}");
    h.initialize();
    QVERIFY(h.others.isEmpty());
    QVERIFY(h.notifications.isEmpty());
}

void tst_Protocol::concurrentRequests()
{
    Helper h;
    h.initialize();
    const QList<QJsonValue> ids = {QStringLiteral("a"), 2, QStringLiteral("c-3"), 4,
                                   QStringLiteral("5"), 6, 7.5, QStringLiteral("eight")};
    QByteArray batch;
    for (const auto &id : ids)
        batch += QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                           {QStringLiteral("id"), id},
                                           {QStringLiteral("method"), QStringLiteral("system.info")}})
                     .toJson(QJsonDocument::Compact)
                 + '\n';
    h.send(batch.chopped(1));
    QList<QJsonValue> seen;
    for (int i = 0; i < ids.size(); ++i) {
        const QJsonObject r = h.next();
        QVERIFY2(r.contains(QLatin1String("result")), "missing answer");
        seen.append(r.value(QLatin1String("id")));
    }
    for (const auto &id : ids)
        QVERIFY2(seen.contains(id), qPrintable(QJsonDocument(QJsonArray{id}).toJson()));
    // String "5" and number 5 are different ids; the echo keeps the type.
    QVERIFY(!seen.contains(QJsonValue(5)));
}

void tst_Protocol::metricsWatchStreamsAndCancels()
{
    Helper h;
    h.initialize();
    h.send("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"metrics.watch\",\"params\":{\"intervalMs\":200}}");
    int samples = 0;
    QElapsedTimer timer;
    timer.start();
    while (samples < 2 && timer.elapsed() < 5000) {
        const QJsonObject n = h.next(2000);
        QCOMPARE(n.value(QLatin1String("method")).toString(), QStringLiteral("$/stream"));
        const QJsonObject params = n.value(QLatin1String("params")).toObject();
        QCOMPARE(params.value(QLatin1String("id")).toString(), QStringLiteral("w"));
        const QJsonObject data = params.value(QLatin1String("data")).toObject();
        QVERIFY(data.value(QLatin1String("cpuPercent")).isDouble());
        QVERIFY(data.value(QLatin1String("memory")).toObject().value(QLatin1String("total")).toDouble() > 0);
        QCOMPARE(data.value(QLatin1String("load")).toArray().size(), 3);
        QVERIFY(data.value(QLatin1String("net")).toObject().contains(QLatin1String("rxBytes")));
        QVERIFY(data.value(QLatin1String("disk")).toObject().contains(QLatin1String("readBytes")));
        ++samples;
    }
    QCOMPARE(samples, 2);
    // Another request is served while the stream runs.
    QVERIFY(h.call(1, QStringLiteral("system.info")).contains(QLatin1String("result")));

    timer.restart();
    h.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel\",\"params\":{\"id\":\"w\"}}");
    const QJsonObject r = h.response(QStringLiteral("w"), 1000);
    QWQ_VERIFY_ERROR(r, -32800);
    QVERIFY(timer.elapsed() < 1000);
    // The id is free again.
    h.send("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"metrics.watch\",\"params\":{\"intervalMs\":60000}}");
    h.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancel\",\"params\":{\"id\":\"w\"}}");
    timer.restart();
    QWQ_VERIFY_ERROR(h.response(QStringLiteral("w"), 1000), -32800);
    QVERIFY(timer.elapsed() < 1000);
}

void tst_Protocol::stdinCloseExits()
{
    Helper h;
    h.initialize();
    h.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"metrics.watch\",\"params\":{\"intervalMs\":60000}}");
    QTest::qWait(100);
    QElapsedTimer timer;
    timer.start();
    h.process().closeWriteChannel();
    QVERIFY(h.process().waitForFinished(2000));
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(h.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(h.process().exitCode(), 0);
}

void tst_Protocol::watchdogExits()
{
    QElapsedTimer timer;
    timer.start();
    Helper h({QStringLiteral("serve"), QStringLiteral("--watchdog-seconds"), QStringLiteral("1")});
    QVERIFY(h.process().waitForFinished(3500));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.process().exitCode(), 0);
    QVERIFY(h.process().readAllStandardOutput().isEmpty()); // stdout is protocol only
    QVERIFY(!h.process().readAllStandardError().isEmpty());

    // Pings keep it alive past the period.
    Helper alive({QStringLiteral("serve"), QStringLiteral("--watchdog-seconds"), QStringLiteral("1")});
    for (int i = 0; i < 4; ++i) {
        QTest::qWait(400);
        alive.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/ping\"}");
    }
    QCOMPARE(alive.process().state(), QProcess::Running);
}

void tst_Protocol::readOnlyMode()
{
    Helper h({QStringLiteral("serve"), QStringLiteral("--read-only")});
    const QJsonObject r = result(h.initialize());
    QCOMPARE(r.value(QLatin1String("privileges")).toObject().value(QLatin1String("readOnly")).toBool(), true);
    // Read methods still work.
    QVERIFY(h.call(1, QStringLiteral("system.info")).contains(QLatin1String("result")));
}

void tst_Protocol::commandLine()
{
    QProcess p;
    p.start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("--version")});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("qwq-helper 0.1.0"));

    for (const QStringList &bad : {QStringList{}, QStringList{QStringLiteral("bogus")},
                                   QStringList{QStringLiteral("serve"), QStringLiteral("--nope")},
                                   QStringList{QStringLiteral("serve"), QStringLiteral("--watchdog-seconds"), QStringLiteral("x")}}) {
        p.start(QStringLiteral(QWQ_HELPER_PATH), bad);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("usage"));
    }
}

void tst_Protocol::methodsMatchJsonAndDocs()
{
    QProcess p;
    p.start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("methods")});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonArray dispatched = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QVERIFY(!dispatched.isEmpty());

    QFile jsonFile(QStringLiteral(QWQ_SOURCE_DIR "/remote-helper/methods.json"));
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).array(), dispatched);

    QFile docFile(QStringLiteral(QWQ_SOURCE_DIR "/remote-helper/PROTOCOL.md"));
    QVERIFY(docFile.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(docFile.readAll());

    // Every `### \`name\`` heading with the first `Risk:` line after it.
    QHash<QString, QString> documented;
    static const QRegularExpression heading(QStringLiteral("^### `([^`]+)`\\s*$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression riskLine(QStringLiteral("^Risk: (\\S+)\\s*$"),
                                             QRegularExpression::MultilineOption);
    auto it = heading.globalMatch(doc);
    while (it.hasNext()) {
        const auto m = it.next();
        const auto risk = riskLine.match(doc, m.capturedEnd());
        const auto nextHeading = heading.match(doc, m.capturedEnd());
        const bool riskInSection = risk.hasMatch()
            && (!nextHeading.hasMatch() || risk.capturedStart() < nextHeading.capturedStart());
        documented.insert(m.captured(1), riskInSection ? risk.captured(1) : QString());
    }

    QSet<QString> names;
    for (const auto &v : dispatched) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        const QString risk = v.toObject().value(QLatin1String("risk")).toString();
        names.insert(name);
        QVERIFY2(documented.contains(name), qPrintable(name + QStringLiteral(" is not documented")));
        QVERIFY2(documented.value(name) == risk,
                 qPrintable(name + QStringLiteral(": PROTOCOL.md says Risk: ") + documented.value(name)
                            + QStringLiteral(", dispatch says ") + risk));
    }
    for (auto d = documented.cbegin(); d != documented.cend(); ++d)
        QVERIFY2(names.contains(d.key()),
                 qPrintable(d.key() + QStringLiteral(" is documented but not dispatched")));
}

void tst_Protocol::readOnlyAllowsDryRuns()
{
    // A prune's dry run changes nothing: its own read method passes a read-only helper (and
    // fails here only because no daemon answers), the destructive method does not.
    Helper h({QStringLiteral("serve"), QStringLiteral("--read-only")});
    h.initialize();
    const QJsonObject noDaemon{{QStringLiteral("socket"), QStringLiteral("/nonexistent/qwq-test.sock")}};
    int id = 1;
    for (const char *method : {"images.pruneDryRun", "volumes.pruneDryRun", "networks.pruneDryRun"})
        QWQ_VERIFY_ERROR(h.call(id++, QString::fromLatin1(method), noDaemon), 4003);
    QJsonObject dry = noDaemon;
    dry.insert(QStringLiteral("dryRun"), true);
    for (const char *method : {"images.prune", "volumes.prune", "networks.prune"})
        QWQ_VERIFY_ERROR(h.call(id++, QString::fromLatin1(method), dry), 1003);
    for (const char *method : {"containers.exec", "images.load", "images.import", "compose.deploy",
                               "compose.up", "compose.down", "selfheal.install", "selfheal.uninstall"})
        QWQ_VERIFY_ERROR(h.call(id++, QString::fromLatin1(method), noDaemon), 1003);
    QVERIFY(h.call(id++, QStringLiteral("selfheal.status")).contains(QLatin1String("result")));
}

void tst_Protocol::inputForUnknownRequestsIsIgnored()
{
    Helper h;
    h.initialize();
    h.send(R"({"jsonrpc":"2.0","method":"$/input","params":{"id":5,"b64":"aGk="}})");
    h.send(R"({"jsonrpc":"2.0","method":"$/input","params":{"id":5,"b64":"***"}})");
    h.send(R"({"jsonrpc":"2.0","method":"$/resize","params":{"id":5,"rows":24,"cols":80}})");
    h.send(R"({"jsonrpc":"2.0","method":"$/input","params":{"id":5,"eof":true}})");
    const QJsonObject r = h.call(6, QStringLiteral("$/ping"));
    QVERIFY(r.contains(QLatin1String("result")));
    QVERIFY(h.notifications.isEmpty() && h.others.isEmpty());
}

void tst_Protocol::composeValidateLocatesYamlErrors()
{
    // yaml-cpp runs before compose: these need neither compose nor Docker.
    Helper h;
    h.initialize();
    QJsonObject r = h.call(1, QStringLiteral("compose.validate"),
                           {{QStringLiteral("yaml"), QStringLiteral("services:\n  web:\n    image: x\n   bad: [\n")}});
    QWQ_VERIFY_ERROR(r, 4004);
    QCOMPARE(errorField(r), QStringLiteral("yaml"));
    const QJsonObject data = r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("line")).toInt(), 4);
    QVERIFY(data.value(QLatin1String("column")).toInt() > 0);
    r = h.call(2, QStringLiteral("compose.validate"),
               {{QStringLiteral("yaml"), QStringLiteral("services:\n  web:\n    image: x\n    restartt: always\n")}});
    QWQ_VERIFY_ERROR(r, 4004);
    QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("data")).toObject()
                 .value(QLatin1String("key")).toString(), QStringLiteral("restartt"));
    QWQ_VERIFY_ERROR(h.call(3, QStringLiteral("compose.validate"), {{QStringLiteral("yaml"), QStringLiteral("- a\n- b\n")}}), 4004);
    QWQ_VERIFY_ERROR(h.call(4, QStringLiteral("compose.validate"),
                            {{QStringLiteral("yaml"), QStringLiteral("services:\n  web: {}\n")}}), 4004);
    QWQ_VERIFY_ERROR(h.call(5, QStringLiteral("compose.validate"),
                            {{QStringLiteral("yaml"), QString(1100000, QLatin1Char('a'))}}), 1001);
    QWQ_VERIFY_ERROR(h.call(6, QStringLiteral("compose.validate"), {}), -32602);
    // Lint of a file without ports needs no daemon either.
    r = h.call(7, QStringLiteral("compose.lint"),
               {{QStringLiteral("yaml"), QStringLiteral("services:\n  web:\n    image: x\n    pid: host\n")},
                {QStringLiteral("socket"), QStringLiteral("/nonexistent/qwq-test.sock")}});
    const QJsonArray findings = result(r).value(QLatin1String("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.at(0).toObject().value(QLatin1String("rule")).toString(), QStringLiteral("pid-host"));
    QCOMPARE(findings.at(0).toObject().value(QLatin1String("line")).toInt(), 4);
}

void tst_Protocol::selfhealRunCommandLine()
{
    QTemporaryDir data;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QWQ_DATA_DIR"), data.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("selfheal-run"), QStringLiteral("--bogus")});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 2);
    p.start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("selfheal-run"), QStringLiteral("--config"),
                                              data.filePath(QStringLiteral("missing.json"))});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("config"));
    // The state goes beside the config it was given.
    QFile lastRun(data.filePath(QStringLiteral("last-run.json")));
    QVERIFY(lastRun.open(QIODevice::ReadOnly));
    QVERIFY(!QJsonDocument::fromJson(lastRun.readAll()).object().value(QLatin1String("error")).toString().isEmpty());
}

void tst_Protocol::staticBinary()
{
    const QString ldd = QStandardPaths::findExecutable(QStringLiteral("ldd"));
    if (ldd.isEmpty())
        QSKIP("ldd not installed");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(ldd, {QStringLiteral(QWQ_HELPER_PATH)});
    QVERIFY(p.waitForFinished(5000));
    const QByteArray out = p.readAll();
    QVERIFY2(out.contains("not a dynamic executable") || out.contains("statically linked"),
             out.constData());
}

QTEST_GUILESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
