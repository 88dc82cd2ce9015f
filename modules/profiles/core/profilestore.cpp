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

#include <algorithm>

namespace Qwq::Profiles {

namespace {
constexpr int FileVersion = 2;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Error invalid(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}

Error notFound(const QString &field, const QString &message)
{
    return Error(ErrorCode::NotFound, message, {}, {}, field);
}

Error aboutProfile(const Profile &p, const Error &e)
{
    return Error(e.code, Tr::tr("Profile “%1”: %2").arg(p.name.isEmpty() ? p.id : p.name, e.message),
                 e.detail, e.hint, e.field);
}
} // namespace

ProfileStore::ProfileStore(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path))
{}

Result<void> ProfileStore::load()
{
    m_state = {};
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
    const QJsonObject root = doc.object();
    const int version = root.value(QStringLiteral("version")).toInt(1);
    if (version > FileVersion)
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The profiles file %1 was written by a newer qwq (version %2)")
                         .arg(m_path).arg(version), {}, {}, QStringLiteral("version"));
    State next;
    for (const QJsonValue &v : root.value(QStringLiteral("profiles")).toArray()) {
        auto p = Profile::fromJson(v.toObject());
        if (!p)
            return Error(p.error().code,
                         Tr::tr("A profile in %1 is not valid: %2").arg(m_path, p.error().message),
                         {}, {}, p.error().field);
        if (!p->isLocal())
            next.profiles.append(*p);
    }
    // Version 1 files have neither groups nor identities; reading them is the whole upgrade.
    for (const QJsonValue &v : root.value(QStringLiteral("groups")).toArray()) {
        auto g = Group::fromJson(v.toObject());
        if (!g)
            return Error(g.error().code,
                         Tr::tr("A group in %1 is not valid: %2").arg(m_path, g.error().message),
                         {}, {}, g.error().field);
        next.groups.append(*g);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("identities")).toArray()) {
        auto i = Identity::fromJson(v.toObject());
        if (!i)
            return Error(i.error().code,
                         Tr::tr("An identity in %1 is not valid: %2").arg(m_path, i.error().message),
                         {}, {}, i.error().field);
        next.identities.append(*i);
    }
    m_state = next;
    emit profilesChanged();
    return {};
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> all{Profile::local()};
    all += m_state.profiles;
    return all;
}

int ProfileStore::serversWithin(const QString &path) const
{
    const QList<Profile> all = profiles();
    return int(std::count_if(all.cbegin(), all.cend(), [&](const Profile &p) {
        return !p.isLocal() && Group::isWithin(p.group, path);
    }));
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    // Sidebar and fleet models call this for every role they paint: walk the stored list in
    // place instead of copying profiles() (twice) each time.
    if (idOrName == Profile::localId())
        return Profile::local();
    for (const Profile &p : m_state.profiles) {
        if (p.id == idOrName)
            return p;
    }
    const Profile local = Profile::local();
    if (idOrName == local.name)
        return local;
    for (const Profile &p : m_state.profiles) {
        if (p.name == idOrName)
            return p;
    }
    return std::nullopt;
}

Result<Profile> ProfileStore::upsert(Profile profile)
{
    auto r = upsertMany({std::move(profile)});
    if (!r)
        return r.error();
    return r->first();
}

Result<QList<Profile>> ProfileStore::upsertMany(QList<Profile> list)
{
    State next = m_state;
    for (Profile &profile : list) {
        if (profile.id.isEmpty())
            profile.id = newId();
        if (profile.isLocal())
            return invalid(QStringLiteral("id"), Tr::tr("“This computer” cannot be edited"));
        if (auto v = validate(profile); !v)
            return list.size() == 1 ? v.error() : aboutProfile(profile, v.error());
        bool replaced = false;
        for (Profile &p : next.profiles) {
            if (p.id == profile.id) {
                p = profile;
                replaced = true;
            }
        }
        if (!replaced)
            next.profiles.append(profile);
    }
    if (auto c = commit(next); !c)
        return c.error();
    return list;
}

Result<void> ProfileStore::remove(const QString &id)
{
    State next = m_state;
    const auto removed = next.profiles.removeIf([&](const Profile &p) { return p.id == id; });
    if (removed == 0)
        return notFound(QStringLiteral("id"), Tr::tr("No profile “%1”").arg(id));
    QStringList users;
    for (const Profile &p : std::as_const(next.profiles)) {
        if (p.jumpHosts.contains(id))
            users.append(p.name);
    }
    for (const Group &g : std::as_const(next.groups)) {
        if (g.jumpHosts && g.jumpHosts->contains(id))
            users.append(Tr::tr("group %1").arg(g.path));
    }
    if (!users.isEmpty())
        return invalid(QStringLiteral("jumpHosts"),
                       Tr::tr("The profile is a jump host for: %1").arg(users.join(QStringLiteral(", "))));
    return commit(next);
}

Result<Profile> ProfileStore::duplicate(const QString &id)
{
    const auto source = find(id);
    if (!source || source->isLocal())
        return notFound(QStringLiteral("id"), Tr::tr("No profile “%1”").arg(id));
    Profile copy = *source;
    copy.id = newId();
    copy.name = uniqueName(Tr::tr("%1 (copy)").arg(source->name));
    copy.lastUsed = {};
    copy.sshConfigAlias.clear();   // a re-import must keep matching the original only
    copy.sshImported = {};
    return upsert(copy);
}

Result<void> ProfileStore::touch(const QString &id)
{
    if (id == Profile::localId())
        return {};
    State next = m_state;
    for (Profile &p : next.profiles) {
        if (p.id == id) {
            p.lastUsed = QDateTime::currentDateTimeUtc();
            return commit(next);
        }
    }
    return notFound(QStringLiteral("id"), Tr::tr("No profile “%1”").arg(id));
}

std::optional<Group> ProfileStore::group(const QString &path) const
{
    for (const Group &g : m_state.groups) {
        if (g.path == path)
            return g;
    }
    return std::nullopt;
}

QStringList ProfileStore::groupPaths() const
{
    QStringList paths;
    for (const Group &g : m_state.groups)
        paths += Group::ancestry(g.path);
    for (const Profile &p : m_state.profiles)
        paths += Group::ancestry(p.group);
    paths.removeDuplicates();
    paths.sort(Qt::CaseInsensitive);
    return paths;
}

Result<Group> ProfileStore::upsertGroup(Group g, const QString &renameFrom)
{
    if (auto v = validate(g); !v)
        return v.error();
    State next = m_state;
    if (!renameFrom.isEmpty() && renameFrom != g.path) {
        const QStringList paths = groupPaths();
        if (!paths.contains(renameFrom))
            return notFound(QStringLiteral("group.path"), Tr::tr("No group “%1”").arg(renameFrom));
        if (Group::isWithin(g.path, renameFrom))
            return invalid(QStringLiteral("group.path"), Tr::tr("A group cannot be moved into itself"));
        if (paths.contains(g.path))
            return invalid(QStringLiteral("group.path"), Tr::tr("A group “%1” already exists").arg(g.path));
        // The path prefix is swapped; everything below keeps its place relative to the group.
        auto rebase = [&](const QString &p) { return g.path + p.mid(renameFrom.size()); };
        next.groups.removeIf([&](const Group &existing) { return existing.path == renameFrom; });
        for (Group &sub : next.groups) {
            if (Group::isWithin(sub.path, renameFrom))
                sub.path = rebase(sub.path);
        }
        for (Profile &p : next.profiles) {
            if (Group::isWithin(p.group, renameFrom))
                p.group = rebase(p.group);
        }
    }
    bool replaced = false;
    for (Group &existing : next.groups) {
        if (existing.path == g.path) {
            existing = g;
            replaced = true;
        }
    }
    if (!replaced)
        next.groups.append(g);
    if (auto c = commit(next); !c)
        return c.error();
    return g;
}

Result<void> ProfileStore::removeGroup(const QString &path, std::optional<QString> moveTo)
{
    if (auto v = validateGroupPath(path); !v || path.isEmpty())
        return invalid(QStringLiteral("group"), Tr::tr("The group path must not be empty"));
    if (moveTo) {
        if (auto v = validateGroupPath(*moveTo); !v)
            return v;
        if (Group::isWithin(*moveTo, path))
            return invalid(QStringLiteral("group"), Tr::tr("A group cannot be moved into itself"));
    }
    State next = m_state;
    const qsizetype own = next.groups.removeIf([&](const Group &g) { return g.path == path; });
    auto rebase = [&](const QString &p) {
        const QString rest = p.mid(path.size() + 1);
        if (moveTo->isEmpty())
            return rest;
        return rest.isEmpty() ? *moveTo : *moveTo + QLatin1Char('/') + rest;
    };
    int members = 0;
    for (Profile &p : next.profiles) {
        if (Group::isWithin(p.group, path)) {
            ++members;
            if (moveTo)
                p.group = rebase(p.group);
        }
    }
    for (Group &g : next.groups) {
        if (Group::isWithin(g.path, path)) {
            ++members;
            if (moveTo)
                g.path = rebase(g.path);
        }
    }
    if (members > 0 && !moveTo)
        return invalid(QStringLiteral("group"),
                       Tr::tr("The group “%1” is not empty (profiles and subgroups in it: %2)")
                           .arg(path)
                           .arg(members));
    // Re-parented subgroups that land on an existing group keep the existing settings.
    QStringList seen;
    next.groups.removeIf([&](const Group &g) {
        if (g.path.isEmpty() || seen.contains(g.path))
            return true;
        seen.append(g.path);
        return false;
    });
    if (own == 0 && members == 0)
        return notFound(QStringLiteral("group"), Tr::tr("No group “%1”").arg(path));
    return commit(next);
}

std::optional<Identity> ProfileStore::identity(const QString &id) const
{
    for (const Identity &i : m_state.identities) {
        if (i.id == id)
            return i;
    }
    return std::nullopt;
}

Result<Identity> ProfileStore::upsertIdentity(Identity identity)
{
    if (identity.id.isEmpty())
        identity.id = newId();
    if (auto v = validate(identity); !v)
        return v.error();
    State next = m_state;
    bool replaced = false;
    for (Identity &existing : next.identities) {
        if (existing.id == identity.id) {
            existing = identity;
            replaced = true;
        }
    }
    if (!replaced)
        next.identities.append(identity);
    if (auto c = commit(next); !c)
        return c.error();
    return identity;
}

Result<void> ProfileStore::removeIdentity(const QString &id, bool clearReferences)
{
    State next = m_state;
    if (next.identities.removeIf([&](const Identity &i) { return i.id == id; }) == 0)
        return notFound(QStringLiteral("identityId"), Tr::tr("No identity “%1”").arg(id));
    QStringList users;
    for (Profile &p : next.profiles) {
        if (p.identityId != id)
            continue;
        users.append(p.name);
        p.identityId.clear();
        // Its own settings apply again; "key" without a key file would not be valid.
        if (p.auth == AuthMethod::Key && p.identityFile.isEmpty())
            p.auth = AuthMethod::Auto;
    }
    for (Group &g : next.groups) {
        if (g.identityId != id)
            continue;
        users.append(Tr::tr("group %1").arg(g.path));
        g.identityId = QString();   // explicit "none": the hosts keep not using a parent's
    }
    if (!users.isEmpty() && !clearReferences)
        return invalid(QStringLiteral("identityId"),
                       Tr::tr("The identity is used by: %1").arg(users.join(QStringLiteral(", "))));
    return commit(next);
}

Result<void> ProfileStore::commit(const State &next)
{
    if (auto c = check(next); !c)
        return c;
    if (auto s = save(next); !s)
        return s;   // m_state untouched: memory still matches the file
    m_state = next;
    emit profilesChanged();
    return {};
}

Result<void> ProfileStore::check(const State &s) const
{
    QSet<QString> ids, names, identityIds, groupPaths;
    for (const Identity &i : s.identities) {
        if (auto v = validate(i); !v)
            return v;
        if (identityIds.contains(i.id))
            return invalid(QStringLiteral("identity.id"), Tr::tr("Two identities have the id “%1”").arg(i.id));
        identityIds.insert(i.id);
    }
    for (const Profile &p : s.profiles) {
        if (auto v = validate(p); !v)
            return aboutProfile(p, v.error());
        if (ids.contains(p.id) || p.isLocal())
            return aboutProfile(p, invalid(QStringLiteral("id"), Tr::tr("The id “%1” is already used").arg(p.id)));
        if (names.contains(p.name))
            return invalid(QStringLiteral("name"), Tr::tr("A profile named “%1” already exists").arg(p.name));
        ids.insert(p.id);
        names.insert(p.name);
    }
    for (const Group &g : s.groups) {
        if (auto v = validate(g); !v)
            return v;
        if (groupPaths.contains(g.path))
            return invalid(QStringLiteral("group.path"), Tr::tr("The group “%1” exists twice").arg(g.path));
        groupPaths.insert(g.path);
        if (g.identityId && !g.identityId->isEmpty() && !identityIds.contains(*g.identityId))
            return invalid(QStringLiteral("group.identityId"),
                           Tr::tr("Group “%1” uses an unknown identity").arg(g.path));
        for (const QString &hop : g.jumpHosts.value_or(QStringList())) {
            if (!ids.contains(hop))
                return invalid(QStringLiteral("group.jumpHosts"),
                               Tr::tr("Group “%1” has an unknown jump host “%2”").arg(g.path, hop));
        }
    }
    for (const Profile &p : s.profiles) {
        if (!p.identityId.isEmpty() && !identityIds.contains(p.identityId))
            return aboutProfile(p, invalid(QStringLiteral("identityId"), Tr::tr("Unknown identity “%1”").arg(p.identityId)));
        if (auto chain = jumpChainIn(s, p.id); !chain)
            return aboutProfile(p, chain.error());
    }
    return {};
}

Result<void> ProfileStore::save(const State &s) const
{
    QJsonArray profiles, groups, identities;
    for (const Profile &p : s.profiles)
        profiles.append(p.toJson());
    for (const Group &g : s.groups)
        groups.append(g.toJson());
    for (const Identity &i : s.identities)
        identities.append(i.toJson());
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::FileError, Tr::tr("Cannot write the profiles file %1").arg(m_path),
                     f.errorString());
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), FileVersion},
                                      {QStringLiteral("profiles"), profiles},
                                      {QStringLiteral("groups"), groups},
                                      {QStringLiteral("identities"), identities}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::FileError, Tr::tr("Cannot write the profiles file %1").arg(m_path),
                     f.errorString());
    return {};
}

} // namespace Qwq::Profiles
