// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "profilestr.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

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

bool hasControl(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator
               || c == QChar::ParagraphSeparator;
    });
}

Result<QStringList> stringList(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return invalid(key, Tr::tr("“%1” must be a list of strings").arg(key));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return invalid(key, Tr::tr("“%1” must be a list of strings").arg(key));
        out.append(item.toString());
    }
    return out;
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

std::optional<AuthMethod> authFromName(const QString &name)
{
    bool ok = true;
    const AuthMethod a = enumFrom<AuthMethod>(name,
                                              {{"auto", AuthMethod::Auto}, {"agent", AuthMethod::Agent},
                                               {"key", AuthMethod::Key}, {"password", AuthMethod::Password}},
                                              AuthMethod::Auto, &ok);
    if (!ok)
        return std::nullopt;
    return a;
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

QStringList Profile::inheritableFields()
{
    return {QStringLiteral("user"), QStringLiteral("port"), QStringLiteral("identityId"),
            QStringLiteral("jumpHosts"), QStringLiteral("keepAliveSeconds")};
}

QJsonObject Profile::toExportJson() const
{
    // A whitelist by construction: only these keys ever leave the machine.
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("port"), int(port)},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("auth"), authName(auth)},
                  {QStringLiteral("elevation"), elevationName(elevation)},
                  {QStringLiteral("mode"), modeName(mode)}};
    auto putString = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    auto putList = [&o](const char *key, const QStringList &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), QJsonArray::fromStringList(v));
    };
    putString("identityFile", identityFile);
    putString("group", group);
    putString("notes", notes);
    putString("colour", colour);
    putString("identityId", identityId);
    putString("sshConfigAlias", sshConfigAlias);
    putList("tags", tags);
    putList("jumpHosts", jumpHosts);
    QStringList inh(inherits.cbegin(), inherits.cend());
    inh.sort();
    putList("inherits", inh);
    if (keepAliveSeconds != 30)
        o.insert(QStringLiteral("keepAliveSeconds"), keepAliveSeconds);
    if (!forwards.isEmpty()) {
        QJsonArray list;
        for (const ForwardSpec &f : forwards)
            list.append(f.toJson());
        o.insert(QStringLiteral("forwards"), list);
    }
    return o;
}

QJsonObject Profile::toJson() const
{
    QJsonObject o = toExportJson();
    if (lastUsed.isValid())
        o.insert(QStringLiteral("lastUsed"), lastUsed.toUTC().toString(Qt::ISODateWithMs));
    if (!sshImported.isEmpty())
        o.insert(QStringLiteral("sshImported"), sshImported);
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
    p.colour = o.value(QStringLiteral("colour")).toString();
    p.identityId = o.value(QStringLiteral("identityId")).toString();
    p.sshConfigAlias = o.value(QStringLiteral("sshConfigAlias")).toString();
    p.sshImported = o.value(QStringLiteral("sshImported")).toObject();
    for (const char *key : {"tags", "jumpHosts", "inherits"}) {
        auto list = stringList(o, QLatin1String(key));
        if (!list)
            return list.error();
        if (qstrcmp(key, "tags") == 0)
            p.tags = *list;
        else if (qstrcmp(key, "jumpHosts") == 0)
            p.jumpHosts = *list;
        else
            p.inherits = QSet<QString>(list->cbegin(), list->cend());
    }
    const QJsonValue keepAlive = o.value(QStringLiteral("keepAliveSeconds"));
    if (!keepAlive.isUndefined()) {
        if (!keepAlive.isDouble() || keepAlive.toDouble() != int(keepAlive.toDouble()))
            return invalid(QStringLiteral("keepAliveSeconds"),
                           Tr::tr("The keep-alive interval must be a whole number of seconds"));
        p.keepAliveSeconds = keepAlive.toInt();
    }
    const QString lastUsed = o.value(QStringLiteral("lastUsed")).toString();
    if (!lastUsed.isEmpty()) {
        p.lastUsed = QDateTime::fromString(lastUsed, Qt::ISODateWithMs);
        if (!p.lastUsed.isValid())
            return invalid(QStringLiteral("lastUsed"), Tr::tr("The last-used time is not valid"));
    }
    const QJsonValue forwards = o.value(QStringLiteral("forwards"));
    if (!forwards.isUndefined() && !forwards.isNull()) {
        if (!forwards.isArray())
            return invalid(QStringLiteral("forwards"), Tr::tr("“forwards” must be a list of rules"));
        const QJsonArray list = forwards.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto f = ForwardSpec::fromJson(list.at(i), QStringLiteral("forwards[%1]").arg(i));
            if (!f)
                return f.error();
            p.forwards.append(*f);
        }
    }
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

Result<void> validateId(const QString &id, const QString &field)
{
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!idRe.match(id).hasMatch())
        return invalid(field, Tr::tr("An id may contain only letters, digits, “-” and “_”"));
    return {};
}

Result<void> validateUser(const QString &user, const QString &field)
{
    static const QRegularExpression userRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?$"));
    if (!userRe.match(user).hasMatch())
        return invalid(field, Tr::tr("The user name may contain only letters, digits, “_”, “.” and “-”"));
    return {};
}

Result<void> validateKeyFile(const QString &path, const QString &field)
{
    if (path.contains(QLatin1Char('\n')) || path.contains(QLatin1Char('\r')) || path.contains(QChar(0)))
        return invalid(field, Tr::tr("The key file path is not valid"));
    return {};
}

Result<void> validateTags(const QStringList &tags, const QString &field)
{
    for (const QString &t : tags) {
        if (t.trimmed().isEmpty() || t.size() > 64 || t.contains(QLatin1Char(',')) || hasControl(t))
            return invalid(field, Tr::tr("Tag “%1” is not valid: tags are 1 to 64 characters, without "
                                         "commas or control characters").arg(t.left(64)));
    }
    return {};
}

Result<void> validateColour(const QString &colour, const QString &field)
{
    static const QRegularExpression colourRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colour.isEmpty() && !colourRe.match(colour).hasMatch())
        return invalid(field, Tr::tr("The colour must look like #rrggbb"));
    return {};
}

Result<void> validateGroupPath(const QString &path, const QString &field)
{
    if (path.isEmpty())
        return {};
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment.trimmed().isEmpty() || segment.size() > 64 || hasControl(segment))
            return invalid(field, Tr::tr("Group path “%1” is not valid: each “/”-separated part "
                                         "must be 1 to 64 characters without control characters")
                                      .arg(path.left(200)));
    }
    return {};
}

Result<void> validateKeepAlive(int seconds, const QString &field)
{
    if (seconds < 0 || seconds > 3600)
        return invalid(field, Tr::tr("The keep-alive interval must be between 0 and 3600 seconds"));
    return {};
}

Result<void> validate(const Profile &p)
{
    // Host: a DNS name (LDH labels), an IPv4 address, or an IPv6 address in brackets-free form.
    static const QRegularExpression hostRe(QStringLiteral(
        "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    static const QRegularExpression ipv6Re(QStringLiteral("^[0-9A-Fa-f:.]{2,45}$"));

    if (!validateId(p.id))
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
    for (const QString &f : p.inherits) {
        if (!Profile::inheritableFields().contains(f))
            return invalid(QStringLiteral("inherits"), Tr::tr("“%1” cannot be inherited").arg(f));
    }
    if (p.port == 0 && !p.isInherited(QStringLiteral("port")))
        return invalid(QStringLiteral("port"), Tr::tr("Port must be between 1 and 65535"));
    if (!p.isInherited(QStringLiteral("user"))) {
        if (p.user.isEmpty())
            return invalid(QStringLiteral("user"), Tr::tr("The user name must not be empty"));
        if (auto r = validateUser(p.user); !r)
            return r;
    }
    if (auto r = validateKeyFile(p.identityFile); !r)
        return r;
    if (p.auth == AuthMethod::Key && p.identityFile.isEmpty() && p.identityId.isEmpty()
        && !p.isInherited(QStringLiteral("identityId")))
        return invalid(QStringLiteral("identityFile"), Tr::tr("Key authentication needs a key file"));
    if (auto r = validateTags(p.tags); !r)
        return r;
    if (auto r = validateColour(p.colour); !r)
        return r;
    if (auto r = validateGroupPath(p.group); !r)
        return r;
    if (auto r = validateKeepAlive(p.keepAliveSeconds); !r)
        return r;
    if (!p.identityId.isEmpty()) {
        if (auto r = validateId(p.identityId, QStringLiteral("identityId")); !r)
            return r;
    }
    for (const QString &hop : p.jumpHosts) {
        if (hop == Profile::localId())
            return invalid(QStringLiteral("jumpHosts"), Tr::tr("“This computer” cannot be a jump host"));
        if (hop == p.id)
            return invalid(QStringLiteral("jumpHosts"), Tr::tr("A profile cannot be its own jump host"));
        if (auto r = validateId(hop, QStringLiteral("jumpHosts")); !r)
            return r;
    }
    if (p.sshConfigAlias.size() > 255 || hasControl(p.sshConfigAlias))
        return invalid(QStringLiteral("sshConfigAlias"), Tr::tr("The ssh_config alias is not valid"));
    return validateForwards(p.forwards);
}

QJsonObject ForwardSpec::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("bindAddress"), bindAddress},
                  {QStringLiteral("bindPort"), int(bindPort)}};
    if (kind != QLatin1String("dynamic")) {
        o.insert(QStringLiteral("targetHost"), targetHost);
        o.insert(QStringLiteral("targetPort"), int(targetPort));
    }
    if (autoStart)
        o.insert(QStringLiteral("autoStart"), true);
    return o;
}

Result<ForwardSpec> ForwardSpec::fromJson(const QJsonValue &v, const QString &field)
{
    if (!v.isObject())
        return invalid(field, Tr::tr("A forward rule must be an object"));
    const QJsonObject o = v.toObject();
    ForwardSpec f;
    const auto str = [&](const char *key, QString *out) -> Result<void> {
        const QJsonValue x = o.value(QLatin1String(key));
        if (x.isUndefined())
            return {};
        if (!x.isString())
            return invalid(field + QLatin1Char('.') + QLatin1String(key), Tr::tr("“%1” must be text").arg(QLatin1String(key)));
        *out = x.toString();
        return {};
    };
    const auto port = [&](const char *key, quint16 *out) -> Result<void> {
        const QJsonValue x = o.value(QLatin1String(key));
        if (x.isUndefined())
            return {};
        const double d = x.toDouble(-1);
        if (!x.isDouble() || d < 0 || d > 65535 || d != int(d))
            return invalid(field + QLatin1Char('.') + QLatin1String(key),
                           Tr::tr("A forward port must be a number from 0 to 65535"));
        *out = quint16(d);
        return {};
    };
    for (auto r : {str("name", &f.name), str("kind", &f.kind), str("bindAddress", &f.bindAddress),
                   str("targetHost", &f.targetHost), port("bindPort", &f.bindPort),
                   port("targetPort", &f.targetPort)}) {
        if (!r)
            return r.error();
    }
    const QJsonValue autoStart = o.value(QStringLiteral("autoStart"));
    if (!autoStart.isUndefined() && !autoStart.isBool())
        return invalid(field + QStringLiteral(".autoStart"), Tr::tr("“autoStart” must be true or false"));
    f.autoStart = autoStart.toBool(false);
    if (auto r = validateForward(f, field); !r)
        return r.error();
    return f;
}

Result<void> validateForward(const ForwardSpec &f, const QString &field)
{
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9_.:%-]{1,253}$"));
    const auto at = [&field](const char *member) -> QString { return field + QLatin1Char('.') + QLatin1String(member); };
    if (f.name.trimmed().isEmpty() || f.name.size() > 64 || hasControl(f.name))
        return invalid(at("name"), Tr::tr("A forward name must be 1 to 64 characters without control characters"));
    const bool dynamic = f.kind == QLatin1String("dynamic");
    if (!dynamic && f.kind != QLatin1String("local") && f.kind != QLatin1String("remote"))
        return invalid(at("kind"), Tr::tr("The forward kind must be local, remote or dynamic"));
    if (!hostRe.match(f.bindAddress).hasMatch() || f.bindAddress.startsWith(QLatin1Char('-')))
        return invalid(at("bindAddress"), Tr::tr("The bind address must be a host name or an IP address"));
    if (f.kind == QLatin1String("remote") && f.bindPort == 0)
        return invalid(at("bindPort"), Tr::tr("A remote forward needs a bind port from 1 to 65535"));
    if (dynamic)
        return {};
    if (!hostRe.match(f.targetHost).hasMatch() || f.targetHost.startsWith(QLatin1Char('-')))
        return invalid(at("targetHost"), Tr::tr("The target host must be a host name or an IP address"));
    if (f.targetPort == 0)
        return invalid(at("targetPort"), Tr::tr("The target port must be between 1 and 65535"));
    return {};
}

Result<void> validateForwards(const QList<ForwardSpec> &forwards)
{
    QSet<QString> names;
    for (qsizetype i = 0; i < forwards.size(); ++i) {
        const QString field = QStringLiteral("forwards[%1]").arg(i);
        if (auto r = validateForward(forwards.at(i), field); !r)
            return r;
        if (names.contains(forwards.at(i).name))
            return invalid(field + QStringLiteral(".name"),
                           Tr::tr("Another forward is already called “%1”").arg(forwards.at(i).name));
        names.insert(forwards.at(i).name);
    }
    return {};
}

} // namespace Qwq::Profiles
