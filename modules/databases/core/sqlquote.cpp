// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlquote.h"

#include "databasestr.h"

namespace Qwq::Databases {

Result<QString> quoteIdentifier(const QString &name, Dialect dialect, const QString &field)
{
    if (name.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("The name is empty."), {}, {}, field);
    if (name.contains(QChar(0)))
        return Error(ErrorCode::InvalidParam, Tr::tr("A name cannot hold a NUL character."), {}, {}, field);
    if (name.size() > 63 && dialect == Dialect::PostgreSql)
        return Error(ErrorCode::InvalidParam, Tr::tr("PostgreSQL names are at most 63 characters."), {}, {}, field);
    if (name.size() > 64 && dialect == Dialect::MariaDb)
        return Error(ErrorCode::InvalidParam, Tr::tr("MariaDB names are at most 64 characters."), {}, {}, field);
    const QChar q = dialect == Dialect::MariaDb ? QLatin1Char('`') : QLatin1Char('"');
    QString out = name;
    out.replace(q, QString(2, q));
    return QString(q + out + q);
}

QString qualifiedName(const QString &schema, const QString &name, Dialect dialect)
{
    const Result<QString> n = quoteIdentifier(name, dialect);
    if (schema.isEmpty())
        return n.valueOr(QString());
    const Result<QString> s = quoteIdentifier(schema, dialect);
    return s.valueOr(QString()) + QLatin1Char('.') + n.valueOr(QString());
}

QString quoteLiteral(const QString &value, Dialect dialect)
{
    QString v = value;
    v.remove(QChar(0));
    if (dialect == Dialect::MariaDb)
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace Qwq::Databases
