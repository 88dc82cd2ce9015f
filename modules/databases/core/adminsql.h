// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlscript.h"

#include <core/core/result.h>

#include <QStringList>

namespace Qwq::Databases {

/// Administration statements built from form fields: every name quoted as an identifier, every
/// password as a literal, privileges only from a fixed list, so nothing a user types is spliced
/// into SQL. `shown` is the same text with passwords masked: what the form previews and the
/// history keeps.
struct AdminStatements
{
    QStringList sql;
    QStringList shown;
};

struct AdminUser
{
    QString name;
    QString host = QStringLiteral("%"); ///< MariaDB only: the host part of 'user'@'host'
    QString password;                   ///< empty: none set (PostgreSQL) / refused (MariaDB create)
};

Result<AdminStatements> createDatabaseSql(const QString &name, const QString &owner, Dialect dialect);
Result<AdminStatements> dropDatabaseSql(const QString &name, Dialect dialect);
Result<AdminStatements> createUserSql(const AdminUser &user, Dialect dialect);
Result<AdminStatements> dropUserSql(const AdminUser &user, Dialect dialect);
Result<AdminStatements> changePasswordSql(const AdminUser &user, Dialect dialect);

/// What a grant applies to: a whole database, or every table of a schema (PostgreSQL) /
/// database (MariaDB), or one table.
struct GrantTarget
{
    enum class Kind { Database, AllTables, Table };
    Kind kind = Kind::AllTables;
    QString database; // MariaDB: the database; PostgreSQL: for Kind::Database
    QString schema;   // PostgreSQL: for AllTables/Table
    QString table;
};
/// The privileges a form may offer for a target kind (upper case).
QStringList grantablePrivileges(GrantTarget::Kind kind, Dialect dialect);
Result<AdminStatements> grantSql(const QStringList &privileges, const GrantTarget &target, const AdminUser &user,
                                 Dialect dialect, bool revoke = false);

} // namespace Qwq::Databases
