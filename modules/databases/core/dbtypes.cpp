// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbtypes.h"

#include "databasestr.h"

namespace Qwq::Databases {

QString engineId(Engine e)
{
    switch (e) {
    case Engine::PostgreSql: return QStringLiteral("postgresql");
    case Engine::MariaDb: return QStringLiteral("mariadb");
    case Engine::Redis: return QStringLiteral("redis");
    }
    return {};
}

std::optional<Engine> engineFromId(const QString &id)
{
    if (id == QLatin1String("postgresql") || id == QLatin1String("postgres"))
        return Engine::PostgreSql;
    if (id == QLatin1String("mariadb") || id == QLatin1String("mysql"))
        return Engine::MariaDb;
    if (id == QLatin1String("redis"))
        return Engine::Redis;
    return std::nullopt;
}

QString engineName(Engine e)
{
    switch (e) {
    case Engine::PostgreSql: return QStringLiteral("PostgreSQL");
    case Engine::MariaDb: return QStringLiteral("MariaDB / MySQL");
    case Engine::Redis: return QStringLiteral("Redis");
    }
    return {};
}

quint16 defaultPort(Engine e)
{
    switch (e) {
    case Engine::PostgreSql: return 5432;
    case Engine::MariaDb: return 3306;
    case Engine::Redis: return 6379;
    }
    return 0;
}

QString safeModeId(SafeMode m)
{
    switch (m) {
    case SafeMode::Off: return QStringLiteral("off");
    case SafeMode::ConfirmWrites: return QStringLiteral("confirm");
    case SafeMode::ReadOnly: return QStringLiteral("readonly");
    }
    return {};
}

SafeMode safeModeFromId(const QString &id)
{
    if (id == QLatin1String("off"))
        return SafeMode::Off;
    if (id == QLatin1String("readonly"))
        return SafeMode::ReadOnly;
    return SafeMode::ConfirmWrites; // unknown or missing: the careful default
}

QJsonObject ConnectionSpec::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("engine"), engineId(engine)},
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), int(port)},
        {QStringLiteral("user"), user},
        {QStringLiteral("database"), database},
        {QStringLiteral("viaSsh"), viaSsh},
        {QStringLiteral("safeMode"), safeModeId(safeMode)},
    };
}

ConnectionSpec ConnectionSpec::fromJson(const QJsonObject &o)
{
    ConnectionSpec s;
    s.id = o.value(QLatin1String("id")).toString();
    s.name = o.value(QLatin1String("name")).toString();
    s.engine = engineFromId(o.value(QLatin1String("engine")).toString()).value_or(Engine::PostgreSql);
    s.host = o.value(QLatin1String("host")).toString(QStringLiteral("127.0.0.1"));
    const int port = o.value(QLatin1String("port")).toInt(defaultPort(s.engine));
    s.port = port > 0 && port < 65536 ? quint16(port) : defaultPort(s.engine);
    s.user = o.value(QLatin1String("user")).toString();
    s.database = o.value(QLatin1String("database")).toString();
    s.viaSsh = o.value(QLatin1String("viaSsh")).toBool(true);
    s.safeMode = safeModeFromId(o.value(QLatin1String("safeMode")).toString());
    return s;
}

QString ConnectionSpec::passwordKey(const QString &profileId, const QString &connectionId)
{
    return profileId + QStringLiteral("/db/") + connectionId;
}

} // namespace Qwq::Databases
