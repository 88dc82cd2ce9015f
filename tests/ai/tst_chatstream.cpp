// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamfixtures.h"

#include <ai/core/chatstreamassembler.h>

#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;

namespace {
Result<ChatResponse> assemble(const QByteArray &bytes, int chunkSize, QString *content = nullptr,
                              QString *reasoning = nullptr)
{
    SseParser parser;
    ChatStreamAssembler a;
    for (qsizetype i = 0; i < bytes.size(); i += chunkSize) {
        for (const SseEvent &ev : parser.feed(QByteArrayView(bytes).sliced(i, std::min<qsizetype>(chunkSize, bytes.size() - i)))) {
            const auto d = a.feed(ev);
            if (!d)
                return d.error();
            if (content)
                *content += d->content;
            if (reasoning)
                *reasoning += d->reasoning;
        }
    }
    parser.finish();
    return a.finish();
}
} // namespace

class tst_ChatStream : public QObject
{
    Q_OBJECT
private slots:
    void twoInterleavedToolCallsWithFragmentedArguments()
    {
        const QByteArray s = Fixtures::recordedToolStream();
        for (int size : {1, 2, 3, 7, 64, 100000}) {
            const auto r = assemble(s, size);
            QVERIFY(r.ok());
            QCOMPARE(r->finishReason, QStringLiteral("tool_calls"));
            QCOMPARE(r->toolCalls.size(), 2);
            QCOMPARE(r->toolCalls[0], (ToolCall{"call_a1", "system_info", "{}"}));
            QCOMPARE(r->toolCalls[1], (ToolCall{"call_b2", "service_status", "{\"name\": \"nginx\"}"}));
            QVERIFY(r->usage.reported);
            QCOMPARE(r->usage.totalTokens, 150);
            QCOMPARE(r->model, QStringLiteral("test-model"));
        }
    }

    void reasoningAndUtf8Content()
    {
        QString content, reasoning;
        const auto r = assemble(Fixtures::recordedTextStream(), 5, &content, &reasoning);
        QVERIFY(r.ok());
        QCOMPARE(r->reasoning, QStringLiteral("检查磁盘 usage…"));
        QCOMPARE(r->content, QStringLiteral("磁盘 /var 已用 97% — clean the journal ✓"));
        QCOMPARE(content, r->content);
        QCOMPARE(reasoning, r->reasoning);
        QCOMPARE(r->finishReason, QStringLiteral("stop"));
        // Reasoning is kept for the pane but never sent back.
        QVERIFY(!r->toMessage().toJson().contains(QStringLiteral("reasoning_content")));
    }

    void streamThatEndsEarlyIsAnError()
    {
        QByteArray s = Fixtures::recordedTextStream();
        s.truncate(s.indexOf("\"finish_reason\":\"stop\"") - 150);
        const auto r = assemble(s, 13);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::AiUnavailable);
        QVERIFY(!r.error().message.isEmpty());
        // finish_reason without [DONE] is complete; [DONE] without finish_reason too.
        QByteArray noDone = Fixtures::recordedTextStream();
        noDone.truncate(noDone.indexOf("data: [DONE]"));
        QVERIFY(assemble(noDone, 4).ok());
        QVERIFY(assemble(Fixtures::event(Fixtures::text("hi")) + "data: [DONE]\n\n", 3).ok());
        QVERIFY(!assemble(QByteArray(), 3).ok());
    }

    void malformedChunkAndProviderErrorInStream()
    {
        ChatStreamAssembler a;
        auto d = a.feedData(QStringLiteral("{\"choices\": [ oops"));
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, ErrorCode::AiUnavailable);
        ChatStreamAssembler b;
        d = b.feedData(QStringLiteral(R"({"error":{"message":"Model overloaded","type":"server_error"}})"));
        QVERIFY(!d.ok());
        QVERIFY(d.error().detail.contains(QStringLiteral("Model overloaded")));
    }

    void toolCallWithoutIndexOrIdAndRepeatedName()
    {
        // Some compatible servers omit index and id, and repeat the name on each fragment.
        ChatStreamAssembler a;
        QVERIFY(a.feedData(QStringLiteral(R"({"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"name":"system_info","arguments":"{"}}]}}]})")).ok());
        QVERIFY(a.feedData(QStringLiteral(R"({"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"name":"system_info","arguments":"}"}}]}}]})")).ok());
        QVERIFY(a.feedData(QStringLiteral(R"({"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":null})")).ok());
        const auto r = a.finish();
        QVERIFY(r.ok());
        QCOMPARE(r->toolCalls.size(), 1);
        QCOMPARE(r->toolCalls[0].name, QStringLiteral("system_info"));
        QCOMPARE(r->toolCalls[0].arguments, QStringLiteral("{}"));
        QVERIFY(!r->toolCalls[0].id.isEmpty());
        QVERIFY(!r->usage.reported);
    }

    void requestJsonShape()
    {
        ChatRequest req;
        req.model = QStringLiteral("m");
        req.messages = {ChatMessage::system(QStringLiteral("s")), ChatMessage::user(QStringLiteral("u")),
                        ChatMessage::assistant(QString(), {{"c1", "system_info", "{}"}}),
                        ChatMessage::tool(QStringLiteral("c1"), QStringLiteral("system_info"), QStringLiteral("{\"a\":1}"))};
        req.tools = QJsonArray{QJsonObject{{"type", "function"}}};
        req.toolChoice = QStringLiteral("auto");
        const QJsonObject o = req.toJson();
        QCOMPARE(o.value("stream").toBool(), true);
        QCOMPARE(o.value("stream_options").toObject().value("include_usage").toBool(), true);
        QCOMPARE(o.value("tool_choice").toString(), QStringLiteral("auto"));
        const QJsonArray msgs = o.value("messages").toArray();
        QCOMPARE(msgs.size(), 4);
        QVERIFY(msgs[2].toObject().value("content").isNull());
        QCOMPARE(msgs[2].toObject().value("tool_calls").toArray()[0].toObject()
                     .value("function").toObject().value("name").toString(), QStringLiteral("system_info"));
        QCOMPARE(msgs[3].toObject().value("tool_call_id").toString(), QStringLiteral("c1"));
        ChatRequest noTools;
        noTools.toolChoice = QStringLiteral("none");
        QVERIFY(!noTools.toJson().contains("tool_choice"));
    }
};

int runChatStreamTests(int argc, char **argv)
{
    tst_ChatStream t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_chatstream.moc"
