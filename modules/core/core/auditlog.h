// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Qwq {

struct AuditEntry
{
    QDateTime when;
    QString server;   // profile id
    QString method;
    QString params;   // JSON, secrets masked before it is stored
    bool ok = false;
    int errorCode = 0;
    QString detail;
};

/// The local audit log: every mutating call the app makes, in SQLite. One instance per
/// thread (it owns a named QSqlDatabase connection). Parameters are masked on the way in.
class AuditLog final
{
public:
    explicit AuditLog(QString path);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    Result<void> open();
    Result<void> record(const QString &server, const QString &method, const QJsonValue &params,
                        const Result<void> &outcome);
    Result<QList<AuditEntry>> recent(int limit = 200, const QString &server = {}) const;

private:
    QString m_path;
    QString m_connection;
};

} // namespace Qwq
