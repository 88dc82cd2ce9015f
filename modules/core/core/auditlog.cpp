// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "coretr.h"
#include "redact.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Qwq {

using Core::Tr;

namespace {
Error sqlError(const QString &what, const QSqlError &e)
{
    return Error(ErrorCode::Internal, Tr::tr("The audit log could not be written: %1").arg(what),
                 e.text());
}
} // namespace

AuditLog::AuditLog(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

AuditLog::~AuditLog()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<void> AuditLog::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(m_path, db.lastError());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS audit ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " ts TEXT NOT NULL, server TEXT NOT NULL, method TEXT NOT NULL,"
                               " params TEXT NOT NULL, ok INTEGER NOT NULL,"
                               " error_code INTEGER NOT NULL DEFAULT 0, detail TEXT)")))
        return sqlError(m_path, q.lastError());
    q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS audit_server ON audit(server, id)"));
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<void> AuditLog::record(const QString &server, const QString &method,
                              const QJsonValue &params, const Result<void> &outcome)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error(ErrorCode::Internal, Tr::tr("The audit log is not open"));
    const QJsonValue masked = Redact::maskJson(params);
    QByteArray json;
    if (masked.isObject())
        json = QJsonDocument(masked.toObject()).toJson(QJsonDocument::Compact);
    else if (masked.isArray())
        json = QJsonDocument(masked.toArray()).toJson(QJsonDocument::Compact);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit (ts, server, method, params, ok, error_code, detail)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(server);
    q.addBindValue(method);
    q.addBindValue(QString::fromUtf8(json));
    q.addBindValue(outcome.ok() ? 1 : 0);
    q.addBindValue(outcome.ok() ? 0 : outcome.error().number());
    q.addBindValue(outcome.ok() ? QString() : Redact::maskText(outcome.error().toString()));
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<QList<AuditEntry>> AuditLog::recent(int limit, const QString &server) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error(ErrorCode::Internal, Tr::tr("The audit log is not open"));
    QSqlQuery q(db);
    q.prepare(server.isEmpty()
                  ? QStringLiteral("SELECT ts, server, method, params, ok, error_code, detail"
                                   " FROM audit ORDER BY id DESC LIMIT ?")
                  : QStringLiteral("SELECT ts, server, method, params, ok, error_code, detail"
                                   " FROM audit WHERE server = ? ORDER BY id DESC LIMIT ?"));
    if (!server.isEmpty())
        q.addBindValue(server);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.when = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        e.server = q.value(1).toString();
        e.method = q.value(2).toString();
        e.params = q.value(3).toString();
        e.ok = q.value(4).toInt() != 0;
        e.errorCode = q.value(5).toInt();
        e.detail = q.value(6).toString();
        out.append(e);
    }
    return out;
}

} // namespace Qwq
