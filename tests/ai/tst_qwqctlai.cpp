// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `qwqctl ai ask --local` as a script runs it: the provider from QWQ_AI_* (the scripted server),
// This computer's real helper, the answer on stdout, tool calls on stderr, --deny-all, --json,
// provider errors with the bundled help, exit codes.
#include "scriptedllmserver.h"
#include "streamfixtures.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ScriptedResponse toolTurn(const QString &id, const QString &name, const QString &args)
{
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::toolStart(0, id, name, args),
                                  Fixtures::finish("tool_calls"), "[DONE]"});
}

ScriptedResponse textTurn(const QString &text)
{
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::text(text.left(5)),
                                  Fixtures::text(text.mid(5)), Fixtures::finish("stop"), "[DONE]"});
}

} // namespace

class tst_QwqctlAi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home{QStringLiteral("/tmp/qwqctl-ai-XXXXXX")};
    ScriptedLlmServer m_llm;

    QProcessEnvironment env(bool withModel = true) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert("QWQ_HOME", m_home.path());
        e.insert("QWQ_HELPER", QWQ_HELPER_PATH);
        e.insert("HOME", m_home.filePath("home"));
        e.insert("LANG", "C.UTF-8");
        e.remove("LANGUAGE");
        e.remove("LC_ALL");
        e.remove("DBUS_SESSION_BUS_ADDRESS");
        e.remove("QWQ_AI_API_KEY");
        if (withModel) {
            e.insert("QWQ_AI_BASE_URL", m_llm.baseUrl().toString());
            e.insert("QWQ_AI_MODEL", "test-model");
        } else {
            e.remove("QWQ_AI_BASE_URL");
            e.remove("QWQ_AI_MODEL");
        }
        return e;
    }

    // The scripted server lives in this process: keep its event loop turning meanwhile.
    Run qwqctl(const QStringList &args, const QProcessEnvironment &environment, int timeoutMs = 30000)
    {
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl"), args);
        Run r;
        if (!p.waitForStarted())
            return r;
        p.closeWriteChannel();
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && t.elapsed() < timeoutMs) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            p.waitForFinished(5);
        }
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString lastToolMessage(int request) const
    {
        const QJsonArray msgs = m_llm.requests("chat/completions").value(request).json()
                                    .value("messages").toArray();
        for (qsizetype i = msgs.size() - 1; i >= 0; --i) {
            if (msgs.at(i).toObject().value("role").toString() == QLatin1String("tool"))
                return msgs.at(i).toObject().value("content").toString();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(QWQ_BINARY_DIR "/bin/qwqctl")), "build qwqctl first");
        QVERIFY(m_llm.listen());
    }

    void init() { m_llm.clear(); }

    void answerPrinted()
    {
        m_llm.enqueue("chat/completions", toolTurn("call_1", "system_info", "{}"));
        m_llm.enqueue("chat/completions", textTurn("All good here: load is low."));
        const Run r = qwqctl({"ai", "ask", "--local", "How is this machine?"}, env());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), QByteArray("All good here: load is low."));
        QVERIFY2(r.err.contains("system_info"), r.err.constData());
        QVERIFY(lastToolMessage(1).contains(QSysInfo::machineHostName()));
        // The key never appears, the model does.
        QCOMPARE(m_llm.requests("chat/completions")[0].json().value("model").toString(), QStringLiteral("test-model"));
    }

    void denyAllDeniesAMutatingCall()
    {
        // Any method the helper classifies as mutating; it is offered through --tools.
        QFile f(QStringLiteral(QWQ_SOURCE_DIR "/remote-helper/methods.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString method;
        for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).array()) {
            if (v.toObject().value("risk").toString() == QLatin1String("mutating")) {
                method = v.toObject().value("name").toString();
                break;
            }
        }
        if (method.isEmpty())
            QSKIP("the helper has no mutating method yet");
        const QString tools = m_home.filePath("tools.json");
        QFile tf(tools);
        QVERIFY(tf.open(QIODevice::WriteOnly));
        const QJsonObject schema{{"type", "object"},
                                 {"properties", QJsonObject{{"id", QJsonObject{{"type", "string"}}}}},
                                 {"additionalProperties", false}};
        tf.write(QJsonDocument(QJsonArray{QJsonObject{{"name", "change_it"},
                                                      {"description", "Changes it."},
                                                      {"parameters", schema},
                                                      {"method", method}}}).toJson());
        tf.close();
        m_llm.enqueue("chat/completions", toolTurn("call_m", "change_it", "{\"id\":\"web\"}"));
        m_llm.enqueue("chat/completions", textTurn("I did not change anything."));
        const Run r = qwqctl({"ai", "ask", "--local", "Restart web", "--deny-all", "--tools", tools}, env());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("denied"), r.err.constData());
        QVERIFY(r.out.contains("I did not change anything."));
        QVERIFY2(lastToolMessage(1).contains("denied"), qPrintable(lastToolMessage(1)));
        // The tool was offered with the helper's risk, not run.
        const QJsonArray offered = m_llm.requests("chat/completions")[0].json().value("tools").toArray();
        QStringList names;
        for (const QJsonValue &t : offered)
            names << t.toObject().value("function").toObject().value("name").toString();
        QVERIFY(names.contains("change_it"));
        QVERIFY(names.contains("system_info"));
        QVERIFY(names.contains("containers_list")); // the built-in container tools
        QVERIFY(names.contains("websites_list"));   // and the nginx ones
    }

    void toolsFileTakesADiffSourceAndNamesAMistake()
    {
        const QString tools = m_home.filePath("tools-diff.json");
        const QJsonObject schema{{"type", "object"},
                                 {"properties", QJsonObject{{"path", QJsonObject{{"type", "string"}}},
                                                            {"text", QJsonObject{{"type", "string"}}}}},
                                 {"additionalProperties", false}};
        QJsonObject tool{{"name", "write_conf"},
                         {"description", "Writes a file."},
                         {"parameters", schema},
                         {"method", "websites.writeRaw"},
                         {"diffSource", QJsonObject{{"param", "text"},
                                                    {"method", "websites.get"},
                                                    {"passParamsAs", QJsonObject{{"path", "id"}}},
                                                    {"resultPath", "text"},
                                                    {"language", "nginx"}}}};
        auto write = [&](const QJsonObject &t) {
            QFile tf(tools);
            QVERIFY(tf.open(QIODevice::WriteOnly | QIODevice::Truncate));
            tf.write(QJsonDocument(QJsonArray{t}).toJson());
        };
        write(tool);
        m_llm.enqueue("chat/completions", textTurn("Nothing to change."));
        const Run ok = qwqctl({"ai", "ask", "--local", "Check", "--deny-all", "--tools", tools}, env());
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        const QJsonArray offered = m_llm.requests("chat/completions").last().json().value("tools").toArray();
        bool found = false;
        for (const QJsonValue &t : offered)
            found = found || t.toObject().value("function").toObject().value("name").toString() == "write_conf";
        QVERIFY(found);

        // A misspelt key is named, with where it is; nothing is asked of the model.
        QJsonObject bad = tool;
        QJsonObject d = bad.value("diffSource").toObject();
        d.insert("resultPth", "text");
        bad.insert("diffSource", d);
        write(bad);
        const int asked = m_llm.count("chat/completions");
        const Run refused = qwqctl({"ai", "ask", "--local", "Check", "--deny-all", "--tools", tools}, env());
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("resultPth") && refused.err.contains("tools[0].diffSource"),
                 refused.err.constData());
        QCOMPARE(m_llm.count("chat/completions"), asked);
    }

    void jsonOutput()
    {
        m_llm.enqueue("chat/completions", toolTurn("call_j", "system_info", "{}"));
        m_llm.enqueue("chat/completions", textTurn("Fine."));
        const Run r = qwqctl({"ai", "ask", "--local", "--json", "status?"}, env());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("answer").toString(), QStringLiteral("Fine."));
        QCOMPARE(o.value("steps").toInt(), 2);
        const QJsonArray calls = o.value("calls").toArray();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls[0].toObject().value("method").toString(), QStringLiteral("system.info"));
        QCOMPARE(calls[0].toObject().value("status").toString(), QStringLiteral("done"));
        QCOMPARE(calls[0].toObject().value("risk").toString(), QStringLiteral("read"));
    }

    void providerErrorExitsNonZero()
    {
        m_llm.setFallback("chat/completions", ScriptedResponse::body(
            401, R"({"error":{"message":"Incorrect API key provided"}})"));
        const Run r = qwqctl({"ai", "ask", "--local", "my disk is full"}, env());
        m_llm.setFallback("chat/completions", ScriptedResponse::body(404, "{}"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("error 1002") && r.err.contains("refused the API key"), r.err.constData());
        QVERIFY2(r.err.contains("df -h"), r.err.constData());   // the bundled help
        QVERIFY(r.out.isEmpty());
    }

    void noModel()
    {
        const Run r = qwqctl({"ai", "ask", "--local", "ports?"}, env(false));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No AI model is set up"), r.err.constData());
        QVERIFY(r.err.contains("QWQ_AI_BASE_URL"));
        QCOMPARE(m_llm.count("chat/completions"), 0);
    }

    void usage()
    {
        QCOMPARE(qwqctl({"ai"}, env()).exitCode, 2);
        QCOMPARE(qwqctl({"ai", "tell"}, env()).exitCode, 2);
        QCOMPARE(qwqctl({"ai", "ask", "--local"}, env()).exitCode, 2);
        const Run r = qwqctl({"--help"}, env());
        QVERIFY(r.err.contains("qwqctl ai ask"));
    }
};

int runQwqctlAiTests(int argc, char **argv)
{
    tst_QwqctlAi t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_qwqctlai.moc"
