// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "group.h"
#include "profile.h"

#include <QList>
#include <QObject>

class QCollator;

namespace Qwq::Profiles {

/// What an import did, by profile name. `removed` lists ssh_config aliases that are no longer
/// in the file (reported only: nothing is ever deleted by an import).
struct ImportReport
{
    QStringList added;
    QStringList updated;
    QStringList unchanged;
    QStringList skipped;
    QStringList removed;
    QStringList warnings;
};

enum class ConflictPolicy { Skip, Replace, KeepBoth };
enum class SortOrder { Name, LastUsed, Group, Host };

/// The profiles file (JSON version 2, no secrets): profiles, groups and identities, written
/// atomically (QSaveFile). "This computer" is always the first profile and is never stored.
/// Every write builds the next state, checks it whole (fields, references, jump cycles), saves
/// it and only then replaces the in-memory state: a failed write leaves memory as the file.
/// Lives in the GUI thread (or the CLI's main thread).
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    explicit ProfileStore(QString path, QObject *parent = nullptr);

    /// Reads version 1 (profiles only) and version 2 files. Per-item fields are checked;
    /// references (jump hosts, identities) are checked when used (effective/jumpChain).
    Result<void> load();
    QString path() const { return m_path; }

    QList<Profile> profiles() const;           // This computer first
    /// Servers (not This computer) in the group at `path` and its subgroups.
    int serversWithin(const QString &path) const;
    std::optional<Profile> find(const QString &idOrName) const;
    /// Adds (empty id: a new UUID) or replaces a profile with the same id. Validates first.
    Result<Profile> upsert(Profile profile);
    /// Adds or replaces several profiles in one checked, atomic write (all or nothing).
    Result<QList<Profile>> upsertMany(QList<Profile> profiles);
    /// Refused while another profile or a group uses it as a jump host.
    Result<void> remove(const QString &id);
    /// A copy with a new id and the name "… (copy)" made unique. Keychain secrets are NOT
    /// copied (the copy asks again); lastUsed and the ssh_config link are cleared.
    Result<Profile> duplicate(const QString &id);
    /// Sets lastUsed to now and saves.
    Result<void> touch(const QString &id);

    QList<Group> groups() const { return m_state.groups; }
    std::optional<Group> group(const QString &path) const;
    /// Every group path: those with settings and those implied by profiles (with ancestors).
    QStringList groupPaths() const;
    /// Adds or replaces the settings of `group.path`. With `renameFrom` (a different existing
    /// path), that group moves to `group.path` first — its settings entry, subgroups and
    /// profiles — in the same write; refused if `group.path` already exists or lies inside it.
    Result<Group> upsertGroup(Group group, const QString &renameFrom = {});
    /// Refused while profiles or subgroups are inside, unless `moveMembersTo` is given
    /// (empty string = top level): members and subgroups are then re-parented there.
    Result<void> removeGroup(const QString &path,
                             std::optional<QString> moveMembersTo = std::nullopt);

    QList<Identity> identities() const { return m_state.identities; }
    std::optional<Identity> identity(const QString &id) const;
    /// Adds (empty id: a new UUID) or replaces an identity.
    Result<Identity> upsertIdentity(Identity identity);
    /// Refused while a profile or group references it (the message names them), unless
    /// `clearReferences`: then those profiles get no identity and those groups an explicit
    /// "no identity" (so they do not start using a parent group's), in the same write.
    Result<void> removeIdentity(const QString &id, bool clearReferences = false);

    /// The profile as it connects: group inheritance, identity (auth, key file, user) and the
    /// group colour applied; `inherits` is empty in the result. Errors name the field.
    Result<Profile> effective(const QString &profileId) const;
    /// The same for a profile that need not be stored (an editor's unsaved form).
    Result<Profile> effectiveFor(const Profile &profile) const;
    /// The effective jump hops, nearest first (a hop's own jump hosts come before it).
    /// Rejects unknown ids, This computer and cycles, naming field "jumpHosts".
    Result<QList<Profile>> jumpChain(const QString &profileId) const;

    /// Case-insensitive; every whitespace-separated word must occur in the name, host, user,
    /// a tag, the group path or the notes. An empty query matches everything.
    QList<Profile> search(const QString &query) const;
    /// This computer stays first; ties are broken by name.
    QList<Profile> sorted(SortOrder order) const;
    static void sort(QList<Profile> &profiles, SortOrder order);
    /// The order sort() uses, for one pair (views that sort rows themselves). `collator`
    /// should be case-insensitive and numeric, as sort() makes it.
    static bool lessThan(const Profile &a, const Profile &b, SortOrder order, const QCollator &collator);
    /// `base`, or "base (2)", "base (3)"… — the first name no profile uses.
    QString uniqueName(const QString &base) const;

    /// Team export: the profiles (empty = all), the jump hosts, groups and identities they
    /// need. Only whitelisted fields (Profile::toExportJson) — never a secret.
    Result<QByteArray> exportProfiles(const QStringList &ids = {}) const;
    /// Validates everything before writing anything: one bad profile imports nothing and the
    /// error names the profile and the field.
    Result<ImportReport> importProfiles(const QByteArray &json, ConflictPolicy policy);

signals:
    void profilesChanged();

private:
    friend class SshConfigImporter;
    struct State
    {
        QList<Profile> profiles;
        QList<Group> groups;
        QList<Identity> identities;
    };

    Result<void> commit(const State &next);
    Result<void> check(const State &s) const;
    Result<void> save(const State &s) const;
    static Result<Profile> effectiveIn(const State &s, const Profile &p);
    static Result<QList<Profile>> jumpChainIn(const State &s, const QString &profileId);
    static QString uniqueNameIn(const State &s, const QString &base);

    QString m_path;
    State m_state;
};

} // namespace Qwq::Profiles
