// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Qwq::Websites {

/// One `listen` directive of a server block, as `websites.list` reports it.
struct SiteListen
{
    QString raw;
    QString address;
    int port = 0;
    bool ssl = false;
    bool http2 = false;
    bool defaultServer = false;
    int line = 0;
    bool operator==(const SiteListen &) const = default;
};

struct SiteLocation
{
    QString match;
    QString modifier;
    int line = 0;
    QString proxyPass;
    QString root;
    QString alias;
    QString returnTo;
    bool operator==(const SiteLocation &) const = default;
};

/// One `server {}` block of the loaded configuration (`websites.list`). Everything here came
/// from a server: show it as plain text.
struct SiteEntry
{
    QString id;        // "<file>:<line>": what websites.get/edit/logs take
    QString file;
    int line = 0;
    QStringList names;
    QList<SiteListen> listen;
    QString root;
    QStringList index;
    QStringList proxyPass;
    QStringList upstreams;   // "name: server, server"
    QString sslCertificate;
    QString sslCertificateKey;
    QString accessLog;
    QString errorLog;
    QString returnTo;
    QList<SiteLocation> locations;
    bool enabled = true;
    bool managed = false;
    QString site;            // the managed site's domain

    static SiteEntry fromJson(const QJsonObject &o);
    enum class Kind { Static, Proxy, Redirect, Other };
    Kind kind() const;
    bool hasTls() const;
    QString displayName() const;   // first server_name, "_" as "(default)", none as "(no name)"
    QString listenText() const;    // "80, 443 ssl"
    QString targetText() const;    // root, backend(s) or redirect target
    bool operator==(const SiteEntry &) const = default;
};

// --- the managed site's spec (the `site` param of websites.create/update/diff) -----------

struct UpstreamServer
{
    QString address;
    int weight = 1;
    int maxFails = 1;
    int failTimeout = 10;
    bool backup = false;
    bool operator==(const UpstreamServer &) const = default;
};

struct SiteUser
{
    QString name;
    QString password;   // empty: keep the stored hash (update) — never comes back from the helper
    bool operator==(const SiteUser &) const = default;
};

struct AccessRule
{
    QString action = QStringLiteral("allow");   // allow | deny
    QString source;
    bool operator==(const AccessRule &) const = default;
};

struct HeaderRule
{
    QString name;
    QString value;
    bool operator==(const HeaderRule &) const = default;
};

struct LocationSpec
{
    QString path;
    QString modifier;                           // "", "=", "^~", "~", "~*"
    QString kind = QStringLiteral("proxy");     // proxy | static | redirect
    QString backend;                            // proxy
    bool websocket = false;                     // proxy
    QString alias;                              // static
    QString url;                                // redirect
    int code = 301;                             // redirect
    bool operator==(const LocationSpec &) const = default;
};

/// What the site forms edit: PROTOCOL.md "Site spec". Round-trips the helper's normalised
/// spec (`spec` of websites.get); empty strings and defaults are left out of toJson().
struct SiteSpec
{
    QString domain;
    QStringList aliases;
    QString kind = QStringLiteral("static");   // static | proxy | redirect
    int port = 80;
    QString address;
    QString root;
    QString backend;
    bool useUpstream = false;
    QString upstreamMethod = QStringLiteral("round_robin");
    QList<UpstreamServer> upstreamServers;
    QString redirectUrl;
    int redirectCode = 301;
    bool keepPath = true;
    QString sslCertificate;
    QString sslCertificateKey;
    int sslPort = 443;
    bool httpsRedirect = false;
    bool hsts = false;
    bool gzip = false;
    bool websocket = false;
    QString clientMaxBodySize;
    QString accessLog;
    QString errorLog;
    bool basicAuth = false;
    QString realm;
    QList<SiteUser> users;
    bool rateLimit = false;
    int perSecond = 10;
    int burst = 20;
    QList<AccessRule> access;
    QList<HeaderRule> headers;
    QList<LocationSpec> locations;

    static SiteSpec fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    bool hasTls() const { return !sslCertificate.isEmpty(); }
    bool operator==(const SiteSpec &) const = default;
};

/// The app's own check of a spec before anything is sent: required fields per kind, ranges,
/// and no character that could end a directive or open a block (`; { } " ' \ $ #`, quotes,
/// line breaks) in any field. The error names the field as the helper would (`domain`,
/// `aliases[1]`, `upstream.servers[0].address`, `locations[2].path`…). The helper checks
/// everything again (IDN, allowed roots, URL grammar); this only catches what a form can.
Result<void> validateSpec(const SiteSpec &spec);

/// Whether `text` holds a character that could inject nginx configuration.
bool hasInjectionCharacter(const QString &text);

/// One change for `websites.edit` (a hand-written site): set `name`'s arguments, or remove it.
struct DirectiveChange
{
    QString name;
    QStringList args;
    bool remove = false;
    int line = 0;   // which one when the block has the directive more than once
    QJsonObject toJson() const;
};

/// The directives `websites.edit` may change in a hand-written server block.
QStringList editableDirectives();

/// Splits a directive's value typed in a form ("443 ssl http2") into its arguments; an empty
/// list for blank text.
QStringList splitArgs(const QString &text);

} // namespace Qwq::Websites
