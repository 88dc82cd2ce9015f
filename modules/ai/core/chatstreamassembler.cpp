// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatstreamassembler.h"

#include "aitr.h"

#include <QJsonArray>
#include <algorithm>
#include <QJsonDocument>

namespace Qwq::Ai {

namespace {
Usage parseUsage(const QJsonObject &u)
{
    Usage usage;
    usage.promptTokens = qint64(u.value(QStringLiteral("prompt_tokens")).toDouble());
    usage.completionTokens = qint64(u.value(QStringLiteral("completion_tokens")).toDouble());
    usage.totalTokens = qint64(u.value(QStringLiteral("total_tokens")).toDouble());
    if (usage.totalTokens == 0)
        usage.totalTokens = usage.promptTokens + usage.completionTokens;
    usage.reported = true;
    return usage;
}

QString providerMessage(const QJsonValue &error)
{
    if (error.isString())
        return error.toString();
    const QJsonObject e = error.toObject();
    QString msg = e.value(QStringLiteral("message")).toString();
    const QString type = e.value(QStringLiteral("type")).toString();
    if (!type.isEmpty())
        msg = type + QStringLiteral(": ") + msg;
    return msg;
}
} // namespace

Result<ChatDelta> ChatStreamAssembler::feed(const SseEvent &event)
{
    // Some providers label error events; the payload still carries the detail.
    if (event.type == QLatin1String("error"))
        return Error(ErrorCode::AiUnavailable,
                     Tr::tr("The AI provider reported an error in the middle of the answer"),
                     event.data.left(2000));
    return feedData(event.data);
}

Result<ChatDelta> ChatStreamAssembler::feedData(const QString &data)
{
    ChatDelta delta;
    if (data.trimmed() == QLatin1String("[DONE]")) {
        m_done = true;
        return delta;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &pe);
    if (!doc.isObject())
        return Error(ErrorCode::AiUnavailable, Tr::tr("The AI provider sent a malformed stream"),
                     pe.errorString() + QStringLiteral(": ") + data.left(200));
    const QJsonObject chunk = doc.object();
    if (chunk.contains(QStringLiteral("error")))
        return Error(ErrorCode::AiUnavailable,
                     Tr::tr("The AI provider reported an error in the middle of the answer"),
                     providerMessage(chunk.value(QStringLiteral("error"))));
    ++m_chunks;
    if (m_response.model.isEmpty())
        m_response.model = chunk.value(QStringLiteral("model")).toString();
    if (const QJsonValue u = chunk.value(QStringLiteral("usage")); u.isObject())
        m_response.usage = parseUsage(u.toObject());

    const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
    for (const QJsonValue &cv : choices) {
        const QJsonObject choice = cv.toObject();
        if (choice.value(QStringLiteral("index")).toInt(0) != 0)
            continue;   // we ask for one choice
        if (const QJsonValue u = choice.value(QStringLiteral("usage")); u.isObject())
            m_response.usage = parseUsage(u.toObject());   // Moonshot puts it here
        const QJsonObject d = choice.value(QStringLiteral("delta")).toObject();
        delta.content += d.value(QStringLiteral("content")).toString();
        delta.reasoning += d.value(QStringLiteral("reasoning_content")).toString();
        delta.reasoning += d.value(QStringLiteral("reasoning")).toString();

        for (const QJsonValue &tv : d.value(QStringLiteral("tool_calls")).toArray()) {
            const QJsonObject t = tv.toObject();
            const QString id = t.value(QStringLiteral("id")).toString();
            int index;
            if (t.value(QStringLiteral("index")).isDouble()) {
                index = t.value(QStringLiteral("index")).toInt();
            } else {
                // No index (a few compatible servers): a new id opens a new call, else the
                // fragment belongs to the last one.
                const bool known = std::any_of(m_calls.cbegin(), m_calls.cend(),
                                               [&](const ToolCall &c) { return c.id == id; });
                index = (m_lastIndex < 0 || (!id.isEmpty() && !known)) ? int(m_calls.size())
                                                                       : m_lastIndex;
            }
            m_lastIndex = index;
            ToolCall &call = m_calls[index];
            if (!id.isEmpty())
                call.id = id;
            const QJsonObject fn = t.value(QStringLiteral("function")).toObject();
            const QString name = fn.value(QStringLiteral("name")).toString();
            // Most providers send the name once; some repeat it on every fragment.
            if (!name.isEmpty() && name != call.name)
                call.name += name;
            call.arguments += fn.value(QStringLiteral("arguments")).toString();
            delta.toolCallsChanged = true;
        }
        const QJsonValue fr = choice.value(QStringLiteral("finish_reason"));
        if (fr.isString() && !fr.toString().isEmpty())
            m_response.finishReason = fr.toString();
    }
    m_response.content += delta.content;
    m_response.reasoning += delta.reasoning;
    if (!delta.isEmpty())
        m_hasOutput = true;
    return delta;
}

Result<ChatResponse> ChatStreamAssembler::finish() const
{
    if (!m_done && m_response.finishReason.isEmpty()) {
        return Error(ErrorCode::AiUnavailable,
                     Tr::tr("The answer ended early, before the AI provider had finished it"),
                     QStringLiteral("stream closed after %1 chunks without finish_reason or [DONE]")
                         .arg(m_chunks));
    }
    ChatResponse r = m_response;
    int n = 0;
    for (ToolCall c : m_calls) {
        if (c.id.isEmpty())   // Ollama and others may leave ids out; the API needs them
            c.id = QStringLiteral("call_%1").arg(n);
        ++n;
        r.toolCalls.append(c);
    }
    return r;
}

} // namespace Qwq::Ai
