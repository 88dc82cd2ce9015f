// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonObject>
#include <QString>

namespace Qwq::Profiles {

enum class AuthMethod { Auto, Agent, Key, Password };
enum class Elevation { None, Sudo, Root };
enum class Mode { ReadOnly, Normal, Production };

/// A server profile. Holds no secret: passwords and passphrases live in the keychain under
/// the profile's id (see SecretStore).
struct Profile
{
    QString id;            // stable UUID; "local" is This computer
    QString name;
    QString host;
    quint16 port = 22;
    QString user;
    AuthMethod auth = AuthMethod::Auto;
    QString identityFile;
    Elevation elevation = Elevation::None;
    Mode mode = Mode::Normal;
    QString group;
    QString notes;

    bool isLocal() const { return id == localId(); }
    static QString localId() { return QStringLiteral("local"); }
    /// The built-in "This computer" profile (runs the helper over a pipe).
    static Profile local();

    QJsonObject toJson() const;
    static Result<Profile> fromJson(const QJsonObject &o);
};

/// Checks every field and names the first bad one (Error::field, translated message).
Result<void> validate(const Profile &p);

QString authName(AuthMethod a);
QString elevationName(Elevation e);
QString modeName(Mode m);

} // namespace Qwq::Profiles
