// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"

#include <optional>

namespace Qwq::Profiles {

/// Settings shared by every profile under a group path ("prod/web/eu"). Unset (nullopt)
/// settings fall through to the parent group; a profile's explicit value always wins.
/// Groups also exist implicitly through profile paths; a Group entry is needed only to hold
/// settings or to keep an empty group.
struct Group
{
    QString path;
    std::optional<QString> user;
    std::optional<quint16> port;
    std::optional<QString> identityId;
    std::optional<QStringList> jumpHosts;
    std::optional<int> keepAliveSeconds;
    QString colour;   // "#rrggbb" or empty

    /// "prod/web/eu" → {"prod", "prod/web", "prod/web/eu"}.
    static QStringList ancestry(const QString &path);
    /// True when `path` is `ancestor` or lies below it.
    static bool isWithin(const QString &path, const QString &ancestor);
    /// "prod/web/eu" → "prod/web"; a top-level group → "".
    static QString parentPath(const QString &path);

    QJsonObject toJson() const;
    static Result<Group> fromJson(const QJsonObject &o);
};

/// Checks every field, naming the first bad one (fields are prefixed "group.").
Result<void> validate(const Group &g);

/// A key or password referenced by many hosts. Its secrets live in the keychain under
/// SecretStore::identityPasswordKey()/identityPassphraseKey().
struct Identity
{
    QString id;
    QString name;
    QString user;          // optional: empty leaves the user to the profile/group
    QString identityFile;
    AuthMethod auth = AuthMethod::Auto;

    QJsonObject toJson() const;
    static Result<Identity> fromJson(const QJsonObject &o);
};

/// Checks every field, naming the first bad one (fields are prefixed "identity.").
Result<void> validate(const Identity &i);

} // namespace Qwq::Profiles
