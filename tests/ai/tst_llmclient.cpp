// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LlmClient against the scripted OpenAI-compatible server on 127.0.0.1.
#include "awaitfuture.h"
#include "scriptedllmserver.h"
#include "streamfixtures.h"

#include <ai/core/llmclient.h>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;
using QwqTest::ScriptedLlmServer;
using QwqTest::ScriptedResponse;

namespace {
const QString kKey = QStringLiteral("sk-test-SECRETKEY0123456789abcdef");

QList<QByteArray> textPayloads(const QStringList &pieces)
{
    QList<QByteArray> out{Fixtures::role()};
    for (const QString &p : pieces)
        out << Fixtures::text(p);
    out << Fixtures::finish(QStringLiteral("stop")) << Fixtures::usage(10, 5) << QByteArray("[DONE]");
    return out;
}

QString errorOf(ChatReply *r)
{
    return r->result() ? QString() : r->result().error().toString();
}

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &ctx, const QString &msg)
{
    g_log << QString::fromLatin1(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg;
}
} // namespace

class tst_LlmClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedLlmServer> m_server;
    std::unique_ptr<LlmClient> m_client;

    ChatReply *ask(const QString &text = QStringLiteral("hello"))
    {
        ChatRequest req;
        req.messages = {ChatMessage::user(text)};
        return m_client->chat(req);
    }
    static bool wait(ChatReply *r, int ms = 15000)
    {
        QElapsedTimer t;
        t.start();
        while (!r->isFinished() && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return r->isFinished();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedLlmServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<LlmClient>();
        ProviderConfig c;
        c.providerId = QStringLiteral("openai");
        c.baseUrl = m_server->baseUrl();
        c.model = QStringLiteral("test-model");
        c.apiKey = kKey;
        m_client->setConfig(c);
        RetryPolicy p;
        p.maxAttempts = 3;
        p.baseDelayMs = 20;
        p.maxDelayMs = 200;
        m_client->setRetryPolicy(p);
        m_client->setTimeouts({5000, 5000, 5000});
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void streamsTextAsItArrives()
    {
        m_server->enqueue("chat/completions",
                          ScriptedResponse::sse(textPayloads({"Disk ", "/var ", "is 97% full."}), 30));
        ChatReply *r = ask();
        QStringList deltas;
        connect(r, &ChatReply::contentDelta, this, [&](const QString &d) { deltas << d; });
        QSignalSpy finished(r, &ChatReply::finished);
        QVERIFY(wait(r));
        QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
        QCOMPARE(deltas, (QStringList{"Disk ", "/var ", "is 97% full."}));
        QCOMPARE(r->result()->content, QStringLiteral("Disk /var is 97% full."));
        QCOMPARE(r->result()->usage.totalTokens, 15);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(r->attempts(), 1);
        const auto reqs = m_server->requests("chat/completions");
        QCOMPARE(reqs.size(), 1);
        QCOMPARE(reqs[0].method, QByteArray("POST"));
        QCOMPARE(reqs[0].headers.value("authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(reqs[0].headers.value("accept"), QByteArray("text/event-stream"));
        const QJsonObject body = reqs[0].json();
        QCOMPARE(body.value("model").toString(), QStringLiteral("test-model"));
        QCOMPARE(body.value("stream").toBool(), true);
        QCOMPARE(body.value("messages").toArray()[0].toObject().value("content").toString(), QStringLiteral("hello"));
        r->deleteLater();
    }

    void recordedStreamRechunkedAtEveryByte()
    {
        const QByteArray stream = Fixtures::recordedTextStream();
        for (int size : {1, 2, 5, 64}) {
            m_server->enqueue("chat/completions", ScriptedResponse::raw(stream, size));
            ChatReply *r = ask();
            QVERIFY(wait(r));
            QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
            QCOMPARE(r->result()->content, QStringLiteral("磁盘 /var 已用 97% — clean the journal ✓"));
            QCOMPARE(r->result()->reasoning, QStringLiteral("检查磁盘 usage…"));
            r->deleteLater();
        }
    }

    void retryHonoursRetryAfterSeconds()
    {
        m_server->enqueue("chat/completions",
                          ScriptedResponse::body(429, R"({"error":{"message":"Rate limit reached","type":"requests"}})",
                                                 {{"Retry-After", "1"}}));
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"ok"})));
        ChatReply *r = ask();
        QList<int> delays;
        connect(r, &ChatReply::retrying, this, [&](int, int delayMs, const Error &e) {
            delays << delayMs;
            QVERIFY(e.detail.contains(QStringLiteral("Rate limit reached")));
        });
        QElapsedTimer t;
        t.start();
        QVERIFY(wait(r));
        const qint64 elapsed = t.elapsed();
        QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
        QCOMPARE(delays, QList<int>{1000});
        QVERIFY2(elapsed >= 1000, qPrintable(QString::number(elapsed)));
        QCOMPARE(r->attempts(), 2);
        QCOMPARE(m_server->count("chat/completions"), 2);
        r->deleteLater();
    }

    void retryHonoursRetryAfterHttpDate()
    {
        QDateTime target = QDateTime::currentDateTimeUtc().addSecs(2);
        target.setTime(QTime(target.time().hour(), target.time().minute(), target.time().second()));
        const QByteArray date = QLocale::c().toString(target, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
        m_server->enqueue("chat/completions", ScriptedResponse::body(503, "busy", {{"Retry-After", date}}));
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"ok"})));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
        // Whole seconds on the wire: the wait ends no earlier than the date (less clock slack).
        QVERIFY2(QDateTime::currentDateTimeUtc().msecsTo(target) <= 20, date.constData());
        r->deleteLater();
    }

    void serverErrorThenSuccess()
    {
        m_server->enqueue("chat/completions", ScriptedResponse::body(500, R"({"error":{"message":"internal"}})"));
        m_server->enqueue("chat/completions", ScriptedResponse::body(502, "<html>bad gateway</html>"));
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"fine"})));
        ChatReply *r = ask();
        QSignalSpy retrying(r, &ChatReply::retrying);
        QVERIFY(wait(r));
        QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(r->attempts(), 3);
        r->deleteLater();
    }

    void givesUpAfterMaxAttemptsWithAClearMessage()
    {
        m_server->setFallback("chat/completions", ScriptedResponse::body(503, R"({"error":{"message":"overloaded"}})"));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY(!r->result().ok());
        const Error &e = r->result().error();
        QCOMPARE(e.code, ErrorCode::AiUnavailable);
        QVERIFY(e.message.contains(QStringLiteral("503")));
        QVERIFY(e.message.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(e.detail.contains(QStringLiteral("overloaded")));
        QCOMPARE(m_server->count("chat/completions"), 3);
        r->deleteLater();
    }

    void retryAfterLongerThanTheCapFailsAtOnce()
    {
        m_server->enqueue("chat/completions", ScriptedResponse::body(429, "{}", {{"Retry-After", "3600"}}));
        ChatReply *r = ask();
        QVERIFY(wait(r, 3000));
        QVERIFY(!r->result().ok());
        QCOMPARE(r->result().error().code, ErrorCode::AiUnavailable);
        QVERIFY(r->result().error().hint.contains(QStringLiteral("3600")));
        QCOMPARE(m_server->count("chat/completions"), 1);
        r->deleteLater();
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("401") << 401 << int(ErrorCode::Unauthorized);
        QTest::newRow("403") << 403 << int(ErrorCode::Unauthorized);
        QTest::newRow("404") << 404 << int(ErrorCode::AiModelNotFound);
        QTest::newRow("400") << 400 << int(ErrorCode::InvalidParam);
    }
    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        // Providers echo part of a wrong key; the full key must not come back in the error.
        m_server->enqueue("chat/completions",
                          ScriptedResponse::body(status, "{\"error\":{\"message\":\"Incorrect API key provided: "
                                                             + kKey.toUtf8() + "\",\"code\":\"invalid_api_key\"}}"));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY(!r->result().ok());
        const Error &e = r->result().error();
        QCOMPARE(int(e.code), code);
        QVERIFY(e.message.contains(QString::number(status)));
        QVERIFY(e.detail.contains(QStringLiteral("Incorrect API key provided")));
        QVERIFY(!e.toString().contains(kKey));
        QVERIFY(!e.toString().contains(kKey.mid(8)));
        QCOMPARE(m_server->count("chat/completions"), 1);
        r->deleteLater();
    }

    void streamCutAfterContentIsAnErrorAndNotRetried()
    {
        ScriptedResponse cut = ScriptedResponse::sse({Fixtures::role(), Fixtures::text("The disk is "),
                                                      Fixtures::text("almost")}, 10);
        cut.cut = true;
        m_server->enqueue("chat/completions", cut);
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"never"})));
        ChatReply *r = ask();
        QString shown;
        connect(r, &ChatReply::contentDelta, this, [&](const QString &d) { shown += d; });
        QVERIFY(wait(r));
        QVERIFY(!r->result().ok());
        QCOMPARE(r->result().error().code, ErrorCode::AiUnavailable);
        QVERIFY(r->result().error().message.contains(QStringLiteral("ended early")));
        QCOMPARE(shown, QStringLiteral("The disk is almost"));
        QCOMPARE(m_server->count("chat/completions"), 1);
        r->deleteLater();
    }

    void streamCutBeforeContentIsRetried()
    {
        ScriptedResponse cut = ScriptedResponse::sse({Fixtures::role()});
        cut.cut = true;
        m_server->enqueue("chat/completions", cut);
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"second try"})));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY2(r->result().ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->result()->content, QStringLiteral("second try"));
        QCOMPARE(r->attempts(), 2);
        r->deleteLater();
    }

    void malformedStream()
    {
        RetryPolicy p = m_client->retryPolicy();
        p.maxAttempts = 1;
        m_client->setRetryPolicy(p);
        m_server->enqueue("chat/completions", ScriptedResponse::sse({"{not json"}));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY(!r->result().ok());
        QCOMPARE(r->result().error().code, ErrorCode::AiUnavailable);
        QVERIFY(!r->result().error().message.isEmpty());
        r->deleteLater();
    }

    void circuitBreakerOpensAndRecovers()
    {
        RetryPolicy p = m_client->retryPolicy();
        p.maxAttempts = 1;
        m_client->setRetryPolicy(p);
        m_client->breaker().setThreshold(2);
        m_client->breaker().setCooldownMs(500);
        m_server->enqueue("chat/completions", ScriptedResponse::body(500, "{}"));
        m_server->enqueue("chat/completions", ScriptedResponse::body(500, "{}"));
        for (int i = 0; i < 2; ++i) {
            ChatReply *r = ask();
            QVERIFY(wait(r));
            QVERIFY(!r->result().ok());
            r->deleteLater();
        }
        QCOMPARE(m_client->breaker().state(), CircuitBreaker::State::Open);
        ChatReply *blocked = ask();
        QVERIFY(wait(blocked));
        QVERIFY(!blocked->result().ok());
        QCOMPARE(blocked->result().error().code, ErrorCode::AiUnavailable);
        QVERIFY(blocked->result().error().message.contains(QStringLiteral("2 times")));
        QCOMPARE(m_server->count("chat/completions"), 2);   // nothing was sent
        blocked->deleteLater();

        QTest::qWait(550);
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"back"})));
        ChatReply *probe = ask();
        QVERIFY(wait(probe));
        QVERIFY2(probe->result().ok(), qPrintable(errorOf(probe)));
        QCOMPARE(m_client->breaker().state(), CircuitBreaker::State::Closed);
        probe->deleteLater();
    }

    void firstByteAndIdleTimeouts()
    {
        RetryPolicy p = m_client->retryPolicy();
        p.maxAttempts = 1;
        m_client->setRetryPolicy(p);
        m_client->setTimeouts({5000, 300, 300});
        ScriptedResponse slowHeaders = ScriptedResponse::sse(textPayloads({"late"}));
        slowHeaders.headerDelayMs = 1500;
        m_server->enqueue("chat/completions", slowHeaders);
        ChatReply *r = ask();
        QElapsedTimer t;
        t.start();
        QVERIFY(wait(r));
        QVERIFY(t.elapsed() < 1400);
        QCOMPARE(r->result().error().code, ErrorCode::Timeout);
        QVERIFY(r->result().error().message.contains(QStringLiteral("did not start answering")));
        r->deleteLater();

        ScriptedResponse stall = ScriptedResponse::sse({Fixtures::role(), Fixtures::text("half"),
                                                        Fixtures::text("never")});
        stall.chunks[2].delayMs = 1500;
        m_server->enqueue("chat/completions", stall);
        r = ask();
        QVERIFY(wait(r));
        QCOMPARE(r->result().error().code, ErrorCode::Timeout);
        QVERIFY(r->result().error().message.contains(QStringLiteral("stopped sending")));
        r->deleteLater();
    }

    void cancelMidStream()
    {
        m_server->enqueue("chat/completions",
                          ScriptedResponse::sse(textPayloads({"one ", "two ", "three ", "four"}), 200));
        ChatReply *r = ask();
        QSignalSpy finished(r, &ChatReply::finished);
        connect(r, &ChatReply::contentDelta, r, [r](const QString &) { r->cancel(); });
        QVERIFY(wait(r));
        QCOMPARE(r->result().error().code, ErrorCode::Cancelled);
        QCOMPARE(r->partial().content, QStringLiteral("one "));
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_server->count("chat/completions"), 1);
        r->deleteLater();
    }

    void cancelDuringRetryWait()
    {
        m_server->enqueue("chat/completions", ScriptedResponse::body(429, "{}", {{"Retry-After", "5"}}));
        ChatReply *r = ask();
        connect(r, &ChatReply::retrying, r, [r] { QTimer::singleShot(50, r, [r] { r->cancel(); }); });
        QElapsedTimer t;
        t.start();
        QVERIFY(wait(r));
        QVERIFY(t.elapsed() < 3000);
        QCOMPARE(r->result().error().code, ErrorCode::Cancelled);
        QCOMPARE(m_server->count("chat/completions"), 1);
        r->deleteLater();
    }

    void modelList()
    {
        m_server->enqueue("models", ScriptedResponse::body(200, R"({"object":"list","data":[
            {"id":"qwen-plus","object":"model"},{"id":"deepseek-chat","object":"model"}]})"));
        const auto models = QwqTest::await(m_client->listModels());
        QVERIFY(models.ok());
        QCOMPARE(*models, (QStringList{"deepseek-chat", "qwen-plus"}));
        QCOMPARE(m_server->requests("models")[0].method, QByteArray("GET"));
        m_server->enqueue("models", ScriptedResponse::body(401, R"({"error":{"message":"bad key"}})"));
        const auto denied = QwqTest::await(m_client->listModels());
        QCOMPARE(denied.error().code, ErrorCode::Unauthorized);
    }

    void localProviderSendsNoKey()
    {
        ProviderConfig c = ProviderConfig::fromPreset(ProviderPreset::byId(QStringLiteral("ollama")));
        c.baseUrl = m_server->baseUrl();
        m_client->setConfig(c);
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"local"})));
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QVERIFY(r->result().ok());
        const auto req = m_server->requests("chat/completions")[0];
        QVERIFY(!req.headers.contains("authorization"));
        QVERIFY(!req.json().contains("stream_options"));   // the preset says it may not take it
        r->deleteLater();
    }

    void missingKeyIsAClearError()
    {
        ProviderConfig c = m_client->config();
        c.apiKey.clear();
        m_client->setConfig(c);
        ChatReply *r = ask();
        QVERIFY(wait(r));
        QCOMPARE(r->result().error().code, ErrorCode::Unauthorized);
        QCOMPARE(r->result().error().field, QStringLiteral("apiKey"));
        QCOMPARE(m_server->count("chat/completions"), 0);
        r->deleteLater();
    }

    void apiKeyNeverAppearsInLogs()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("qwq.*=true"));
        const QtMessageHandler old = qInstallMessageHandler(captureLog);
        m_server->enqueue("chat/completions", ScriptedResponse::body(500, "{}"));
        m_server->enqueue("chat/completions", ScriptedResponse::sse(textPayloads({"ok"})));
        m_server->enqueue("chat/completions",
                          ScriptedResponse::body(401, "{\"error\":{\"message\":\"key " + kKey.toUtf8() + " is wrong\"}}"));
        ChatReply *a = ask();
        QVERIFY(wait(a));
        ChatReply *b = ask();
        QVERIFY(wait(b));
        qWarning().noquote() << b->result().error().toString();   // what a caller would log
        m_server->enqueue("models", ScriptedResponse::body(403, "{\"error\":\"" + kKey.toUtf8() + "\"}"));
        const auto models = QwqTest::await(m_client->listModels());
        qWarning().noquote() << models.error().toString();
        qInstallMessageHandler(old);
        QLoggingCategory::setFilterRules(QString());
        const QString all = g_log.join(QLatin1Char('\n'));
        QVERIFY2(g_log.size() >= 4, qPrintable(all));          // the client did log
        QVERIFY2(all.contains(QStringLiteral("qwq.ai")), qPrintable(all));
        QVERIFY2(!all.contains(kKey), qPrintable(all));
        QVERIFY2(!all.contains(kKey.mid(8, 12)), qPrintable(all));
        a->deleteLater();
        b->deleteLater();
    }
};

int runLlmClientTests(int argc, char **argv)
{
    tst_LlmClient t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_llmclient.moc"
