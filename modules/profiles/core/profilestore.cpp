// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "profilestr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

namespace Qwq::Profiles {

ProfileStore::ProfileStore(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path))
{}

Result<void> ProfileStore::load()
{
    m_profiles.clear();
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileError, Tr::tr("Cannot read the profiles file %1").arg(m_path),
                     f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The profiles file %1 is not valid JSON").arg(m_path), pe.errorString());
    const QJsonArray list = doc.object().value(QStringLiteral("profiles")).toArray();
    for (const QJsonValue &v : list) {
        auto p = Profile::fromJson(v.toObject());
        if (!p)
            return Error(p.error().code,
                         Tr::tr("A profile in %1 is not valid: %2").arg(m_path, p.error().message),
                         {}, {}, p.error().field);
        if (!p->isLocal())
            m_profiles.append(*p);
    }
    emit profilesChanged();
    return {};
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> all{Profile::local()};
    all += m_profiles;
    return all;
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    for (const Profile &p : profiles()) {
        if (p.id == idOrName)
            return p;
    }
    for (const Profile &p : profiles()) {
        if (p.name == idOrName)
            return p;
    }
    return std::nullopt;
}

Result<Profile> ProfileStore::upsert(Profile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (profile.isLocal())
        return Error(ErrorCode::InvalidParam, Tr::tr("“This computer” cannot be edited"), {}, {},
                     QStringLiteral("id"));
    if (auto v = validate(profile); !v)
        return v.error();
    for (const Profile &other : std::as_const(m_profiles)) {
        if (other.id != profile.id && other.name == profile.name)
            return Error(ErrorCode::InvalidParam,
                         Tr::tr("A profile named “%1” already exists").arg(profile.name), {}, {},
                         QStringLiteral("name"));
    }
    const QList<Profile> before = m_profiles;
    bool replaced = false;
    for (Profile &p : m_profiles) {
        if (p.id == profile.id) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        m_profiles.append(profile);
    if (auto s = save(); !s) {
        m_profiles = before;   // nothing is lost: memory matches the file again
        return s.error();
    }
    emit profilesChanged();
    return profile;
}

Result<void> ProfileStore::remove(const QString &id)
{
    const QList<Profile> before = m_profiles;
    const auto removed = m_profiles.removeIf([&](const Profile &p) { return p.id == id; });
    if (removed == 0)
        return Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(id), {}, {},
                     QStringLiteral("id"));
    if (auto s = save(); !s) {
        m_profiles = before;
        return s.error();
    }
    emit profilesChanged();
    return {};
}

Result<void> ProfileStore::save() const
{
    QJsonArray list;
    for (const Profile &p : m_profiles)
        list.append(p.toJson());
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::FileError, Tr::tr("Cannot write the profiles file %1").arg(m_path),
                     f.errorString());
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                      {QStringLiteral("profiles"), list}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::FileError, Tr::tr("Cannot write the profiles file %1").arg(m_path),
                     f.errorString());
    return {};
}

} // namespace Qwq::Profiles
