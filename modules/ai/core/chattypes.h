// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qwq::Ai {

/// A function call the model asked for. `arguments` is the raw JSON text the model wrote.
struct ToolCall
{
    QString id;
    QString name;
    QString arguments;

    bool operator==(const ToolCall &o) const
    {
        return id == o.id && name == o.name && arguments == o.arguments;
    }
};

struct Usage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    bool reported = false;   // the provider sent usage (else the numbers are estimates)
};

/// One message of an OpenAI-style conversation. `reasoning` (DeepSeek's reasoning_content)
/// is kept for display and history but never sent back to the provider; `suspicious` marks a
/// tool result that looked like instructions to the model.
struct ChatMessage
{
    enum class Role { System, User, Assistant, Tool };

    Role role = Role::User;
    QString content;
    QString reasoning;
    QList<ToolCall> toolCalls;   // assistant
    QString toolCallId;          // tool
    QString name;                // tool: the tool's name
    bool suspicious = false;     // tool

    static ChatMessage system(const QString &text) { return {Role::System, text, {}, {}, {}, {}, false}; }
    static ChatMessage user(const QString &text) { return {Role::User, text, {}, {}, {}, {}, false}; }
    static ChatMessage assistant(const QString &text, const QList<ToolCall> &calls = {})
    {
        return {Role::Assistant, text, {}, calls, {}, {}, false};
    }
    static ChatMessage tool(const QString &callId, const QString &name, const QString &text)
    {
        return {Role::Tool, text, {}, {}, callId, name, false};
    }

    /// The wire form for /chat/completions (reasoning and flags left out).
    QJsonObject toJson() const;
    static QString roleName(Role role);
    static Role roleFromName(const QString &name);
};

/// A request to /chat/completions. Always streamed.
struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    QJsonArray tools;            // [{"type":"function","function":{name,description,parameters}}]
    QJsonValue toolChoice;       // "auto", "none", "required" or {"type":"function",…}; null: omitted
    double temperature = -1;     // < 0: provider default
    int maxTokens = 0;           // 0: provider default
    bool includeUsage = true;    // stream_options.include_usage

    QJsonObject toJson() const;
};

/// What one streamed completion produced.
struct ChatResponse
{
    QString content;
    QString reasoning;
    QList<ToolCall> toolCalls;
    QString finishReason;        // "stop", "tool_calls", "length", "content_filter", …
    QString model;
    Usage usage;

    ChatMessage toMessage() const;
};

} // namespace Qwq::Ai
