// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore: inheritance, jump chains, search and sorting (no writes here).
#include "profilestore.h"

#include "profilestr.h"

#include <QCollator>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace Qwq::Profiles {

namespace {
Error jumpError(const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, QStringLiteral("jumpHosts"));
}

const Profile *findIn(const QList<Profile> &list, const QString &id)
{
    for (const Profile &p : list) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

/// The first value `get` yields walking from the profile's own group up to the top.
template<typename T, typename Get>
std::optional<T> nearest(const QList<Group> &groups, const QString &path, Get get)
{
    QStringList chain = Group::ancestry(path);
    std::reverse(chain.begin(), chain.end());
    for (const QString &ancestor : chain) {
        for (const Group &g : groups) {
            if (g.path == ancestor) {
                if (std::optional<T> v = get(g))
                    return v;
            }
        }
    }
    return std::nullopt;
}

/// Digit runs compare as numbers ("10.0.0.2" < "10.0.0.10"), the rest case-insensitively.
/// Done by hand: QCollator's numeric mode is missing without ICU (and in the C locale).
int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            QStringView da = QStringView(a).mid(i, ei - i), db = QStringView(b).mid(j, ej - j);
            while (da.size() > 1 && da.front() == QLatin1Char('0'))
                da = da.mid(1);
            while (db.size() > 1 && db.front() == QLatin1Char('0'))
                db = db.mid(1);
            if (da.size() != db.size())
                return da.size() < db.size() ? -1 : 1;
            if (const int c = da.compare(db); c != 0)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a.at(i).toCaseFolded(), cb = b.at(j).toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i > 0) - (b.size() - j > 0);
}

QString localLoginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name;
}
} // namespace

Result<Profile> ProfileStore::effectiveIn(const State &s, const Profile &p)
{
    if (p.isLocal())
        return p;
    Profile e = p;
    e.inherits.clear();
    const auto &groups = s.groups;

    if (p.isInherited(QStringLiteral("identityId")))
        e.identityId = nearest<QString>(groups, p.group, [](const Group &g) { return g.identityId; })
                           .value_or(QString());
    std::optional<Identity> identity;
    if (!e.identityId.isEmpty()) {
        for (const Identity &i : s.identities) {
            if (i.id == e.identityId)
                identity = i;
        }
        if (!identity)
            return Error(ErrorCode::InvalidParam, Tr::tr("Unknown identity “%1”").arg(e.identityId),
                         {}, {}, QStringLiteral("identityId"));
        // An identity is the credential: it decides how to authenticate and with which key.
        e.auth = identity->auth;
        e.identityFile = identity->identityFile;
    }
    if (p.isInherited(QStringLiteral("user"))) {
        if (identity && !identity->user.isEmpty())
            e.user = identity->user;
        else
            e.user = nearest<QString>(groups, p.group, [](const Group &g) {
                         return g.user && !g.user->isEmpty() ? g.user : std::nullopt;
                     }).value_or(localLoginName());   // like OpenSSH: the local user name
        if (e.user.isEmpty())
            return Error(ErrorCode::InvalidParam,
                         Tr::tr("No user name is set for “%1”, neither on the profile nor "
                                "inherited").arg(p.name), {}, {}, QStringLiteral("user"));
    }
    if (p.isInherited(QStringLiteral("port")))
        e.port = nearest<quint16>(groups, p.group, [](const Group &g) { return g.port; }).value_or(22);
    if (p.isInherited(QStringLiteral("keepAliveSeconds")))
        e.keepAliveSeconds = nearest<int>(groups, p.group, [](const Group &g) {
                                 return g.keepAliveSeconds;
                             }).value_or(30);
    if (p.isInherited(QStringLiteral("jumpHosts"))) {
        e.jumpHosts = nearest<QStringList>(groups, p.group, [](const Group &g) { return g.jumpHosts; })
                          .value_or(QStringList());
        // A bastion inside the group it serves reaches only the hops before itself.
        const qsizetype self = e.jumpHosts.indexOf(p.id);
        if (self >= 0)
            e.jumpHosts = e.jumpHosts.mid(0, self);
    }
    if (e.colour.isEmpty())
        e.colour = nearest<QString>(groups, p.group, [](const Group &g) {
                       return g.colour.isEmpty() ? std::nullopt : std::optional<QString>(g.colour);
                   }).value_or(QString());
    return e;
}

Result<QList<Profile>> ProfileStore::jumpChainIn(const State &s, const QString &profileId)
{
    const Profile *target = findIn(s.profiles, profileId);
    if (!target) {
        if (profileId == Profile::localId())
            return QList<Profile>();
        return Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(profileId), {}, {},
                     QStringLiteral("id"));
    }
    auto eff = effectiveIn(s, *target);
    if (!eff)
        return eff.error();

    QList<Profile> chain;
    QStringList stack{profileId};
    // Depth-first: a hop's own jump hosts are reached before the hop itself.
    std::function<Result<void>(const QString &)> visit = [&](const QString &hopId) -> Result<void> {
        if (hopId == Profile::localId())
            return jumpError(Tr::tr("“This computer” cannot be a jump host"));
        const Profile *hop = findIn(s.profiles, hopId);
        if (!hop)
            return jumpError(Tr::tr("Unknown jump host “%1”").arg(hopId));
        if (stack.contains(hopId)) {
            QStringList names;
            for (const QString &id : std::as_const(stack))
                names.append(findIn(s.profiles, id)->name);
            names.append(hop->name);
            return jumpError(Tr::tr("The jump hosts form a loop: %1").arg(names.join(QStringLiteral(" → "))));
        }
        if (std::any_of(chain.cbegin(), chain.cend(), [&](const Profile &p) { return p.id == hopId; }))
            return {};   // already on the way
        auto hopEff = effectiveIn(s, *hop);
        if (!hopEff)
            return Error(hopEff.error().code,
                         Tr::tr("Jump host “%1”: %2").arg(hop->name, hopEff.error().message), {}, {},
                         QStringLiteral("jumpHosts"));
        stack.append(hopId);
        for (const QString &next : std::as_const(hopEff->jumpHosts)) {
            if (auto r = visit(next); !r)
                return r;
        }
        stack.removeLast();
        chain.append(*hopEff);
        return {};
    };
    for (const QString &hopId : std::as_const(eff->jumpHosts)) {
        if (auto r = visit(hopId); !r)
            return r.error();
    }
    return chain;
}

Result<Profile> ProfileStore::effective(const QString &profileId) const
{
    if (profileId == Profile::localId())
        return Profile::local();
    const Profile *p = findIn(m_state.profiles, profileId);
    if (!p)
        return Error(ErrorCode::NotFound, Tr::tr("No profile “%1”").arg(profileId), {}, {},
                     QStringLiteral("id"));
    return effectiveIn(m_state, *p);
}

Result<Profile> ProfileStore::effectiveFor(const Profile &profile) const
{
    return effectiveIn(m_state, profile);
}

Result<QList<Profile>> ProfileStore::jumpChain(const QString &profileId) const
{
    return jumpChainIn(m_state, profileId);
}

QList<Profile> ProfileStore::search(const QString &query) const
{
    const QStringList words = query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QList<Profile> out;
    for (const Profile &p : profiles()) {
        const QStringList haystack = QStringList{p.name, p.host, p.user, p.group, p.notes} + p.tags;
        const bool all = std::all_of(words.cbegin(), words.cend(), [&](const QString &w) {
            return std::any_of(haystack.cbegin(), haystack.cend(), [&](const QString &h) {
                return h.contains(w, Qt::CaseInsensitive);
            });
        });
        if (all)
            out.append(p);
    }
    return out;
}

bool ProfileStore::lessThan(const Profile &a, const Profile &b, SortOrder order,
                            const QCollator &collator)
{
    if (a.isLocal() != b.isLocal())
        return a.isLocal();
    if (order == SortOrder::LastUsed && a.lastUsed != b.lastUsed) {
        if (a.lastUsed.isValid() != b.lastUsed.isValid())
            return a.lastUsed.isValid();   // never used goes last
        return a.lastUsed > b.lastUsed;     // most recent first
    }
    if (order == SortOrder::Group && a.group != b.group) {
        if (a.group.isEmpty() != b.group.isEmpty())
            return b.group.isEmpty();      // top-level profiles after the groups
        return collator.compare(a.group, b.group) < 0;
    }
    if (order == SortOrder::Host && (a.host != b.host || a.port != b.port)) {
        if (const int c = naturalCompare(a.host, b.host); c != 0)
            return c < 0;
        return a.port < b.port;
    }
    return collator.compare(a.name, b.name) < 0;
}

void ProfileStore::sort(QList<Profile> &list, SortOrder order)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(list.begin(), list.end(), [&](const Profile &a, const Profile &b) {
        return lessThan(a, b, order, collator);
    });
}

QList<Profile> ProfileStore::sorted(SortOrder order) const
{
    QList<Profile> list = profiles();
    sort(list, order);
    return list;
}

QString ProfileStore::uniqueNameIn(const State &s, const QString &base)
{
    auto used = [&](const QString &name) {
        return name == Profile::local().name
               || std::any_of(s.profiles.cbegin(), s.profiles.cend(),
                              [&](const Profile &p) { return p.name == name; });
    };
    if (!used(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!used(candidate))
            return candidate;
    }
}

QString ProfileStore::uniqueName(const QString &base) const
{
    return uniqueNameIn(m_state, base);
}

} // namespace Qwq::Profiles
