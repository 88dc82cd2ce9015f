// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chattypes.h"

#include <core/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace Qwq::Ai {

struct ConversationInfo
{
    QString id;
    QString serverId;
    QString title;
    QDateTime created;
    QDateTime updated;
};

struct StoredMessage
{
    qint64 id = 0;
    QDateTime when;
    ChatMessage message;
};

struct SearchHit
{
    QString conversationId;
    QString title;
    qint64 messageId = 0;
    QString snippet;
};

/// AI conversations per server, in a local SQLite file (by default ai.sqlite in
/// Paths::dataDir(), readable by the owner only). What is stored is what was sent: tool output
/// and user text already redacted. One instance per thread (it owns a named connection).
/// Failures are Internal errors naming the file.
class ConversationStore final
{
public:
    explicit ConversationStore(QString path = {});
    ~ConversationStore();
    ConversationStore(const ConversationStore &) = delete;
    ConversationStore &operator=(const ConversationStore &) = delete;

    Result<void> open();
    QString path() const { return m_path; }

    Result<QString> create(const QString &serverId, const QString &title);
    Result<void> rename(const QString &conversationId, const QString &title);
    Result<void> remove(const QString &conversationId);
    Result<void> append(const QString &conversationId, const QList<ChatMessage> &messages);

    /// Newest first.
    Result<QList<ConversationInfo>> conversations(const QString &serverId) const;
    Result<ConversationInfo> conversation(const QString &conversationId) const;
    Result<QList<StoredMessage>> messages(const QString &conversationId) const;
    /// The messages as history for the next turn.
    Result<QList<ChatMessage>> history(const QString &conversationId) const;

    /// Case-insensitive substring search over titles and message text of one server's
    /// conversations (all servers when empty). Newest first, at most `limit` hits.
    Result<QList<SearchHit>> search(const QString &serverId, const QString &text, int limit = 100) const;

    /// The conversation as Markdown: a heading, then each message (tool calls and results in
    /// code blocks, flagged output marked).
    Result<QString> exportMarkdown(const QString &conversationId) const;

private:
    QString m_path;
    QString m_connection;
};

} // namespace Qwq::Ai
