// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HelperToolExecutor and an agent turn against the real qwq-helper over a pipe.
#include "awaitfuture.h"
#include "scriptedllmserver.h"
#include "streamfixtures.h"

#include <ai/core/agentturn.h>
#include <ai/core/helpertoolexecutor.h>
#include <ai/core/llmclient.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>

#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;
using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

class tst_HelperTool : public QObject
{
    Q_OBJECT

    Helper::HelperClient *startHelper(QObject *owner)
    {
        auto *t = new Helper::LocalProcessTransport;
        auto *c = new Helper::HelperClient(t, owner);
        t->start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("serve")});
        return c;
    }

private slots:
    void riskComesFromTheHelpersTable()
    {
        QObject owner;
        Helper::HelperClient *client = startHelper(&owner);
        QVERIFY(QwqTest::await(client->initialize()).ok());
        HelperToolExecutor exec(client);
        QCOMPARE(exec.methods().risk("system.info"), Helper::Risk::Read);
        QVERIFY(!exec.methods().contains("no.such"));
        const auto r = QwqTest::await(exec.execute("system.info", {}));
        QVERIFY(r.ok());
        QVERIFY(r->toObject().contains(QStringLiteral("hostname")));
        const auto unknown = QwqTest::await(exec.execute("no.such", {}));
        QCOMPARE(unknown.error().code, ErrorCode::MethodNotFound);
    }

    void goneClientFailsCleanly()
    {
        auto *owner = new QObject;
        Helper::HelperClient *client = startHelper(owner);
        HelperToolExecutor exec(client);
        delete owner;
        const auto r = QwqTest::await(exec.execute("system.info", {}));
        QCOMPARE(r.error().code, ErrorCode::ConnectionFailed);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(exec.methods().methods().isEmpty());
    }

    void agentRunsSystemInfoOnTheRealHelper()
    {
        QObject owner;
        Helper::HelperClient *client = startHelper(&owner);
        const auto info = QwqTest::await(client->initialize());
        QVERIFY(info.ok());
        HelperToolExecutor exec(client);
        ToolRegistry tools;
        for (const Tool &t : ToolRegistry::builtins())
            QVERIFY(tools.add(t).ok());

        ScriptedLlmServer server;
        QVERIFY(server.listen());
        server.enqueue("chat/completions", ScriptedResponse::sse(
            {Fixtures::role(), Fixtures::toolStart(0, "call_si", "system_info", "{"), Fixtures::toolArgs(0, "}"),
             Fixtures::finish("tool_calls"), "[DONE]"}));
        server.enqueue("chat/completions", ScriptedResponse::sse(
            {Fixtures::text("It is fine."), Fixtures::finish("stop"), "[DONE]"}));
        LlmClient llm;
        ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId("ollama"));
        c.baseUrl = server.baseUrl();
        llm.setConfig(c);

        AgentTurn turn(&llm, &tools, &exec);
        turn.start({}, "how is this machine?");
        QTRY_VERIFY_WITH_TIMEOUT(turn.isFinished(), 20000);
        QVERIFY2(turn.result().ok(), qPrintable(turn.result().ok() ? QString() : turn.result().error().toString()));
        QCOMPARE(turn.calls().size(), 1);
        QCOMPARE(turn.calls()[0].status, ToolCallStatus::Done);
        const QJsonArray msgs = server.requests("chat/completions")[1].json().value("messages").toArray();
        const QString toolText = msgs.last().toObject().value("content").toString();
        QVERIFY2(toolText.contains(info->hostname), qPrintable(toolText));
    }
};

int runHelperToolTests(int argc, char **argv)
{
    tst_HelperTool t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_helpertool.moc"
