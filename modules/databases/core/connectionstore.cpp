// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstore.h"

#include "databasestr.h"

#include <core/core/paths.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace Qwq::Databases {

ConnectionStore::ConnectionStore(QString file)
    : m_file(file.isEmpty() ? Paths::configDir() + QStringLiteral("/databases.json") : std::move(file))
{
}

Result<void> ConnectionStore::load()
{
    m_byProfile.clear();
    QFile f(m_file);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, Tr::tr("Could not read %1.").arg(m_file), f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidParam, Tr::tr("%1 is not valid JSON.").arg(m_file), pe.errorString());
    const QJsonObject profiles = doc.object().value(QLatin1String("profiles")).toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        QList<ConnectionSpec> list;
        for (const QJsonValue &v : it.value().toArray()) {
            ConnectionSpec s = ConnectionSpec::fromJson(v.toObject());
            if (!s.id.isEmpty())
                list.append(s);
        }
        m_byProfile.insert(it.key(), list);
    }
    return {};
}

Result<void> ConnectionStore::save() const
{
    QJsonObject profiles;
    for (auto it = m_byProfile.begin(); it != m_byProfile.end(); ++it) {
        QJsonArray arr;
        for (const ConnectionSpec &s : it.value())
            arr.append(s.toJson());
        profiles.insert(it.key(), arr);
    }
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile f(m_file);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(m_file), f.errorString());
    f.write(QJsonDocument(QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("profiles"), profiles}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::Internal, Tr::tr("Could not write %1.").arg(m_file), f.errorString());
    return {};
}

QList<ConnectionSpec> ConnectionStore::connections(const QString &profileId) const
{
    return m_byProfile.value(profileId);
}

std::optional<ConnectionSpec> ConnectionStore::find(const QString &profileId, const QString &id) const
{
    for (const ConnectionSpec &s : m_byProfile.value(profileId)) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

ConnectionSpec ConnectionStore::upsert(const QString &profileId, ConnectionSpec spec)
{
    if (spec.id.isEmpty())
        spec.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<ConnectionSpec> &list = m_byProfile[profileId];
    for (ConnectionSpec &s : list) {
        if (s.id == spec.id) {
            s = spec;
            return spec;
        }
    }
    list.append(spec);
    return spec;
}

void ConnectionStore::remove(const QString &profileId, const QString &id)
{
    QList<ConnectionSpec> &list = m_byProfile[profileId];
    list.removeIf([&](const ConnectionSpec &s) { return s.id == id; });
}

Result<void> ConnectionStore::validate(const ConnectionSpec &spec)
{
    const auto bad = [](const QString &field, const QString &message) {
        return Error(ErrorCode::InvalidParam, message, {}, {}, field);
    };
    if (spec.name.trimmed().isEmpty())
        return bad(QStringLiteral("name"), Tr::tr("Give the connection a name."));
    static const QRegularExpression host(QStringLiteral(R"(^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]+$)"));
    if (spec.host.isEmpty() || spec.host.size() > 253 || !host.match(spec.host).hasMatch())
        return bad(QStringLiteral("host"), Tr::tr("The host must be a host name or an IP address."));
    if (spec.port == 0)
        return bad(QStringLiteral("port"), Tr::tr("The port must be from 1 to 65535."));
    const auto badName = [](const QString &s) {
        return s.size() > 128 || s.contains(QChar(0)) || s.contains(QLatin1Char('\n'));
    };
    if (spec.engine != Engine::Redis && spec.user.trimmed().isEmpty())
        return bad(QStringLiteral("user"), Tr::tr("The user name is missing."));
    if (badName(spec.user))
        return bad(QStringLiteral("user"), Tr::tr("The user name is too long or holds a control character."));
    if (badName(spec.database))
        return bad(QStringLiteral("database"), Tr::tr("The database name is too long or holds a control character."));
    if (spec.engine == Engine::Redis && !spec.database.isEmpty()) {
        bool ok = false;
        const int n = spec.database.toInt(&ok);
        if (!ok || n < 0 || n > 15)
            return bad(QStringLiteral("database"), Tr::tr("A Redis database is a number from 0 to 15."));
    }
    return {};
}

} // namespace Qwq::Databases
