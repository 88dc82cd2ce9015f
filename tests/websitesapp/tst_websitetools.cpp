// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AI pane's nginx tools (websites/core/websitetools) against the real qwq-helper over a pipe
// and a real nginx on 127.0.0.1 (tests/fixtures/nginx.sh; skips without root or nginx): risk
// and read-only offers from the helper's own table, and a file rewrite the user sees as a diff
// against the file on the server, run only once approved.
#include "awaitfuture.h"
#include "scriptedllmserver.h"
#include "streamfixtures.h"

#include <ai/core/agentturn.h>
#include <ai/core/helpertoolexecutor.h>
#include <ai/core/llmclient.h>
#include <ai/core/providerpreset.h>
#include <helper/core/helperclient.h>
#include <helper/core/helpertransport.h>
#include <websites/core/websitetools.h>

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace Qwq;
using namespace Qwq::Ai;
using Helper::Risk;
using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

namespace {

ScriptedResponse toolCall(const QString &name, const QJsonObject &args)
{
    const QString json = QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact));
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::toolStart(0, "call_1", name, json),
                                  Fixtures::finish("tool_calls"), "[DONE]"});
}

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sse({Fixtures::role(), Fixtures::text(text), Fixtures::finish("stop"), "[DONE]"});
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_WebsiteTools : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root (nginx fixture)");
        QVERIFY(m_dir.isValid());
        QProcess fixture;
        fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        fixture.start(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                               QStringLiteral("start"), m_dir.path()});
        QVERIFY(fixture.waitForFinished(30000));
        if (fixture.exitCode() == 77)
            QSKIP("nginx is not installed");
        QCOMPARE(fixture.exitCode(), 0);
        m_started = true;
        QString conf;
        for (const QByteArray &line : readFile(m_dir.filePath("env")).split('\n')) {
            if (line.startsWith("CONF="))
                conf = QString::fromUtf8(line.mid(5));
        }
        QVERIFY(!conf.isEmpty());
        qputenv("QWQ_NGINX_CONF", conf.toUtf8());
        qputenv("QWQ_DATA_DIR", m_dir.filePath("qwq-data").toUtf8());
        qputenv("QWQ_WEBSITES_ROOTS", m_dir.filePath("www").toUtf8());
        auto *t = new Helper::LocalProcessTransport;
        m_client = new Helper::HelperClient(t, this);
        t->start(QStringLiteral(QWQ_HELPER_PATH), {QStringLiteral("serve")});
        QVERIFY(QwqTest::await(m_client->initialize()).ok());
        m_exec = std::make_unique<HelperToolExecutor>(m_client);

        QVERIFY(m_server.listen());
        ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId("ollama"));
        c.baseUrl = m_server.baseUrl();
        m_llm.setConfig(c);
        for (const Tool &tool : Websites::websiteTools())
            QVERIFY2(m_tools.add(tool).ok(), qPrintable(tool.name));
    }

    void cleanupTestCase()
    {
        m_exec.reset();
        delete m_client;
        m_client = nullptr;
        if (m_started)
            QProcess::execute(QStringLiteral("bash"), {QStringLiteral(QWQ_SOURCE_DIR "/tests/fixtures/nginx.sh"),
                                                       QStringLiteral("stop"), m_dir.path()});
    }

    void riskAndOffersComeFromTheHelpersTable()
    {
        const Helper::MethodTable table = m_exec->methods();
        for (const Tool &t : Websites::websiteTools())
            QVERIFY2(table.contains(t.method), qPrintable(t.method));
        QCOMPARE(table.risk("websites.get"), Risk::SecretRead);
        QCOMPARE(table.risk("websites.writeRaw"), Risk::Mutating);

        auto names = [](const QList<Tool> &tools) {
            QStringList out;
            for (const Tool &t : tools)
                out << t.name;
            out.sort();
            return out;
        };
        // A read-only profile is offered the reading tools only, not even described the others.
        const QStringList readOnly = names(m_tools.offered(table, {true, true}));
        QCOMPARE(readOnly, (QStringList{"website_config", "website_logs", "website_versions",
                                        "websites_certificates", "websites_list"}));
        // Without secret reads the whole-file reader goes too (a file can hold credentials).
        QVERIFY(!names(m_tools.offered(table, {true, false})).contains("website_config"));
        QCOMPARE(names(m_tools.offered(table, {false, true})).size(), Websites::websiteTools().size());
    }

    void listAndLogsReadTheRealServer()
    {
        const Tool *list = m_tools.find("websites_list");
        QVERIFY(list);
        const Result<QJsonValue> sites = QwqTest::await(m_exec->execute(list->method, list->callParams({})));
        QVERIFY2(sites.ok(), qPrintable(sites ? QString() : sites.error().toString()));
        QVERIFY(QJsonDocument(sites->toObject()).toJson().contains("hand.test"));
        // The log tool never follows, whatever the model asks.
        const Tool *logs = m_tools.find("website_logs");
        QVERIFY(logs);
        const QJsonObject params = logs->callParams({{"log", "error"}});
        QCOMPARE(params.value("follow").toBool(true), false);
        QCOMPARE(params.value("lines").toInt(), 100);
        const Result<QJsonValue> read = QwqTest::await(m_exec->execute(logs->method, params));
        QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().toString()));
    }

    void rewriteIsShownAsADiffAndRunsOnlyWhenApproved()
    {
        const QString file = m_dir.filePath("conf/sites-enabled/hand.conf");
        const QByteArray original = readFile(file);
        QVERIFY(original.contains("custom line"));
        const Result<QJsonValue> got = QwqTest::await(m_exec->execute("websites.get", {{"id", file}}));
        QVERIFY(got.ok());
        const QString sha = got->toObject().value("sha256").toString();
        QCOMPARE(sha.size(), 64);
        const QString proposed = QString::fromUtf8(original).replace("custom line", "changed by the AI");
        const QJsonObject args{{"file", file}, {"text", proposed}, {"baseSha256", sha}};

        // Denied: the diff shows the file as it is on the server against the proposal; nothing
        // is written, and the current file never reaches the model.
        std::optional<ApprovalRequest> asked;
        auto turn = run("website_write_config", args, [&](const ApprovalRequest &r) {
            asked = r;
            return QtFuture::makeReadyFuture(Approval{false, {}, "tester"});
        });
        QVERIFY(turn);
        QVERIFY(asked && asked->diff);
        QVERIFY2(asked->diff->currentExists, qPrintable(asked->diff->note));
        QCOMPARE(asked->diff->current, QString::fromUtf8(original));
        QCOMPARE(asked->diff->proposed, proposed);
        QCOMPARE(asked->diff->language, QStringLiteral("nginx"));
        QCOMPARE(asked->diffParam, QStringLiteral("text"));
        QCOMPARE(asked->risk, Risk::Mutating);
        QCOMPARE(turn->calls().first().status, ToolCallStatus::Denied);
        QCOMPARE(readFile(file), original);
        for (const auto &req : m_server.requests("chat/completions"))
            QVERIFY(!req.body.contains("custom line"));

        // Approved: written through the apply pipeline, with exactly the params shown.
        auto turn2 = run("website_write_config", args, [](const ApprovalRequest &) {
            return QtFuture::makeReadyFuture(Approval{true, {}, "tester"});
        });
        QVERIFY(turn2);
        QCOMPARE(turn2->calls().first().status, ToolCallStatus::Done);
        QCOMPARE(readFile(file), proposed.toUtf8());

        // A stale base (the file changed since it was read) is refused by the helper: 5007.
        auto turn3 = run("website_write_config", args, [](const ApprovalRequest &) {
            return QtFuture::makeReadyFuture(Approval{true, {}, "tester"});
        });
        QVERIFY(turn3);
        QCOMPARE(turn3->calls().first().status, ToolCallStatus::Failed);
        QCOMPARE(readFile(file), proposed.toUtf8());
    }

private:
    std::unique_ptr<AgentTurn> run(const QString &tool, const QJsonObject &args, ApprovalHandler approve)
    {
        m_server.enqueue("chat/completions", toolCall(tool, args));
        m_server.enqueue("chat/completions", answer("ok"));
        auto turn = std::make_unique<AgentTurn>(&m_llm, &m_tools, m_exec.get());
        turn->setApprovalHandler(std::move(approve));
        turn->start({}, "go");
        if (!QTest::qWaitFor([&] { return turn->isFinished(); }, 30000))
            return nullptr;
        return turn;
    }

    QTemporaryDir m_dir;
    bool m_started = false;
    Helper::HelperClient *m_client = nullptr;
    std::unique_ptr<HelperToolExecutor> m_exec;
    ScriptedLlmServer m_server;
    LlmClient m_llm;
    ToolRegistry m_tools;
};

QTEST_GUILESS_MAIN(tst_WebsiteTools)
#include "tst_websitetools.moc"
