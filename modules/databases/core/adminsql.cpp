// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "adminsql.h"

#include "databasestr.h"
#include "sqlquote.h"

#include <QRegularExpression>

namespace Qwq::Databases {

namespace {

AdminStatements one(const QString &sql, const QString &shown = {})
{
    return AdminStatements {{sql}, {shown.isEmpty() ? sql : shown}};
}

const QString Mask = QStringLiteral("'********'");

Result<QString> userRef(const AdminUser &u, Dialect d)
{
    if (d == Dialect::PostgreSql)
        return quoteIdentifier(u.name, d, QStringLiteral("user"));
    if (u.name.isEmpty() || u.name.size() > 80 || u.name.contains(QChar(0)))
        return Error(ErrorCode::InvalidParam, Tr::tr("A MariaDB user name has 1 to 80 characters."), {}, {}, QStringLiteral("user"));
    static const QRegularExpression host(QStringLiteral(R"(^[A-Za-z0-9.%_:-]{1,255}$)"));
    if (!host.match(u.host).hasMatch())
        return Error(ErrorCode::InvalidParam, Tr::tr("The host part is a host name, an address or a pattern with % and _."),
                     {}, {}, QStringLiteral("host"));
    return QString(quoteLiteral(u.name, d) + QLatin1Char('@') + quoteLiteral(u.host, d));
}

Result<void> checkPassword(const QString &pw, bool required)
{
    if (required && pw.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("Enter a password."), {}, {}, QStringLiteral("password"));
    if (pw.contains(QChar(0)))
        return Error(ErrorCode::InvalidParam, Tr::tr("A password cannot hold a NUL character."), {}, {}, QStringLiteral("password"));
    return {};
}

} // namespace

Result<AdminStatements> createDatabaseSql(const QString &name, const QString &owner, Dialect d)
{
    const Result<QString> n = quoteIdentifier(name, d, QStringLiteral("database"));
    if (!n)
        return n.error();
    if (d == Dialect::MariaDb)
        return one(QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").arg(*n));
    QString sql = QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8'").arg(*n);
    if (!owner.isEmpty()) {
        const Result<QString> o = quoteIdentifier(owner, d, QStringLiteral("owner"));
        if (!o)
            return o.error();
        sql += QStringLiteral(" OWNER %1").arg(*o);
    }
    return one(sql);
}

Result<AdminStatements> dropDatabaseSql(const QString &name, Dialect d)
{
    const Result<QString> n = quoteIdentifier(name, d, QStringLiteral("database"));
    if (!n)
        return n.error();
    return one(QStringLiteral("DROP DATABASE %1").arg(*n));
}

Result<AdminStatements> createUserSql(const AdminUser &u, Dialect d)
{
    const Result<QString> ref = userRef(u, d);
    if (!ref)
        return ref.error();
    if (Result<void> p = checkPassword(u.password, d == Dialect::MariaDb); !p)
        return p.error();
    if (d == Dialect::MariaDb)
        return one(QStringLiteral("CREATE USER %1 IDENTIFIED BY %2").arg(*ref, quoteLiteral(u.password, d)),
                   QStringLiteral("CREATE USER %1 IDENTIFIED BY %2").arg(*ref, Mask));
    if (u.password.isEmpty())
        return one(QStringLiteral("CREATE ROLE %1 LOGIN").arg(*ref));
    return one(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(*ref, quoteLiteral(u.password, d)),
               QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(*ref, Mask));
}

Result<AdminStatements> dropUserSql(const AdminUser &u, Dialect d)
{
    const Result<QString> ref = userRef(u, d);
    if (!ref)
        return ref.error();
    return one((d == Dialect::MariaDb ? QStringLiteral("DROP USER %1") : QStringLiteral("DROP ROLE %1")).arg(*ref));
}

Result<AdminStatements> changePasswordSql(const AdminUser &u, Dialect d)
{
    const Result<QString> ref = userRef(u, d);
    if (!ref)
        return ref.error();
    if (Result<void> p = checkPassword(u.password, true); !p)
        return p.error();
    if (d == Dialect::MariaDb)
        return one(QStringLiteral("ALTER USER %1 IDENTIFIED BY %2").arg(*ref, quoteLiteral(u.password, d)),
                   QStringLiteral("ALTER USER %1 IDENTIFIED BY %2").arg(*ref, Mask));
    return one(QStringLiteral("ALTER ROLE %1 PASSWORD %2").arg(*ref, quoteLiteral(u.password, d)),
               QStringLiteral("ALTER ROLE %1 PASSWORD %2").arg(*ref, Mask));
}

QStringList grantablePrivileges(GrantTarget::Kind kind, Dialect d)
{
    if (d == Dialect::MariaDb) {
        if (kind == GrantTarget::Kind::Table)
            return {QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                    QStringLiteral("ALTER"), QStringLiteral("INDEX"), QStringLiteral("DROP"), QStringLiteral("ALL PRIVILEGES")};
        return {QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                QStringLiteral("CREATE"), QStringLiteral("ALTER"), QStringLiteral("INDEX"), QStringLiteral("DROP"),
                QStringLiteral("CREATE VIEW"), QStringLiteral("EXECUTE"), QStringLiteral("ALL PRIVILEGES")};
    }
    if (kind == GrantTarget::Kind::Database)
        return {QStringLiteral("CONNECT"), QStringLiteral("CREATE"), QStringLiteral("TEMPORARY"), QStringLiteral("ALL PRIVILEGES")};
    return {QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
            QStringLiteral("TRUNCATE"), QStringLiteral("REFERENCES"), QStringLiteral("TRIGGER"), QStringLiteral("ALL PRIVILEGES")};
}

Result<AdminStatements> grantSql(const QStringList &privileges, const GrantTarget &t, const AdminUser &u, Dialect d,
                                 bool revoke)
{
    if (privileges.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("Choose at least one privilege."), {}, {}, QStringLiteral("privileges"));
    const QStringList allowed = grantablePrivileges(t.kind, d);
    for (const QString &p : privileges) {
        if (!allowed.contains(p))
            return Error(ErrorCode::InvalidParam, Tr::tr("%1 cannot be granted here.").arg(p), {}, {}, QStringLiteral("privileges"));
    }
    const Result<QString> ref = userRef(u, d);
    if (!ref)
        return ref.error();
    QString on;
    if (d == Dialect::MariaDb) {
        const Result<QString> db = quoteIdentifier(t.database, d, QStringLiteral("database"));
        if (!db)
            return db.error();
        if (t.kind == GrantTarget::Kind::Table) {
            const Result<QString> tb = quoteIdentifier(t.table, d, QStringLiteral("table"));
            if (!tb)
                return tb.error();
            on = *db + QLatin1Char('.') + *tb;
        } else {
            on = *db + QStringLiteral(".*");
        }
    } else if (t.kind == GrantTarget::Kind::Database) {
        const Result<QString> db = quoteIdentifier(t.database, d, QStringLiteral("database"));
        if (!db)
            return db.error();
        on = QStringLiteral("DATABASE ") + *db;
    } else {
        const Result<QString> sc = quoteIdentifier(t.schema, d, QStringLiteral("schema"));
        if (!sc)
            return sc.error();
        if (t.kind == GrantTarget::Kind::AllTables) {
            on = QStringLiteral("ALL TABLES IN SCHEMA ") + *sc;
        } else {
            const Result<QString> tb = quoteIdentifier(t.table, d, QStringLiteral("table"));
            if (!tb)
                return tb.error();
            on = QStringLiteral("TABLE ") + *sc + QLatin1Char('.') + *tb;
        }
    }
    const QString verb = revoke ? QStringLiteral("REVOKE %1 ON %2 FROM %3") : QStringLiteral("GRANT %1 ON %2 TO %3");
    return one(verb.arg(privileges.join(QStringLiteral(", ")), on, *ref));
}

} // namespace Qwq::Databases
