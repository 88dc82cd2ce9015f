// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The container tools (risk from the real helper's table, read-only offers, bounded logs) and
// the diff a config-changing call shows before approval: a scripted executor, then the real
// qwq-helper's compose.files over a pipe.
#include "awaitfuture.h"
#include "scriptedllmserver.h"
#include "streamfixtures.h"

#include <ai/core/agentturn.h>
#include <ai/core/helpertoolexecutor.h>
#include <ai/core/llmclient.h>
#include <containers/core/containertools.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;
using Helper::Risk;
using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

namespace {

/// The helper's table for the methods used here, canned results, every call recorded.
class TableExecutor final : public IToolExecutor
{
public:
    TableExecutor()
    {
        m_methods.insert("containers.logs", Risk::Read);
        m_methods.insert("containers.restart", Risk::Mutating);
        m_methods.insert("compose.files", Risk::SecretRead);
        m_methods.insert("compose.deploy", Risk::Mutating);
        m_methods.insert("files.write", Risk::Mutating);
    }
    Helper::MethodTable methods() const override { return m_methods; }
    QFuture<Result<QJsonValue>> execute(const QString &method, const QJsonObject &params) override
    {
        calls.append({method, params});
        return QtFuture::makeReadyFuture(results.value(method, Result<QJsonValue>(QJsonObject{{"ok", true}})));
    }
    QStringList methodsCalled() const
    {
        QStringList out;
        for (const auto &c : calls)
            out << c.first;
        return out;
    }
    QHash<QString, Result<QJsonValue>> results;
    QList<std::pair<QString, QJsonObject>> calls;

private:
    Helper::MethodTable m_methods;
};

ScriptedResponse toolCall(const QString &name, const QString &args)
{
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::toolStart(0, "call_1", name, args),
                                  Fixtures::finish("tool_calls"), "[DONE]"});
}

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::text(text), Fixtures::finish("stop"), "[DONE]"});
}

QString jsonArg(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class tst_AiTools : public QObject
{
    Q_OBJECT

    ScriptedLlmServer m_server;
    LlmClient m_llm;
    ToolRegistry m_tools;

    Helper::HelperClient *startHelper(QObject *owner)
    {
        auto *t = new Helper::LocalProcessTransport;
        auto *c = new Helper::HelperClient(t, owner);
        t->start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("serve")});
        return c;
    }

    /// Runs one turn whose model calls `tool` with `args`, then answers; returns the turn.
    std::unique_ptr<AgentTurn> runTurn(IToolExecutor *exec, const QString &tool, const QJsonObject &args,
                                       ApprovalHandler approve)
    {
        m_server.enqueue("chat/completions", toolCall(tool, jsonArg(args)));
        m_server.enqueue("chat/completions", answer("ok"));
        auto turn = std::make_unique<AgentTurn>(&m_llm, &m_tools, exec);
        turn->setApprovalHandler(std::move(approve));
        turn->start({}, "go");
        if (!QTest::qWaitFor([&] { return turn->isFinished(); }, 20000))
            return nullptr;
        return turn;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId("ollama"));
        c.baseUrl = m_server.baseUrl();
        m_llm.setConfig(c);
        for (const Tool &t : Containers::containerTools() + ToolRegistry::builtins())
            QVERIFY2(m_tools.add(t).ok(), qPrintable(t.name));
    }

    void riskAndOffersComeFromTheRealHelpersTable()
    {
        QObject owner;
        Helper::HelperClient *client = startHelper(&owner);
        QVERIFY(QwqTest::await(client->initialize()).ok());
        HelperToolExecutor exec(client);
        const Helper::MethodTable table = exec.methods();
        // Every container tool is bound to a method this helper has.
        for (const Tool &t : Containers::containerTools())
            QVERIFY2(table.contains(t.method), qPrintable(t.method));
        QCOMPARE(table.risk("containers.inspect"), Risk::SecretRead);
        QCOMPARE(table.risk("containers.remove"), Risk::Destructive);
        QCOMPARE(table.risk("containers.restart"), Risk::Mutating);

        QStringList all, readOnly;
        for (const Tool &t : m_tools.offered(table, {false, true}))
            all << t.name;
        for (const Tool &t : m_tools.offered(table, {true, true}))
            readOnly << t.name;
        for (const char *name : {"containers_list", "container_logs", "container_inspect",
                                 "container_stats", "container_top", "images_list",
                                 "volumes_list", "networks_list"}) {
            QVERIFY2(all.contains(name), name);
            QVERIFY2(readOnly.contains(name), name);
        }
        for (const char *name : {"container_start", "container_stop", "container_restart",
                                 "container_remove", "compose_deploy"}) {
            QVERIFY2(all.contains(name), name);
            QVERIFY2(!readOnly.contains(name), name); // a read-only profile is not even told
        }
        // Without secret reads, inspect is not offered.
        QStringList noSecrets;
        for (const Tool &t : m_tools.offered(table, {false, false}))
            noSecrets << t.name;
        QVERIFY(!noSecrets.contains("container_inspect"));
    }

    void logsAreBoundedByTheTool()
    {
        TableExecutor exec;
        auto turn = runTurn(&exec, "container_logs", {{"id", "web"}}, {});
        QVERIFY(turn && turn->result().ok());
        QCOMPARE(exec.calls.size(), 1);
        const QJsonObject sent = exec.calls.first().second;
        QCOMPARE(sent, (QJsonObject{{"id", "web"}, {"tail", 200}, {"follow", false}, {"timestamps", true}}));
        QCOMPARE(turn->calls().first().params, sent); // the record shows what was sent

        // The model cannot ask to follow (the schema is closed) nor for more than 2000 lines.
        TableExecutor exec2;
        auto follow = runTurn(&exec2, "container_logs", {{"id", "web"}, {"follow", true}}, {});
        QVERIFY(follow && follow->result().ok());
        QVERIFY(exec2.calls.isEmpty());
        QCOMPARE(follow->calls().first().status, ToolCallStatus::Refused);
        auto many = runTurn(&exec2, "container_logs", {{"id", "web"}, {"tail", 100000}}, {});
        QVERIFY(many && exec2.calls.isEmpty());
        auto own = runTurn(&exec2, "container_logs", {{"id", "web"}, {"tail", 20}}, {});
        QCOMPARE(exec2.calls.first().second.value("tail").toInt(), 20);
    }

    void configChangeShowsADiffBeforeApproval()
    {
        TableExecutor exec;
        exec.results.insert("compose.files", Result<QJsonValue>(QJsonObject{
            {"project", "shop"},
            {"files", QJsonArray{QJsonObject{{"path", "/x/compose.yml"},
                                             {"content", "services:\n  web:\n    image: nginx:1.25\n"}}}}}));
        std::optional<ApprovalRequest> asked;
        const QString proposed = "services:\n  web:\n    image: nginx:1.27\n";
        auto turn = runTurn(&exec, "compose_deploy", {{"project", "shop"}, {"yaml", proposed}},
                            [&](const ApprovalRequest &r) {
                                asked = r;
                                // The current text was fetched before the question, and
                                // nothing that changes the server has run.
                                return QtFuture::makeReadyFuture(Approval{false, {}, "tester"});
                            });
        QVERIFY(turn && turn->result().ok());
        QVERIFY(asked.has_value());
        QVERIFY(asked->diff.has_value());
        QCOMPARE(asked->diffParam, QStringLiteral("yaml"));
        QCOMPARE(asked->diff->current, QStringLiteral("services:\n  web:\n    image: nginx:1.25\n"));
        QCOMPARE(asked->diff->proposed, proposed);
        QCOMPARE(asked->diff->language, QStringLiteral("yaml"));
        QVERIFY(asked->diff->currentExists);
        QCOMPARE(exec.methodsCalled(), QStringList{"compose.files"}); // denied: no deploy
        QCOMPARE(exec.calls.first().second, (QJsonObject{{"project", "shop"}}));
        QCOMPARE(turn->calls().first().status, ToolCallStatus::Denied);
        // The current file never reaches the model.
        for (const auto &req : m_server.requests("chat/completions"))
            QVERIFY(!req.body.contains("nginx:1.25"));

        // Approved: the deploy runs with exactly the params shown.
        TableExecutor exec2;
        exec2.results.insert("compose.files", Result<QJsonValue>(Error(ErrorCode::ContainerNotFound, "no such project")));
        std::optional<ApprovalRequest> asked2;
        auto turn2 = runTurn(&exec2, "compose_deploy", {{"project", "newapp"}, {"yaml", proposed}},
                             [&](const ApprovalRequest &r) {
                                 asked2 = r;
                                 return QtFuture::makeReadyFuture(Approval{true, {}, "tester"});
                             });
        QVERIFY(turn2 && turn2->result().ok());
        QVERIFY(asked2 && asked2->diff);
        QVERIFY(!asked2->diff->currentExists); // a new project: all of it is new
        QVERIFY(asked2->diff->current.isEmpty());
        QVERIFY(asked2->diff->note.contains("no such project"));
        QCOMPARE(exec2.methodsCalled(), (QStringList{"compose.files", "compose.deploy"}));
        QCOMPARE(exec2.calls.last().second, (QJsonObject{{"project", "newapp"}, {"yaml", proposed}}));
    }

    void diffSourceNeverCallsAChangingMethod()
    {
        ToolRegistry tools;
        Tool t{"site_write", "write a site",
               QJsonObject{{"type", "object"},
                           {"properties", QJsonObject{{"text", QJsonObject{{"type", "string"}}}}},
                           {"additionalProperties", false}},
               "files.write"};
        t.diffSource = DiffSource{"text", "files.write", {}, {}, "content", "nginx", "site.conf"};
        QVERIFY(tools.add(t).ok());
        // A diff source must name a string parameter of the tool, and pass only its params.
        Tool bad = t;
        bad.name = "bad1";
        bad.diffSource->param = "nope";
        QCOMPARE(tools.add(bad).error().code, ErrorCode::InvalidParam);
        bad.name = "bad2";
        bad.diffSource->param = "text";
        bad.diffSource->passParams = {"path"};
        QCOMPARE(tools.add(bad).error().code, ErrorCode::InvalidParam);

        TableExecutor exec;
        m_server.enqueue("chat/completions", toolCall("site_write", jsonArg({{"text", "x"}})));
        m_server.enqueue("chat/completions", answer("ok"));
        AgentTurn turn(&m_llm, &tools, &exec);
        std::optional<ApprovalRequest> asked;
        turn.setApprovalHandler([&](const ApprovalRequest &r) {
            asked = r;
            return QtFuture::makeReadyFuture(Approval{false, {}, "tester"});
        });
        turn.start({}, "go");
        QTRY_VERIFY_WITH_TIMEOUT(turn.isFinished(), 20000);
        QVERIFY(asked && asked->diff);
        QVERIFY(!asked->diff->currentExists);
        QVERIFY(exec.calls.isEmpty()); // files.write (mutating) was not used to "fetch"
    }

    void diffFromTheRealHelpersComposeFiles()
    {
        // A managed compose project in a private data dir; compose.files reads it without Docker.
        QTemporaryDir data;
        QVERIFY(QDir().mkpath(data.filePath("compose/shop")));
        QFile f(data.filePath("compose/shop/compose.yml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("services:\n  web:\n    image: qwq-test/busybox:1\n    command: [\"sleep\", \"1000\"]\n");
        f.close();
        qputenv("QWQ_DATA_DIR", data.path().toUtf8());
        QObject owner;
        Helper::HelperClient *client = startHelper(&owner);
        qunsetenv("QWQ_DATA_DIR");
        QVERIFY(QwqTest::await(client->initialize()).ok());
        HelperToolExecutor exec(client);
        std::optional<ApprovalRequest> asked;
        const QString proposed =
            "services:\n  web:\n    image: qwq-test/busybox:1\n    command: [\"sleep\", \"2000\"]\n";
        auto turn = runTurn(&exec, "compose_deploy", {{"project", "shop"}, {"yaml", proposed}},
                            [&](const ApprovalRequest &r) {
                                asked = r;
                                return QtFuture::makeReadyFuture(Approval{false, {}, "tester"});
                            });
        QVERIFY(turn && turn->result().ok());
        QVERIFY(asked && asked->diff);
        QVERIFY2(asked->diff->currentExists, qPrintable(asked->diff->note));
        QVERIFY(asked->diff->current.contains("\"1000\""));
        QCOMPARE(turn->calls().first().status, ToolCallStatus::Denied);
        // Denied: the file on the server is unchanged.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("\"1000\""));
    }
};

int runAiToolsTests(int argc, char **argv)
{
    tst_AiTools t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_aitools.moc"
