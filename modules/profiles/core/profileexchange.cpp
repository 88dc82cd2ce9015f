// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore: team export and import of profiles, groups and identities (never secrets).
#include "profilestore.h"

#include "profilestr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Qwq::Profiles {

namespace {
const QString FormatName = QStringLiteral("qwq-profiles");

Error invalid(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}
} // namespace

Result<QByteArray> ProfileStore::exportProfiles(const QStringList &ids) const
{
    QStringList wanted;
    if (ids.isEmpty()) {
        for (const Profile &p : m_state.profiles)
            wanted.append(p.id);
    }
    for (const QString &idOrName : ids) {
        const auto p = find(idOrName);
        if (!p || p->isLocal())
            return Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(idOrName), {}, {},
                         QStringLiteral("profiles"));
        wanted.append(p->id);
    }
    // Close over what the chosen profiles need: jump hosts (theirs and their groups'), groups
    // on their paths, identities.
    QStringList groupPaths, identityIds;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const auto p = find(wanted.at(i));
        if (!p)
            continue;   // an unknown hop is exported as a dangling id; import will name it
        QStringList hops = p->jumpHosts;
        if (!p->identityId.isEmpty())
            identityIds.append(p->identityId);
        for (const QString &path : Group::ancestry(p->group)) {
            if (const auto g = group(path)) {
                groupPaths.append(path);
                hops += g->jumpHosts.value_or(QStringList());
                if (g->identityId && !g->identityId->isEmpty())
                    identityIds.append(*g->identityId);
            }
        }
        for (const QString &hop : std::as_const(hops)) {
            if (!wanted.contains(hop))
                wanted.append(hop);
        }
    }
    QJsonArray profiles, groups, identities;
    for (const Profile &p : m_state.profiles) {
        if (wanted.contains(p.id))
            profiles.append(p.toExportJson());
    }
    for (const Group &g : m_state.groups) {
        if (groupPaths.contains(g.path))
            groups.append(g.toJson());
    }
    for (const Identity &i : m_state.identities) {
        if (identityIds.contains(i.id))
            identities.append(i.toJson());
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), FormatName},
                                     {QStringLiteral("version"), 2},
                                     {QStringLiteral("profiles"), profiles},
                                     {QStringLiteral("groups"), groups},
                                     {QStringLiteral("identities"), identities}})
        .toJson(QJsonDocument::Indented);
}

Result<ImportReport> ProfileStore::importProfiles(const QByteArray &json, ConflictPolicy policy)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidParam, Tr::tr("The profiles export is not valid JSON"),
                     pe.errorString());
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != FormatName)
        return invalid(QStringLiteral("format"), Tr::tr("This is not a qwq profiles export"));
    if (root.value(QStringLiteral("version")).toInt() > 2)
        return invalid(QStringLiteral("version"), Tr::tr("The export was written by a newer qwq"));

    // Parse everything first: one bad item and nothing is written.
    QList<Profile> incoming;
    QList<Group> incomingGroups;
    QList<Identity> incomingIdentities;
    for (const QJsonValue &v : root.value(QStringLiteral("profiles")).toArray()) {
        const QJsonObject o = v.toObject();
        auto p = Profile::fromJson(o);
        if (!p) {
            const QString name = o.value(QStringLiteral("name")).toString(o.value(QStringLiteral("id")).toString());
            return Error(p.error().code, Tr::tr("Profile “%1”: %2").arg(name, p.error().message),
                         {}, {}, p.error().field);
        }
        if (p->isLocal())
            continue;
        p->lastUsed = {};
        p->sshImported = {};
        incoming.append(*p);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("groups")).toArray()) {
        auto g = Group::fromJson(v.toObject());
        if (!g)
            return Error(g.error().code, Tr::tr("Group “%1”: %2").arg(v.toObject().value(QStringLiteral("path")).toString(), g.error().message),
                         {}, {}, g.error().field);
        incomingGroups.append(*g);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("identities")).toArray()) {
        auto i = Identity::fromJson(v.toObject());
        if (!i)
            return Error(i.error().code, Tr::tr("Identity “%1”: %2").arg(v.toObject().value(QStringLiteral("name")).toString(), i.error().message),
                         {}, {}, i.error().field);
        incomingIdentities.append(*i);
    }

    ImportReport report;
    State next = m_state;
    QHash<QString, QString> identityMap, profileMap;
    for (Identity i : std::as_const(incomingIdentities)) {
        const auto existing = std::find_if(next.identities.begin(), next.identities.end(),
                                           [&](const Identity &e) { return e.id == i.id; });
        if (existing == next.identities.end()) {
            identityMap.insert(i.id, i.id);
            next.identities.append(i);
        } else if (policy == ConflictPolicy::Replace) {
            identityMap.insert(i.id, i.id);
            *existing = i;
        } else if (policy == ConflictPolicy::KeepBoth) {
            const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
            identityMap.insert(i.id, fresh);
            i.id = fresh;
            next.identities.append(i);
        } else {
            identityMap.insert(i.id, i.id);
        }
    }
    // Decide every profile's final id before rewriting references to them.
    QList<std::pair<Profile, qsizetype>> placed;   // profile, index it replaces (-1: append)
    for (Profile p : std::as_const(incoming)) {
        qsizetype at = -1;
        for (qsizetype k = 0; k < next.profiles.size(); ++k) {
            if (next.profiles.at(k).id == p.id)
                at = k;
        }
        for (qsizetype k = 0; at < 0 && k < next.profiles.size(); ++k) {
            if (next.profiles.at(k).name == p.name)
                at = k;
        }
        if (at < 0) {
            profileMap.insert(p.id, p.id);
            report.added.append(p.name);
            placed.append({p, -1});
        } else if (policy == ConflictPolicy::Skip) {
            profileMap.insert(p.id, next.profiles.at(at).id);
            report.skipped.append(p.name);
        } else if (policy == ConflictPolicy::Replace) {
            profileMap.insert(p.id, next.profiles.at(at).id);
            report.updated.append(p.name);
            placed.append({p, at});
        } else {
            const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
            profileMap.insert(p.id, fresh);
            p.id = fresh;
            report.added.append(p.name);
            placed.append({p, -1});
        }
    }
    auto mapHops = [&](QStringList hops) {
        for (QString &h : hops)
            h = profileMap.value(h, h);
        return hops;
    };
    for (auto &[p, at] : placed) {
        p.id = profileMap.value(p.id, p.id);
        p.jumpHosts = mapHops(p.jumpHosts);
        if (!p.identityId.isEmpty())
            p.identityId = identityMap.value(p.identityId, p.identityId);
        if (at >= 0) {
            const Profile &local = next.profiles.at(at);
            p.lastUsed = local.lastUsed;           // local bookkeeping survives a replace
            p.sshImported = local.sshImported;
            next.profiles[at] = p;
        } else {
            if (policy == ConflictPolicy::KeepBoth)
                p.name = uniqueNameIn(next, p.name);
            next.profiles.append(p);
        }
    }
    for (Group g : std::as_const(incomingGroups)) {
        if (g.jumpHosts)
            g.jumpHosts = mapHops(*g.jumpHosts);
        if (g.identityId)
            g.identityId = identityMap.value(*g.identityId, *g.identityId);
        const auto existing = std::find_if(next.groups.begin(), next.groups.end(),
                                           [&](const Group &e) { return e.path == g.path; });
        if (existing == next.groups.end())
            next.groups.append(g);
        else if (policy == ConflictPolicy::Replace)
            *existing = g;
    }
    if (auto c = commit(next); !c)
        return c.error();
    return report;
}

} // namespace Qwq::Profiles
