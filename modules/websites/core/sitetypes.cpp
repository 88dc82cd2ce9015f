// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitetypes.h"

#include "websitestr.h"

#include <QRegularExpression>

namespace Qwq::Websites {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

Error fieldError(const QString &field, const QString &message)
{
    return Error(ErrorCode::InvalidParam, message, {}, {}, field);
}
} // namespace

// --- SiteEntry ---------------------------------------------------------------------------

SiteEntry SiteEntry::fromJson(const QJsonObject &o)
{
    SiteEntry e;
    e.id = str(o, "id");
    e.file = str(o, "file");
    e.line = o.value(QLatin1String("line")).toInt();
    e.names = strings(o.value(QLatin1String("names")));
    for (const QJsonValue &v : o.value(QLatin1String("listen")).toArray()) {
        const QJsonObject l = v.toObject();
        SiteListen s;
        s.raw = str(l, "raw");
        s.address = str(l, "address");
        s.port = l.value(QLatin1String("port")).toInt();
        s.ssl = l.value(QLatin1String("ssl")).toBool();
        s.http2 = l.value(QLatin1String("http2")).toBool();
        s.defaultServer = l.value(QLatin1String("defaultServer")).toBool();
        s.line = l.value(QLatin1String("line")).toInt();
        e.listen << s;
    }
    e.root = str(o, "root");
    e.index = strings(o.value(QLatin1String("index")));
    e.proxyPass = strings(o.value(QLatin1String("proxyPass")));
    for (const QJsonValue &v : o.value(QLatin1String("upstreams")).toArray()) {
        const QJsonObject u = v.toObject();
        e.upstreams << str(u, "name") + QStringLiteral(": ") + strings(u.value(QLatin1String("servers"))).join(QStringLiteral(", "));
    }
    e.sslCertificate = str(o, "sslCertificate");
    e.sslCertificateKey = str(o, "sslCertificateKey");
    e.accessLog = str(o, "accessLog");
    e.errorLog = str(o, "errorLog");
    e.returnTo = str(o, "return");
    for (const QJsonValue &v : o.value(QLatin1String("locations")).toArray()) {
        const QJsonObject l = v.toObject();
        SiteLocation s;
        s.match = str(l, "match");
        s.modifier = str(l, "modifier");
        s.line = l.value(QLatin1String("line")).toInt();
        s.proxyPass = str(l, "proxyPass");
        s.root = str(l, "root");
        s.alias = str(l, "alias");
        s.returnTo = str(l, "return");
        e.locations << s;
    }
    e.enabled = o.value(QLatin1String("enabled")).toBool(true);
    e.managed = o.value(QLatin1String("managed")).toBool();
    e.site = str(o, "site");
    return e;
}

SiteEntry::Kind SiteEntry::kind() const
{
    if (!returnTo.isEmpty())
        return Kind::Redirect;
    if (!proxyPass.isEmpty())
        return Kind::Proxy;
    for (const SiteLocation &l : locations) {
        if (l.match == QLatin1String("/") && !l.proxyPass.isEmpty())
            return Kind::Proxy;
        if (l.match == QLatin1String("/") && !l.returnTo.isEmpty())
            return Kind::Redirect;
        if (l.match == QLatin1String("/") && (!l.root.isEmpty() || !l.alias.isEmpty()))
            return Kind::Static;
    }
    if (!root.isEmpty())
        return Kind::Static;
    return Kind::Other;
}

bool SiteEntry::hasTls() const
{
    if (!sslCertificate.isEmpty())
        return true;
    for (const SiteListen &l : listen) {
        if (l.ssl)
            return true;
    }
    return false;
}

QString SiteEntry::displayName() const
{
    if (names.isEmpty())
        return Tr::tr("(no name)");
    if (names.constFirst() == QLatin1String("_"))
        return names.size() > 1 ? names.at(1) : Tr::tr("(default)");
    return names.constFirst();
}

QString SiteEntry::listenText() const
{
    QStringList parts;
    for (const SiteListen &l : listen) {
        QString p = l.address.isEmpty() || l.address == QLatin1String("*") ? QString::number(l.port)
                                                                            : l.address + QLatin1Char(':') + QString::number(l.port);
        if (l.ssl)
            p += QStringLiteral(" ssl");
        parts << p;
    }
    return parts.join(QStringLiteral(", "));
}

QString SiteEntry::targetText() const
{
    switch (kind()) {
    case Kind::Redirect:
        if (!returnTo.isEmpty())
            return QStringLiteral("→ ") + returnTo;
        for (const SiteLocation &l : locations) {
            if (l.match == QLatin1String("/") && !l.returnTo.isEmpty())
                return QStringLiteral("→ ") + l.returnTo;
        }
        return {};
    case Kind::Proxy: {
        QStringList backends = proxyPass;
        for (const SiteLocation &l : locations) {
            if (!l.proxyPass.isEmpty() && !backends.contains(l.proxyPass))
                backends << l.proxyPass;
        }
        return QStringLiteral("⇢ ") + backends.join(QStringLiteral(", "));
    }
    case Kind::Static:
        if (!root.isEmpty())
            return root;
        for (const SiteLocation &l : locations) {
            if (l.match == QLatin1String("/"))
                return l.root.isEmpty() ? l.alias : l.root;
        }
        return {};
    case Kind::Other:
        break;
    }
    return {};
}

// --- SiteSpec ----------------------------------------------------------------------------

SiteSpec SiteSpec::fromJson(const QJsonObject &o)
{
    SiteSpec s;
    s.domain = str(o, "domain");
    s.aliases = strings(o.value(QLatin1String("aliases")));
    if (o.contains(QLatin1String("kind")))
        s.kind = str(o, "kind");
    s.port = o.value(QLatin1String("port")).toInt(80);
    s.address = str(o, "address");
    s.root = str(o, "root");
    s.backend = str(o, "backend");
    const QJsonObject up = o.value(QLatin1String("upstream")).toObject();
    s.useUpstream = !up.isEmpty();
    if (s.useUpstream) {
        s.upstreamMethod = up.value(QLatin1String("method")).toString(QStringLiteral("round_robin"));
        for (const QJsonValue &v : up.value(QLatin1String("servers")).toArray()) {
            const QJsonObject u = v.toObject();
            UpstreamServer server;
            server.address = str(u, "address");
            server.weight = u.value(QLatin1String("weight")).toInt(1);
            server.maxFails = u.value(QLatin1String("maxFails")).toInt(1);
            server.failTimeout = u.value(QLatin1String("failTimeout")).toInt(10);
            server.backup = u.value(QLatin1String("backup")).toBool();
            s.upstreamServers << server;
        }
    }
    s.redirectUrl = str(o, "redirectUrl");
    s.redirectCode = o.value(QLatin1String("redirectCode")).toInt(301);
    s.keepPath = o.value(QLatin1String("keepPath")).toBool(true);
    s.sslCertificate = str(o, "sslCertificate");
    s.sslCertificateKey = str(o, "sslCertificateKey");
    s.sslPort = o.value(QLatin1String("sslPort")).toInt(443);
    s.httpsRedirect = o.value(QLatin1String("httpsRedirect")).toBool();
    s.hsts = o.value(QLatin1String("hsts")).toBool();
    s.gzip = o.value(QLatin1String("gzip")).toBool();
    s.websocket = o.value(QLatin1String("websocket")).toBool();
    s.clientMaxBodySize = str(o, "clientMaxBodySize");
    s.accessLog = str(o, "accessLog");
    s.errorLog = str(o, "errorLog");
    const QJsonObject auth = o.value(QLatin1String("basicAuth")).toObject();
    s.basicAuth = !auth.isEmpty();
    s.realm = str(auth, "realm");
    for (const QJsonValue &v : auth.value(QLatin1String("users")).toArray())
        s.users << SiteUser{v.toObject().value(QLatin1String("name")).toString(), {}};
    const QJsonObject rate = o.value(QLatin1String("rateLimit")).toObject();
    s.rateLimit = !rate.isEmpty();
    if (s.rateLimit) {
        s.perSecond = rate.value(QLatin1String("perSecond")).toInt(10);
        s.burst = rate.value(QLatin1String("burst")).toInt(20);
    }
    for (const QJsonValue &v : o.value(QLatin1String("access")).toArray())
        s.access << AccessRule{str(v.toObject(), "action"), str(v.toObject(), "source")};
    for (const QJsonValue &v : o.value(QLatin1String("headers")).toArray())
        s.headers << HeaderRule{str(v.toObject(), "name"), str(v.toObject(), "value")};
    for (const QJsonValue &v : o.value(QLatin1String("locations")).toArray()) {
        const QJsonObject l = v.toObject();
        LocationSpec loc;
        loc.path = str(l, "path");
        loc.modifier = str(l, "modifier");
        loc.kind = l.value(QLatin1String("kind")).toString(QStringLiteral("proxy"));
        loc.backend = str(l, "backend");
        loc.websocket = l.value(QLatin1String("websocket")).toBool();
        loc.alias = str(l, "alias");
        loc.url = str(l, "url");
        loc.code = l.value(QLatin1String("code")).toInt(301);
        s.locations << loc;
    }
    return s;
}

QJsonObject SiteSpec::toJson() const
{
    QJsonObject o{{QStringLiteral("domain"), domain.trimmed()}, {QStringLiteral("kind"), kind},
                  {QStringLiteral("port"), port}};
    const auto put = [&o](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            o.insert(QLatin1String(key), value.trimmed());
    };
    if (!aliases.isEmpty())
        o.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(aliases));
    put("address", address);
    if (kind == QLatin1String("static")) {
        put("root", root);
    } else if (kind == QLatin1String("proxy")) {
        if (useUpstream) {
            QJsonArray servers;
            for (const UpstreamServer &u : upstreamServers) {
                QJsonObject so{{QStringLiteral("address"), u.address.trimmed()},
                               {QStringLiteral("weight"), u.weight},
                               {QStringLiteral("maxFails"), u.maxFails},
                               {QStringLiteral("failTimeout"), u.failTimeout}};
                if (u.backup)
                    so.insert(QStringLiteral("backup"), true);
                servers.append(so);
            }
            o.insert(QStringLiteral("upstream"), QJsonObject{{QStringLiteral("method"), upstreamMethod},
                                                             {QStringLiteral("servers"), servers}});
        } else {
            put("backend", backend);
        }
    } else if (kind == QLatin1String("redirect")) {
        put("redirectUrl", redirectUrl);
        o.insert(QStringLiteral("redirectCode"), redirectCode);
        o.insert(QStringLiteral("keepPath"), keepPath);
    }
    if (!sslCertificate.trimmed().isEmpty()) {
        put("sslCertificate", sslCertificate);
        put("sslCertificateKey", sslCertificateKey);
        o.insert(QStringLiteral("sslPort"), sslPort);
        if (httpsRedirect)
            o.insert(QStringLiteral("httpsRedirect"), true);
        if (hsts)
            o.insert(QStringLiteral("hsts"), true);
    }
    if (gzip)
        o.insert(QStringLiteral("gzip"), true);
    if (websocket && kind == QLatin1String("proxy"))
        o.insert(QStringLiteral("websocket"), true);
    put("clientMaxBodySize", clientMaxBodySize);
    put("accessLog", accessLog);
    put("errorLog", errorLog);
    if (basicAuth) {
        QJsonArray us;
        for (const SiteUser &u : users) {
            QJsonObject uo{{QStringLiteral("name"), u.name.trimmed()}};
            if (!u.password.isEmpty())
                uo.insert(QStringLiteral("password"), u.password);
            us.append(uo);
        }
        QJsonObject auth{{QStringLiteral("users"), us}};
        if (!realm.trimmed().isEmpty())
            auth.insert(QStringLiteral("realm"), realm.trimmed());
        o.insert(QStringLiteral("basicAuth"), auth);
    }
    if (rateLimit)
        o.insert(QStringLiteral("rateLimit"),
                 QJsonObject{{QStringLiteral("perSecond"), perSecond}, {QStringLiteral("burst"), burst}});
    if (!access.isEmpty()) {
        QJsonArray a;
        for (const AccessRule &r : access)
            a.append(QJsonObject{{QStringLiteral("action"), r.action}, {QStringLiteral("source"), r.source.trimmed()}});
        o.insert(QStringLiteral("access"), a);
    }
    if (!headers.isEmpty()) {
        QJsonArray a;
        for (const HeaderRule &h : headers)
            a.append(QJsonObject{{QStringLiteral("name"), h.name.trimmed()}, {QStringLiteral("value"), h.value}});
        o.insert(QStringLiteral("headers"), a);
    }
    if (!locations.isEmpty()) {
        QJsonArray a;
        for (const LocationSpec &l : locations) {
            QJsonObject lo{{QStringLiteral("path"), l.path.trimmed()}, {QStringLiteral("kind"), l.kind}};
            if (!l.modifier.isEmpty())
                lo.insert(QStringLiteral("modifier"), l.modifier);
            if (l.kind == QLatin1String("proxy")) {
                lo.insert(QStringLiteral("backend"), l.backend.trimmed());
                if (l.websocket)
                    lo.insert(QStringLiteral("websocket"), true);
            } else if (l.kind == QLatin1String("static")) {
                lo.insert(QStringLiteral("alias"), l.alias.trimmed());
            } else {
                lo.insert(QStringLiteral("url"), l.url.trimmed());
                lo.insert(QStringLiteral("code"), l.code);
            }
            a.append(lo);
        }
        o.insert(QStringLiteral("locations"), a);
    }
    return o;
}

bool hasInjectionCharacter(const QString &text)
{
    static const QRegularExpression bad(QStringLiteral("[;{}\"'\\\\$#\\r\\n\\t\\x00]"));
    return text.contains(bad);
}

Result<void> validateSpec(const SiteSpec &s)
{
    const auto injected = [](const QString &field) {
        return fieldError(field, Tr::tr("“%1” may not contain ; { } quotes \\ $ # or line breaks: "
                                        "they could change the nginx configuration")
                                     .arg(field));
    };
    const auto required = [](const QString &field) {
        return fieldError(field, Tr::tr("“%1” is required").arg(field));
    };
    const auto port = [](const QString &field, int value) -> std::optional<Error> {
        if (value < 1 || value > 65535)
            return fieldError(field, Tr::tr("“%1” must be a port from 1 to 65535").arg(field));
        return std::nullopt;
    };
    static const QRegularExpression blank(QStringLiteral("\\s"));
    const auto word = [&](const QString &field, const QString &value) -> std::optional<Error> {
        if (hasInjectionCharacter(value))
            return injected(field);
        if (value.trimmed().contains(blank))
            return fieldError(field, Tr::tr("“%1” may not contain spaces").arg(field));
        return std::nullopt;
    };
#define QWQ_CHECK(expr)                                                                        \
    if (const std::optional<Error> e = (expr))                                                 \
        return *e;

    if (s.domain.trimmed().isEmpty())
        return required(QStringLiteral("domain"));
    QWQ_CHECK(word(QStringLiteral("domain"), s.domain));
    for (int i = 0; i < s.aliases.size(); ++i) {
        const QString f = QStringLiteral("aliases[%1]").arg(i);
        if (s.aliases.at(i).trimmed().isEmpty())
            return required(f);
        QWQ_CHECK(word(f, s.aliases.at(i)));
    }
    QWQ_CHECK(port(QStringLiteral("port"), s.port));
    QWQ_CHECK(word(QStringLiteral("address"), s.address));
    if (s.kind == QLatin1String("static")) {
        if (s.root.trimmed().isEmpty())
            return required(QStringLiteral("root"));
        QWQ_CHECK(word(QStringLiteral("root"), s.root));
    } else if (s.kind == QLatin1String("proxy")) {
        if (s.useUpstream) {
            if (s.upstreamServers.isEmpty())
                return fieldError(QStringLiteral("upstream.servers"), Tr::tr("Add at least one backend server"));
            for (int i = 0; i < s.upstreamServers.size(); ++i) {
                const UpstreamServer &u = s.upstreamServers.at(i);
                const QString f = QStringLiteral("upstream.servers[%1].").arg(i);
                if (u.address.trimmed().isEmpty())
                    return required(f + QStringLiteral("address"));
                QWQ_CHECK(word(f + QStringLiteral("address"), u.address));
                if (u.weight < 1 || u.weight > 1000)
                    return fieldError(f + QStringLiteral("weight"), Tr::tr("“%1” must be from 1 to 1000").arg(f + QStringLiteral("weight")));
            }
        } else {
            if (s.backend.trimmed().isEmpty())
                return required(QStringLiteral("backend"));
            QWQ_CHECK(word(QStringLiteral("backend"), s.backend));
        }
    } else if (s.kind == QLatin1String("redirect")) {
        if (s.redirectUrl.trimmed().isEmpty())
            return required(QStringLiteral("redirectUrl"));
        QWQ_CHECK(word(QStringLiteral("redirectUrl"), s.redirectUrl));
    } else {
        return fieldError(QStringLiteral("kind"), Tr::tr("The site type must be static, proxy or redirect"));
    }
    if (!s.sslCertificate.trimmed().isEmpty() || !s.sslCertificateKey.trimmed().isEmpty()) {
        if (s.sslCertificate.trimmed().isEmpty())
            return required(QStringLiteral("sslCertificate"));
        if (s.sslCertificateKey.trimmed().isEmpty())
            return required(QStringLiteral("sslCertificateKey"));
        QWQ_CHECK(word(QStringLiteral("sslCertificate"), s.sslCertificate));
        QWQ_CHECK(word(QStringLiteral("sslCertificateKey"), s.sslCertificateKey));
        QWQ_CHECK(port(QStringLiteral("sslPort"), s.sslPort));
    }
    QWQ_CHECK(word(QStringLiteral("clientMaxBodySize"), s.clientMaxBodySize));
    QWQ_CHECK(word(QStringLiteral("accessLog"), s.accessLog));
    QWQ_CHECK(word(QStringLiteral("errorLog"), s.errorLog));
    if (s.basicAuth) {
        if (hasInjectionCharacter(s.realm))
            return injected(QStringLiteral("basicAuth.realm"));
        if (s.users.isEmpty())
            return fieldError(QStringLiteral("basicAuth.users"), Tr::tr("Add at least one user for basic authentication"));
        for (int i = 0; i < s.users.size(); ++i) {
            const QString f = QStringLiteral("basicAuth.users[%1].name").arg(i);
            if (s.users.at(i).name.trimmed().isEmpty())
                return required(f);
            if (s.users.at(i).name.contains(QLatin1Char(':')))
                return fieldError(f, Tr::tr("“%1” may not contain “:”").arg(f));
            QWQ_CHECK(word(f, s.users.at(i).name));
        }
    }
    if (s.rateLimit && (s.perSecond < 1 || s.perSecond > 100000))
        return fieldError(QStringLiteral("rateLimit.perSecond"), Tr::tr("“%1” must be from 1 to 100000").arg(QStringLiteral("rateLimit.perSecond")));
    if (s.rateLimit && (s.burst < 0 || s.burst > 100000))
        return fieldError(QStringLiteral("rateLimit.burst"), Tr::tr("“%1” must be from 0 to 100000").arg(QStringLiteral("rateLimit.burst")));
    for (int i = 0; i < s.access.size(); ++i) {
        const QString f = QStringLiteral("access[%1].source").arg(i);
        if (s.access.at(i).source.trimmed().isEmpty())
            return required(f);
        QWQ_CHECK(word(f, s.access.at(i).source));
    }
    for (int i = 0; i < s.headers.size(); ++i) {
        const QString f = QStringLiteral("headers[%1].").arg(i);
        if (s.headers.at(i).name.trimmed().isEmpty())
            return required(f + QStringLiteral("name"));
        QWQ_CHECK(word(f + QStringLiteral("name"), s.headers.at(i).name));
        if (hasInjectionCharacter(s.headers.at(i).value))
            return injected(f + QStringLiteral("value"));
    }
    for (int i = 0; i < s.locations.size(); ++i) {
        const LocationSpec &l = s.locations.at(i);
        const QString f = QStringLiteral("locations[%1].").arg(i);
        if (l.path.trimmed().isEmpty())
            return required(f + QStringLiteral("path"));
        QWQ_CHECK(word(f + QStringLiteral("path"), l.path));
        const QString target = l.kind == QLatin1String("proxy") ? QStringLiteral("backend")
                             : l.kind == QLatin1String("static") ? QStringLiteral("alias")
                                                                 : QStringLiteral("url");
        const QString value = l.kind == QLatin1String("proxy") ? l.backend
                            : l.kind == QLatin1String("static") ? l.alias
                                                                : l.url;
        if (value.trimmed().isEmpty())
            return required(f + target);
        QWQ_CHECK(word(f + target, value));
    }
#undef QWQ_CHECK
    return {};
}

// --- websites.edit ---------------------------------------------------------------------

QJsonObject DirectiveChange::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (remove)
        o.insert(QStringLiteral("remove"), true);
    else
        o.insert(QStringLiteral("args"), QJsonArray::fromStringList(args));
    if (line > 0)
        o.insert(QStringLiteral("line"), line);
    return o;
}

QStringList editableDirectives()
{
    return {QStringLiteral("server_name"),  QStringLiteral("listen"),
            QStringLiteral("root"),         QStringLiteral("index"),
            QStringLiteral("client_max_body_size"), QStringLiteral("gzip"),
            QStringLiteral("access_log"),   QStringLiteral("error_log"),
            QStringLiteral("ssl_certificate"), QStringLiteral("ssl_certificate_key"),
            QStringLiteral("return")};
}

QStringList splitArgs(const QString &text)
{
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    return text.split(blanks, Qt::SkipEmptyParts);
}

} // namespace Qwq::Websites
