// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Chat-completion stream chunks in the shapes OpenAI-compatible providers send.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace Fixtures {

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QJsonObject chunk(const QJsonObject &delta, const QJsonValue &finish = QJsonValue())
{
    return QJsonObject{{"id", "chatcmpl-test"},
                       {"object", "chat.completion.chunk"},
                       {"created", 1767225600},
                       {"model", "test-model"},
                       {"choices", QJsonArray{QJsonObject{{"index", 0},
                                                          {"delta", delta},
                                                          {"logprobs", QJsonValue()},
                                                          {"finish_reason", finish}}}}};
}

inline QByteArray text(const QString &t) { return compact(chunk({{"content", t}})); }
inline QByteArray reasoning(const QString &t) { return compact(chunk({{"reasoning_content", t}})); }
inline QByteArray role() { return compact(chunk({{"role", "assistant"}, {"content", ""}})); }
inline QByteArray finish(const QString &reason) { return compact(chunk({}, reason)); }

/// The first fragment of a tool call carries id, type and name; later ones only arguments.
inline QByteArray toolStart(int index, const QString &id, const QString &name, const QString &args = {})
{
    return compact(chunk({{"tool_calls",
                           QJsonArray{QJsonObject{{"index", index},
                                                  {"id", id},
                                                  {"type", "function"},
                                                  {"function", QJsonObject{{"name", name},
                                                                           {"arguments", args}}}}}}}));
}
inline QByteArray toolArgs(int index, const QString &args)
{
    return compact(chunk({{"tool_calls",
                           QJsonArray{QJsonObject{{"index", index},
                                                  {"function", QJsonObject{{"arguments", args}}}}}}}));
}
inline QByteArray usage(int prompt, int completion)
{
    return compact(QJsonObject{{"id", "chatcmpl-test"},
                               {"object", "chat.completion.chunk"},
                               {"choices", QJsonArray()},
                               {"usage", QJsonObject{{"prompt_tokens", prompt},
                                                     {"completion_tokens", completion},
                                                     {"total_tokens", prompt + completion}}}});
}

inline QByteArray event(const QByteArray &payload) { return "data: " + payload + "\n\n"; }

/// Two tool calls, arguments in fragments, interleaved by index; a keep-alive comment.
inline QByteArray recordedToolStream()
{
    QByteArray s;
    s += ": keep-alive\n\n";
    s += event(role());
    s += event(toolStart(0, "call_a1", "system_info"));
    s += event(toolStart(1, "call_b2", "service_status", "{\"na"));
    s += event(toolArgs(0, "{"));
    s += event(toolArgs(1, "me\": \"ng"));
    s += event(toolArgs(0, "}"));
    s += event(toolArgs(1, "inx\"}"));
    s += event(finish("tool_calls"));
    s += event(usage(120, 30));
    s += "data: [DONE]\n\n";
    return s;
}

/// DeepSeek-reasoner style: reasoning first, then UTF-8 content.
inline QByteArray recordedTextStream()
{
    QByteArray s;
    s += event(role());
    s += event(reasoning("检查磁盘"));
    s += event(reasoning(" usage…"));
    s += event(text("磁盘 "));
    s += event(text("/var 已用 97% — "));
    s += event(text("clean the journal ✓"));
    s += event(finish("stop"));
    s += event(usage(50, 12));
    s += "data: [DONE]\n\n";
    return s;
}

} // namespace Fixtures
