// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chattypes.h"
#include "sseparser.h"

#include <core/core/result.h>

#include <QMap>

namespace Qwq::Ai {

/// What one stream chunk added: text to append to the visible answer and to the reasoning
/// pane, and whether a tool call appeared or grew.
struct ChatDelta
{
    QString content;
    QString reasoning;
    bool toolCallsChanged = false;

    bool isEmpty() const { return content.isEmpty() && reasoning.isEmpty() && !toolCallsChanged; }
};

/// Folds the events of an OpenAI chat-completions stream into one response: content and
/// reasoning deltas (`reasoning_content`, DeepSeek; `reasoning`, Ollama), tool calls whose
/// `function.arguments` arrive in fragments and interleaved by `index`, `finish_reason` and
/// usage. Pure: no I/O, no Qt event loop. A chunk that is not JSON, or an `error` object in
/// the stream, is reported by feed(); a stream that stops before `[DONE]` and before any
/// `finish_reason` is reported by finish().
class ChatStreamAssembler final
{
public:
    Result<ChatDelta> feed(const SseEvent &event);
    /// Feeds one `data:` payload.
    Result<ChatDelta> feedData(const QString &data);
    /// The stream ended: the whole response, or why it is incomplete.
    Result<ChatResponse> finish() const;

    bool isDone() const { return m_done; }
    /// Anything the user could have seen (content, reasoning or a tool call) arrived.
    bool hasOutput() const { return m_hasOutput; }
    const ChatResponse &partial() const { return m_response; }
    QList<ToolCall> toolCalls() const { return m_calls.values(); }
    void reset() { *this = ChatStreamAssembler(); }

private:
    ChatResponse m_response;
    QMap<int, ToolCall> m_calls;   // by the stream's tool-call index
    int m_lastIndex = -1;
    int m_chunks = 0;
    bool m_done = false;
    bool m_hasOutput = false;
};

} // namespace Qwq::Ai
