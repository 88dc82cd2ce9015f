// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "group.h"

#include "profilestr.h"

#include <QJsonArray>

namespace Qwq::Profiles {

namespace {
Error invalid(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}
} // namespace

QStringList Group::ancestry(const QString &path)
{
    QStringList out;
    if (path.isEmpty())
        return out;
    QString acc;
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        acc = acc.isEmpty() ? segment : acc + QLatin1Char('/') + segment;
        out.append(acc);
    }
    return out;
}

bool Group::isWithin(const QString &path, const QString &ancestor)
{
    return path == ancestor || path.startsWith(ancestor + QLatin1Char('/'));
}

QString Group::parentPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QJsonObject Group::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path}};
    if (user)
        o.insert(QStringLiteral("user"), *user);
    if (port)
        o.insert(QStringLiteral("port"), int(*port));
    if (identityId)
        o.insert(QStringLiteral("identityId"), *identityId);
    if (jumpHosts)
        o.insert(QStringLiteral("jumpHosts"), QJsonArray::fromStringList(*jumpHosts));
    if (keepAliveSeconds)
        o.insert(QStringLiteral("keepAliveSeconds"), *keepAliveSeconds);
    if (!colour.isEmpty())
        o.insert(QStringLiteral("colour"), colour);
    return o;
}

Result<Group> Group::fromJson(const QJsonObject &o)
{
    Group g;
    g.path = o.value(QStringLiteral("path")).toString();
    g.colour = o.value(QStringLiteral("colour")).toString();
    if (o.contains(QStringLiteral("user")))
        g.user = o.value(QStringLiteral("user")).toString();
    if (o.contains(QStringLiteral("identityId")))
        g.identityId = o.value(QStringLiteral("identityId")).toString();
    if (o.contains(QStringLiteral("port"))) {
        const QJsonValue v = o.value(QStringLiteral("port"));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > 65535 || d != int(d))
            return invalid(QStringLiteral("group.port"), Tr::tr("Port must be between 1 and 65535"));
        g.port = quint16(d);
    }
    if (o.contains(QStringLiteral("keepAliveSeconds"))) {
        const QJsonValue v = o.value(QStringLiteral("keepAliveSeconds"));
        if (!v.isDouble() || v.toDouble() != int(v.toDouble()))
            return invalid(QStringLiteral("group.keepAliveSeconds"),
                           Tr::tr("The keep-alive interval must be a whole number of seconds"));
        g.keepAliveSeconds = v.toInt();
    }
    if (o.contains(QStringLiteral("jumpHosts"))) {
        QStringList hops;
        const QJsonValue v = o.value(QStringLiteral("jumpHosts"));
        if (!v.isArray())
            return invalid(QStringLiteral("group.jumpHosts"), Tr::tr("“%1” must be a list of strings").arg(QStringLiteral("jumpHosts")));
        for (const QJsonValue &hop : v.toArray())
            hops.append(hop.toString());
        g.jumpHosts = hops;
    }
    if (auto r = validate(g); !r)
        return r.error();
    return g;
}

Result<void> validate(const Group &g)
{
    if (g.path.isEmpty())
        return invalid(QStringLiteral("group.path"), Tr::tr("The group path must not be empty"));
    if (auto r = validateGroupPath(g.path, QStringLiteral("group.path")); !r)
        return r;
    if (g.user && !g.user->isEmpty()) {
        if (auto r = validateUser(*g.user, QStringLiteral("group.user")); !r)
            return r;
    }
    if (g.port && *g.port == 0)
        return invalid(QStringLiteral("group.port"), Tr::tr("Port must be between 1 and 65535"));
    if (g.identityId && !g.identityId->isEmpty()) {
        if (auto r = validateId(*g.identityId, QStringLiteral("group.identityId")); !r)
            return r;
    }
    if (g.jumpHosts) {
        for (const QString &hop : *g.jumpHosts) {
            if (hop == Profile::localId())
                return invalid(QStringLiteral("group.jumpHosts"),
                               Tr::tr("“This computer” cannot be a jump host"));
            if (auto r = validateId(hop, QStringLiteral("group.jumpHosts")); !r)
                return r;
        }
    }
    if (g.keepAliveSeconds) {
        if (auto r = validateKeepAlive(*g.keepAliveSeconds, QStringLiteral("group.keepAliveSeconds")); !r)
            return r;
    }
    return validateColour(g.colour, QStringLiteral("group.colour"));
}

QJsonObject Identity::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("auth"), authName(auth)}};
    if (!user.isEmpty())
        o.insert(QStringLiteral("user"), user);
    if (!identityFile.isEmpty())
        o.insert(QStringLiteral("identityFile"), identityFile);
    return o;
}

Result<Identity> Identity::fromJson(const QJsonObject &o)
{
    Identity i;
    i.id = o.value(QStringLiteral("id")).toString();
    i.name = o.value(QStringLiteral("name")).toString();
    i.user = o.value(QStringLiteral("user")).toString();
    i.identityFile = o.value(QStringLiteral("identityFile")).toString();
    const auto auth = authFromName(o.value(QStringLiteral("auth")).toString());
    if (!auth)
        return invalid(QStringLiteral("identity.auth"), Tr::tr("Unknown authentication method"));
    i.auth = *auth;
    if (auto r = validate(i); !r)
        return r.error();
    return i;
}

Result<void> validate(const Identity &i)
{
    if (auto r = validateId(i.id, QStringLiteral("identity.id")); !r)
        return r;
    if (i.name.trimmed().isEmpty() || i.name.size() > 200 || i.name.contains(QLatin1Char('\n'))
        || i.name.contains(QLatin1Char('\r')))
        return invalid(QStringLiteral("identity.name"),
                       Tr::tr("The name must be one line of at most 200 characters"));
    if (!i.user.isEmpty()) {
        if (auto r = validateUser(i.user, QStringLiteral("identity.user")); !r)
            return r;
    }
    if (auto r = validateKeyFile(i.identityFile, QStringLiteral("identity.identityFile")); !r)
        return r;
    if (i.auth == AuthMethod::Key && i.identityFile.isEmpty())
        return invalid(QStringLiteral("identity.identityFile"), Tr::tr("Key authentication needs a key file"));
    return {};
}

} // namespace Qwq::Profiles
