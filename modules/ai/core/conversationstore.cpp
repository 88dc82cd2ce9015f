// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationstore.h"

#include "aitr.h"

#include <core/core/paths.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Qwq::Ai {

namespace {
Error sqlError(const QString &path, const QSqlError &e)
{
    return Error(ErrorCode::Internal, Tr::tr("The AI history could not be used: %1").arg(path),
                 e.text());
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString callsToJson(const QList<ToolCall> &calls)
{
    if (calls.isEmpty())
        return {};
    QJsonArray a;
    for (const ToolCall &c : calls)
        a.append(QJsonObject{{QStringLiteral("id"), c.id},
                             {QStringLiteral("name"), c.name},
                             {QStringLiteral("arguments"), c.arguments}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<ToolCall> callsFromJson(const QString &json)
{
    QList<ToolCall> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                    o.value(QStringLiteral("arguments")).toString()});
    }
    return out;
}

QString likePattern(const QString &text)
{
    QString t = text;
    t.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    t.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    t.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + t + QLatin1Char('%');
}

QString fence(const QString &text)
{
    // A fence longer than any backtick run inside, so server text cannot close it.
    int longest = 0, run = 0;
    for (QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), QLatin1Char('`'));
}
} // namespace

ConversationStore::ConversationStore(QString path)
    : m_path(path.isEmpty() ? Paths::dataDir() + QStringLiteral("/ai.sqlite") : std::move(path)),
      m_connection(QStringLiteral("ai-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ConversationStore::~ConversationStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<void> ConversationStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(m_path, db.lastError());
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSqlQuery q(db);
    const QStringList schema{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS conversations ("
                       " id TEXT PRIMARY KEY, server TEXT NOT NULL, title TEXT NOT NULL,"
                       " created TEXT NOT NULL, updated TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS conversations_server ON conversations(server, updated)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS messages ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
                       " ts TEXT NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL,"
                       " reasoning TEXT, tool_calls TEXT, tool_call_id TEXT, name TEXT,"
                       " suspicious INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation, id)"),
    };
    for (const QString &sql : schema) {
        if (!q.exec(sql))
            return sqlError(m_path, q.lastError());
    }
    return {};
}

Result<QString> ConversationStore::create(const QString &serverId, const QString &title)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    q.prepare(QStringLiteral("INSERT INTO conversations (id, server, title, created, updated)"
                             " VALUES (?, ?, ?, ?, ?)"));
    const QString t = now();
    for (const QVariant &v : {QVariant(id), QVariant(serverId), QVariant(title), QVariant(t), QVariant(t)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return id;
}

Result<void> ConversationStore::rename(const QString &conversationId, const QString &title)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    q.addBindValue(title);
    q.addBindValue(conversationId);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<void> ConversationStore::remove(const QString &conversationId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<void> ConversationStore::append(const QString &conversationId, const QList<ChatMessage> &messages)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(m_path, db.lastError());
    QSqlQuery q(db);
    const QString t = now();
    q.prepare(QStringLiteral("UPDATE conversations SET updated = ? WHERE id = ?"));
    q.addBindValue(t);
    q.addBindValue(conversationId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        db.rollback();
        return Error(ErrorCode::NotFound, Tr::tr("This conversation no longer exists"),
                     conversationId);
    }
    q.prepare(QStringLiteral("INSERT INTO messages (conversation, ts, role, content, reasoning,"
                             " tool_calls, tool_call_id, name, suspicious)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ChatMessage &m : messages) {
        q.addBindValue(conversationId);
        q.addBindValue(t);
        q.addBindValue(ChatMessage::roleName(m.role));
        q.addBindValue(m.content.isNull() ? QStringLiteral("") : m.content);
        q.addBindValue(m.reasoning);
        q.addBindValue(callsToJson(m.toolCalls));
        q.addBindValue(m.toolCallId);
        q.addBindValue(m.name);
        q.addBindValue(m.suspicious ? 1 : 0);
        if (!q.exec()) {
            const Error e = sqlError(m_path, q.lastError());
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return sqlError(m_path, db.lastError());
    return {};
}

Result<QList<ConversationInfo>> ConversationStore::conversations(const QString &serverId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, server, title, created, updated FROM conversations"
                             " WHERE server = ? ORDER BY updated DESC, rowid DESC"));
    q.addBindValue(serverId);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<ConversationInfo> out;
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs),
                    QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs)});
    }
    return out;
}

Result<ConversationInfo> ConversationStore::conversation(const QString &conversationId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, server, title, created, updated FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    if (!q.next())
        return Error(ErrorCode::NotFound, Tr::tr("This conversation no longer exists"), conversationId);
    return ConversationInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs),
                            QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs)};
}

Result<QList<StoredMessage>> ConversationStore::messages(const QString &conversationId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, ts, role, content, reasoning, tool_calls, tool_call_id,"
                             " name, suspicious FROM messages WHERE conversation = ? ORDER BY id"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<StoredMessage> out;
    while (q.next()) {
        StoredMessage s;
        s.id = q.value(0).toLongLong();
        s.when = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        s.message.role = ChatMessage::roleFromName(q.value(2).toString());
        s.message.content = q.value(3).toString();
        s.message.reasoning = q.value(4).toString();
        s.message.toolCalls = callsFromJson(q.value(5).toString());
        s.message.toolCallId = q.value(6).toString();
        s.message.name = q.value(7).toString();
        s.message.suspicious = q.value(8).toInt() != 0;
        out.append(s);
    }
    return out;
}

Result<QList<ChatMessage>> ConversationStore::history(const QString &conversationId) const
{
    const auto stored = messages(conversationId);
    if (!stored)
        return stored.error();
    QList<ChatMessage> out;
    for (const StoredMessage &s : *stored)
        out.append(s.message);
    return out;
}

Result<QList<SearchHit>> ConversationStore::search(const QString &serverId, const QString &text,
                                                   int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // SQLite's LIKE folds ASCII case only; good enough for commands, hosts and error texts.
    q.prepare(QStringLiteral(
        "SELECT c.id, c.title, COALESCE(m.id, 0), COALESCE(NULLIF(m.content, ''), m.tool_calls, c.title)"
        " FROM conversations c LEFT JOIN messages m ON m.conversation = c.id"
        "  AND (m.content LIKE :p ESCAPE '\\' OR m.tool_calls LIKE :pj ESCAPE '\\')"
        " WHERE (:server = '' OR c.server = :server)"
        "  AND (m.id IS NOT NULL OR c.title LIKE :p ESCAPE '\\')"
        " ORDER BY c.updated DESC, m.id DESC LIMIT :limit"));
    q.bindValue(QStringLiteral(":p"), likePattern(text));
    // Tool-call arguments are stored as JSON strings inside JSON: match their escaped form.
    const QByteArray escaped = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    q.bindValue(QStringLiteral(":pj"), likePattern(QString::fromUtf8(escaped.mid(2, escaped.size() - 4))));
    q.bindValue(QStringLiteral(":server"), serverId.isNull() ? QStringLiteral("") : serverId);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<SearchHit> out;
    while (q.next()) {
        const QString content = q.value(3).toString();
        const qsizetype at = std::max<qsizetype>(0, content.indexOf(text, 0, Qt::CaseInsensitive) - 40);
        QString snippet = content.mid(at, 160).simplified();
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), snippet});
    }
    return out;
}

Result<QString> ConversationStore::exportMarkdown(const QString &conversationId) const
{
    const auto info = conversation(conversationId);
    if (!info)
        return info.error();
    const auto stored = messages(conversationId);
    if (!stored)
        return stored.error();
    QString md = QStringLiteral("# ") + info->title + QStringLiteral("\n\n")
                 + Tr::tr("Server: %1 · started %2").arg(info->serverId,
                                                         info->created.toString(Qt::ISODate))
                 + QStringLiteral("\n\n");
    for (const StoredMessage &s : *stored) {
        const ChatMessage &m = s.message;
        switch (m.role) {
        case ChatMessage::Role::System:
            continue;
        case ChatMessage::Role::User:
            md += QStringLiteral("## ") + Tr::tr("You") + QStringLiteral("\n\n") + m.content
                  + QStringLiteral("\n\n");
            break;
        case ChatMessage::Role::Assistant:
            md += QStringLiteral("## ") + Tr::tr("AI") + QStringLiteral("\n\n");
            if (!m.content.isEmpty())
                md += m.content + QStringLiteral("\n\n");
            for (const ToolCall &c : m.toolCalls) {
                const QString f = fence(c.arguments);
                md += Tr::tr("Tool call: %1").arg(QStringLiteral("`") + c.name + QStringLiteral("`"))
                      + QStringLiteral("\n\n") + f + QStringLiteral("json\n") + c.arguments
                      + QLatin1Char('\n') + f + QStringLiteral("\n\n");
            }
            break;
        case ChatMessage::Role::Tool: {
            const QString f = fence(m.content);
            md += QStringLiteral("### ") + Tr::tr("Result of %1").arg(m.name) + QStringLiteral("\n\n");
            if (m.suspicious)
                md += QStringLiteral("> ⚠ ") + Tr::tr("This output contained text that looked like "
                                                      "instructions to the AI.")
                      + QStringLiteral("\n\n");
            md += f + QLatin1Char('\n') + m.content + QLatin1Char('\n') + f + QStringLiteral("\n\n");
            break;
        }
        }
    }
    return md;
}

} // namespace Qwq::Ai
