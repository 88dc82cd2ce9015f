// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Qwq::Profiles {

enum class AuthMethod { Auto, Agent, Key, Password };
enum class Elevation { None, Sudo, Root };
enum class Mode { ReadOnly, Normal, Production };

/// A saved, named port-forward rule of a profile. Deliberately independent of the SSH module:
/// the tunnels layer converts it to Ssh::ForwardRule. Holds no secret, so it is exported.
struct ForwardSpec
{
    QString name;                  // 1–64 characters, unique within the profile
    QString kind = QStringLiteral("local");   // "local" | "remote" | "dynamic"
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 bindPort = 0;          // 0 = any free port (local/dynamic)
    QString targetHost;            // unused for dynamic
    quint16 targetPort = 0;        // unused for dynamic
    bool autoStart = false;        // start after every (re)connect

    bool operator==(const ForwardSpec &) const = default;
    QJsonObject toJson() const;
    /// Reads one rule; errors name `field` + ".key" (e.g. "forwards[0].bindPort").
    static Result<ForwardSpec> fromJson(const QJsonValue &v, const QString &field);
};

/// Checks one rule; errors name `field` + "." + the member ("forwards[2].targetPort").
Result<void> validateForward(const ForwardSpec &f, const QString &field);
/// Checks every rule and that names are unique ("forwards[i].name").
Result<void> validateForwards(const QList<ForwardSpec> &forwards);

/// A server profile. Holds no secret: passwords and passphrases live in the keychain under
/// the profile's id (see SecretStore).
///
/// Inheritance: the fields named by inheritableFields() (user, port, identityId, jumpHosts,
/// keepAliveSeconds) are *explicit* unless their name is in `inherits`; an inherited field's
/// own value is ignored and ProfileStore::effective() takes it from the identity (user) or the
/// nearest ancestor group that sets it. An empty `inherits` (the default, and every version-1
/// file) means "everything explicit", so profiles built in code keep their plain meaning.
struct Profile
{
    QString id;            // stable UUID; "local" is This computer
    QString name;
    QString host;
    quint16 port = 22;
    QString user;
    AuthMethod auth = AuthMethod::Auto;   // ignored when an identity applies
    QString identityFile;                 // ignored when an identity applies
    Elevation elevation = Elevation::None;
    Mode mode = Mode::Normal;
    QString group;         // nested group path "prod/web/eu"; empty = top level
    QString notes;

    QStringList tags;
    QString colour;        // "#rrggbb" or empty (then the group's colour, if any)
    QString identityId;    // a reusable Identity (auth, key file, optional user)
    QStringList jumpHosts; // ordered hops, nearest first: ids of other profiles
    int keepAliveSeconds = 30;   // 0 = off
    QDateTime lastUsed;          // invalid = never
    QString sshConfigAlias;      // the ssh_config Host alias (or hop spec) it was imported from
    QSet<QString> inherits;      // names from inheritableFields() taken from group/identity
    /// What the last ssh_config import set, per field (see SshConfigImporter); a field whose
    /// current value differs was edited locally and is left alone by a re-import.
    QJsonObject sshImported;
    QList<ForwardSpec> forwards; // saved port-forward rules (JSON key "forwards")

    bool isLocal() const { return id == localId(); }
    static QString localId() { return QStringLiteral("local"); }
    /// The built-in "This computer" profile (runs the helper over a pipe).
    static Profile local();

    bool isInherited(const QString &field) const { return inherits.contains(field); }
    static QStringList inheritableFields();

    /// The profiles-file form: every field, including lastUsed and the import bookkeeping.
    QJsonObject toJson() const;
    /// The team-export form: only whitelisted, shareable fields (no lastUsed, no bookkeeping).
    QJsonObject toExportJson() const;
    static Result<Profile> fromJson(const QJsonObject &o);
};

/// Checks every field and names the first bad one (Error::field, translated message).
/// Store-level facts (jump host ids exist, identity exists) are checked by ProfileStore.
Result<void> validate(const Profile &p);

/// Shared field grammars; each returns an InvalidParam error naming `field`.
Result<void> validateTags(const QStringList &tags, const QString &field = QStringLiteral("tags"));
Result<void> validateColour(const QString &colour, const QString &field = QStringLiteral("colour"));
Result<void> validateGroupPath(const QString &path, const QString &field = QStringLiteral("group"));
Result<void> validateKeepAlive(int seconds, const QString &field = QStringLiteral("keepAliveSeconds"));
Result<void> validateUser(const QString &user, const QString &field = QStringLiteral("user"));
Result<void> validateId(const QString &id, const QString &field = QStringLiteral("id"));
Result<void> validateKeyFile(const QString &path, const QString &field = QStringLiteral("identityFile"));

QString authName(AuthMethod a);
QString elevationName(Elevation e);
QString modeName(Mode m);
/// Parses "auto"/"agent"/"key"/"password" (empty = Auto); nullopt when unknown.
std::optional<AuthMethod> authFromName(const QString &name);

} // namespace Qwq::Profiles
