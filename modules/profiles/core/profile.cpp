// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "profilestr.h"

#include <QRegularExpression>

namespace Qwq::Profiles {

namespace {
template<typename E>
E enumFrom(const QString &s, std::initializer_list<std::pair<const char *, E>> table, E fallback,
           bool *ok)
{
    for (const auto &[name, value] : table) {
        if (s == QLatin1String(name))
            return value;
    }
    *ok = s.isEmpty();
    return fallback;
}

Error invalid(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}
} // namespace

QString authName(AuthMethod a)
{
    switch (a) {
    case AuthMethod::Auto: return QStringLiteral("auto");
    case AuthMethod::Agent: return QStringLiteral("agent");
    case AuthMethod::Key: return QStringLiteral("key");
    case AuthMethod::Password: return QStringLiteral("password");
    }
    return {};
}

QString elevationName(Elevation e)
{
    switch (e) {
    case Elevation::None: return QStringLiteral("none");
    case Elevation::Sudo: return QStringLiteral("sudo");
    case Elevation::Root: return QStringLiteral("root");
    }
    return {};
}

QString modeName(Mode m)
{
    switch (m) {
    case Mode::ReadOnly: return QStringLiteral("read-only");
    case Mode::Normal: return QStringLiteral("normal");
    case Mode::Production: return QStringLiteral("production");
    }
    return {};
}

Profile Profile::local()
{
    Profile p;
    p.id = localId();
    p.name = Tr::tr("This computer");
    p.host = QStringLiteral("localhost");
    p.port = 0;
    return p;
}

QJsonObject Profile::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("port"), int(port)},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("auth"), authName(auth)},
                  {QStringLiteral("elevation"), elevationName(elevation)},
                  {QStringLiteral("mode"), modeName(mode)}};
    if (!identityFile.isEmpty())
        o.insert(QStringLiteral("identityFile"), identityFile);
    if (!group.isEmpty())
        o.insert(QStringLiteral("group"), group);
    if (!notes.isEmpty())
        o.insert(QStringLiteral("notes"), notes);
    return o;
}

Result<Profile> Profile::fromJson(const QJsonObject &o)
{
    Profile p;
    p.id = o.value(QStringLiteral("id")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.host = o.value(QStringLiteral("host")).toString();
    const QJsonValue port = o.value(QStringLiteral("port"));
    if (!port.isUndefined() && !port.isDouble())
        return invalid(QStringLiteral("port"), Tr::tr("Port must be a number"));
    const double portValue = port.toDouble(22);
    if (portValue < 1 || portValue > 65535 || portValue != int(portValue))
        return invalid(QStringLiteral("port"), Tr::tr("Port must be between 1 and 65535"));
    p.port = quint16(portValue);
    p.user = o.value(QStringLiteral("user")).toString();
    p.identityFile = o.value(QStringLiteral("identityFile")).toString();
    p.group = o.value(QStringLiteral("group")).toString();
    p.notes = o.value(QStringLiteral("notes")).toString();
    bool ok = true;
    p.auth = enumFrom<AuthMethod>(o.value(QStringLiteral("auth")).toString(),
                                  {{"auto", AuthMethod::Auto}, {"agent", AuthMethod::Agent},
                                   {"key", AuthMethod::Key}, {"password", AuthMethod::Password}},
                                  AuthMethod::Auto, &ok);
    if (!ok)
        return invalid(QStringLiteral("auth"), Tr::tr("Unknown authentication method"));
    p.elevation = enumFrom<Elevation>(o.value(QStringLiteral("elevation")).toString(),
                                      {{"none", Elevation::None}, {"sudo", Elevation::Sudo},
                                       {"root", Elevation::Root}},
                                      Elevation::None, &ok);
    if (!ok)
        return invalid(QStringLiteral("elevation"), Tr::tr("Unknown elevation"));
    p.mode = enumFrom<Mode>(o.value(QStringLiteral("mode")).toString(),
                            {{"read-only", Mode::ReadOnly}, {"normal", Mode::Normal},
                             {"production", Mode::Production}},
                            Mode::Normal, &ok);
    if (!ok)
        return invalid(QStringLiteral("mode"), Tr::tr("Unknown mode"));
    if (auto v = validate(p); !v)
        return v.error();
    return p;
}

Result<void> validate(const Profile &p)
{
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    // Host: a DNS name (LDH labels), an IPv4 address, or an IPv6 address in brackets-free form.
    static const QRegularExpression hostRe(QStringLiteral(
        "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    static const QRegularExpression ipv6Re(QStringLiteral("^[0-9A-Fa-f:.]{2,45}$"));
    static const QRegularExpression userRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?$"));

    if (!idRe.match(p.id).hasMatch())
        return invalid(QStringLiteral("id"), Tr::tr("The profile id may contain only letters, digits, “-” and “_”"));
    if (p.isLocal())
        return {};
    if (p.name.trimmed().isEmpty())
        return invalid(QStringLiteral("name"), Tr::tr("The name must not be empty"));
    if (p.name.size() > 200 || p.name.contains(QLatin1Char('\n')) || p.name.contains(QLatin1Char('\r')))
        return invalid(QStringLiteral("name"), Tr::tr("The name must be one line of at most 200 characters"));
    if (p.host.isEmpty())
        return invalid(QStringLiteral("host"), Tr::tr("The host must not be empty"));
    if (p.host.startsWith(QLatin1Char('-')))
        return invalid(QStringLiteral("host"), Tr::tr("The host must not start with “-”"));
    if (!hostRe.match(p.host).hasMatch()
        && !(p.host.contains(QLatin1Char(':')) && ipv6Re.match(p.host).hasMatch()))
        return invalid(QStringLiteral("host"),
                       Tr::tr("The host must be a DNS name or an IP address (letters, digits, “-” and “.”)"));
    if (p.port == 0)
        return invalid(QStringLiteral("port"), Tr::tr("Port must be between 1 and 65535"));
    if (p.user.isEmpty())
        return invalid(QStringLiteral("user"), Tr::tr("The user name must not be empty"));
    if (!userRe.match(p.user).hasMatch())
        return invalid(QStringLiteral("user"),
                       Tr::tr("The user name may contain only letters, digits, “_”, “.” and “-”"));
    if (p.identityFile.contains(QLatin1Char('\n')) || p.identityFile.contains(QChar(0)))
        return invalid(QStringLiteral("identityFile"), Tr::tr("The key file path is not valid"));
    if (p.auth == AuthMethod::Key && p.identityFile.isEmpty())
        return invalid(QStringLiteral("identityFile"), Tr::tr("Key authentication needs a key file"));
    return {};
}

} // namespace Qwq::Profiles
