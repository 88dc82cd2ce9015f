// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chattypes.h"

namespace Qwq::Ai {

QString ChatMessage::roleName(Role role)
{
    switch (role) {
    case Role::System: return QStringLiteral("system");
    case Role::User: return QStringLiteral("user");
    case Role::Assistant: return QStringLiteral("assistant");
    case Role::Tool: return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

ChatMessage::Role ChatMessage::roleFromName(const QString &name)
{
    if (name == QLatin1String("system")) return Role::System;
    if (name == QLatin1String("assistant")) return Role::Assistant;
    if (name == QLatin1String("tool")) return Role::Tool;
    return Role::User;
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject o{{QStringLiteral("role"), roleName(role)}};
    if (role == Role::Assistant && !toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &c : toolCalls) {
            calls.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("type"), QStringLiteral("function")},
                {QStringLiteral("function"),
                 QJsonObject{{QStringLiteral("name"), c.name},
                             {QStringLiteral("arguments"), c.arguments}}}});
        }
        o.insert(QStringLiteral("tool_calls"), calls);
        // Providers accept null content next to tool calls; some reject an empty string.
        o.insert(QStringLiteral("content"), content.isEmpty() ? QJsonValue() : QJsonValue(content));
        return o;
    }
    o.insert(QStringLiteral("content"), content);
    if (role == Role::Tool)
        o.insert(QStringLiteral("tool_call_id"), toolCallId);
    return o;
}

QJsonObject ChatRequest::toJson() const
{
    QJsonArray msgs;
    for (const ChatMessage &m : messages)
        msgs.append(m.toJson());
    QJsonObject o{{QStringLiteral("model"), model},
                  {QStringLiteral("messages"), msgs},
                  {QStringLiteral("stream"), true}};
    if (includeUsage)
        o.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    if (!tools.isEmpty()) {
        o.insert(QStringLiteral("tools"), tools);
        if (!toolChoice.isNull() && !toolChoice.isUndefined())
            o.insert(QStringLiteral("tool_choice"), toolChoice);
    }
    if (temperature >= 0)
        o.insert(QStringLiteral("temperature"), temperature);
    if (maxTokens > 0)
        o.insert(QStringLiteral("max_tokens"), maxTokens);
    return o;
}

ChatMessage ChatResponse::toMessage() const
{
    ChatMessage m = ChatMessage::assistant(content, toolCalls);
    m.reasoning = reasoning;
    return m;
}

} // namespace Qwq::Ai
