// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The structured emitter for qwq-managed sites: every value is checked by nginx/validate.h and
// written as one argument through quoteArg(), never pasted into text.
#include "nginx/site.h"

#include "errors.h"
#include "nginx/siteparts.h"
#include "nginx/validate.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

namespace qwqhelper::nginx {

using nlohmann::json;
using namespace detail;

namespace {

// One custom location's body; returns its normalised spec.
json locationBody(Writer &w, const json &loc, const std::string &field, const std::string &kind,
                  const std::vector<std::string> &roots, const std::string &ident)
{
    json stored = {{"kind", kind}};
    if (kind == "static") {
        const std::string root = str(loc, "root", field + ".root");
        const std::string alias = str(loc, "alias", field + ".alias");
        if (root.empty() == alias.empty())
            throw invalidValue(field + ".root", "a static location needs root or alias",
                               "give exactly one of root and alias");
        const std::string key = root.empty() ? "alias" : "root";
        const std::string path = pathField(root.empty() ? alias : root, field + "." + key, roots);
        w.dir(key, {path});
        stored[key] = path;
    } else if (kind == "proxy") {
        const std::string backend = str(loc, "backend", field + ".backend");
        if (backend.empty())
            throw invalidValue(field + ".backend", field + ".backend is required", "http://host:port");
        const bool websocket = flag(loc, "websocket", field + ".websocket");
        w.dir("proxy_pass", {urlField(backend, field + ".backend")});
        proxyHeaders(w, websocket, ident);
        stored["backend"] = backend;
        stored["websocket"] = websocket;
    } else if (kind == "redirect") {
        const std::string url = urlField(str(loc, "url", field + ".url"), field + ".url");
        const int64_t code = integer(loc, "code", field + ".code", 301, 308, 301);
        if (code != 301 && code != 302 && code != 307 && code != 308)
            throw invalidValue(field + ".code", "invalid " + field + ".code", "301, 302, 307 or 308");
        w.dir("return", {std::to_string(code), url});
        stored["url"] = url;
        stored["code"] = code;
    } else {
        throw invalidValue(field + ".kind", "invalid " + field + ".kind", "static, proxy or redirect");
    }
    return stored;
}

void renderLocations(Render &r)
{
    const json &locations = array(r.spec, "locations", "locations");
    r.stored["locations"] = json::array();
    if (locations.size() > 128)
        throw invalidValue("locations", "at most 128 locations");
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const std::string f = "locations[" + std::to_string(i) + "]";
        const json &loc = locations[i];
        if (!loc.is_object())
            throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be an object", errorData(f));
        const std::string modifier = str(loc, "modifier", f + ".modifier");
        const std::string path = str(loc, "path", f + ".path");
        if (modifier != "" && modifier != "=" && modifier != "^~" && modifier != "~" && modifier != "~*")
            throw invalidValue(f + ".modifier", "invalid " + f + ".modifier", "empty, =, ^~, ~ or ~*");
        const bool regex = modifier == "~" || modifier == "~*";
        const bool pathOk =
            !path.empty() && path.size() <= 512
            && std::all_of(path.begin(), path.end(), [regex](unsigned char c) {
                   if (regex)
                       return c > 0x20 && c < 0x7f && c != ';' && c != '{' && c != '}' && c != '"'
                              && c != '\'' && c != '#';
                   return std::isalnum(c)
                          || std::string_view("/._~%-@+").find(static_cast<char>(c)) != std::string_view::npos;
               })
            && (regex || path[0] == '/');
        if (!pathOk || (!regex && (path.find("/../") != std::string::npos
                                   || (path.size() >= 3 && path.substr(path.size() - 3) == "/.."))))
            throw invalidValue(f + ".path", "invalid " + f + ".path",
                               regex ? "a regular expression without spaces, ; { } quotes or #"
                                     : "a URL path starting with / (letters, digits, / . _ ~ % - @ +)");
        Args args;
        if (!modifier.empty())
            args.push_back(modifier);
        args.push_back(path);
        r.w.open("location", args);
        json stored = locationBody(r.w, loc, f, str(loc, "kind", f + ".kind"), r.roots, r.ident);
        r.w.close();
        stored["path"] = path;
        stored["modifier"] = modifier;
        r.stored["locations"].push_back(stored);
    }
}

// ACME HTTP-01 tokens, in every plain-HTTP server of a managed site: before the site's own
// locations, open to everyone (no basic auth, no access list) since the CA must fetch them.
void acmeLocation(Writer &w)
{
    w.open("location", {"^~", "/.well-known/acme-challenge/"});
    w.dir("alias", {acmeChallengeDir() + "/"});
    w.dir("default_type", {"text/plain"});
    w.dir("auth_basic", {"off"});
    w.dir("allow", {"all"});
    w.close();
}

bool isCleanPath(const std::string &p)
{
    return !p.empty() && p[0] == '/' && p.size() < 1024 && p.find("/../") == std::string::npos
           && p.find("/./") == std::string::npos
           && std::all_of(p.begin(), p.end(), [](unsigned char c) {
                  return std::isalnum(c) || std::string_view("/._+@~-").find(static_cast<char>(c)) != std::string_view::npos;
              });
}

} // namespace

std::string acmeChallengeDir()
{
    const char *env = std::getenv("QWQ_ACME_CHALLENGE_DIR");
    if (env && *env && isCleanPath(env))
        return env;
    return "/var/lib/qwq-acme-challenge";
}

std::string siteFileName(const std::string &domain)
{
    return domain + ".conf";
}
Rendered renderSite(const json &spec, const std::string &htpasswdPath,
                    const std::string &previousHtpasswd, const std::vector<std::string> &roots)
{
    if (!spec.is_object())
        throw RpcError(Code::InvalidParams, "invalid params: site must be an object", errorData("site"));
    Render r{spec, roots};
    json &stored = r.stored;
    Writer &w = r.w;

    r.domain = domainField(str(spec, "domain", "domain"), "domain", false);
    r.ident = identFor(r.domain);
    stored["domain"] = r.domain;
    Args names{r.domain};
    const json &aliases = array(spec, "aliases", "aliases");
    if (aliases.size() > 64)
        throw invalidValue("aliases", "at most 64 aliases");
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        const std::string f = "aliases[" + std::to_string(i) + "]";
        if (!aliases[i].is_string())
            throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be a string", errorData(f));
        names.push_back(domainField(aliases[i].get<std::string>(), f, true));
    }
    stored["aliases"] = Args(names.begin() + 1, names.end());
    const std::string kind = str(spec, "kind", "kind").empty() ? "static" : str(spec, "kind", "kind");
    if (kind != "static" && kind != "proxy" && kind != "redirect")
        throw invalidValue("kind", "invalid kind", "static, proxy or redirect");
    stored["kind"] = kind;
    const int64_t port = integer(spec, "port", "port", 1, 65535, 80);
    stored["port"] = port;
    const std::string address = str(spec, "address", "address");
    if (!address.empty()) {
        in_addr a4{};
        if (::inet_pton(AF_INET, address.c_str(), &a4) != 1)
            throw invalidValue("address", "invalid address", "an IPv4 address to listen on");
        stored["address"] = address;
    }
    const std::string listenHost = address.empty() ? "" : address + ":";

    // TLS (certificates are files that exist already: ACME is not part of this slice)
    const std::string cert = str(spec, "sslCertificate", "sslCertificate");
    const std::string key = str(spec, "sslCertificateKey", "sslCertificateKey");
    const bool ssl = !cert.empty() || !key.empty();
    std::vector<std::string> certRoots = roots;
    for (const char *d : {"/etc/ssl", "/etc/letsencrypt", "/etc/nginx"})
        certRoots.push_back(d);
    if (ssl) {
        if (cert.empty() || key.empty())
            throw invalidValue(cert.empty() ? "sslCertificate" : "sslCertificateKey",
                               "a TLS site needs both the certificate and the key");
        stored["sslCertificate"] = pathField(cert, "sslCertificate", certRoots);
        stored["sslCertificateKey"] = pathField(key, "sslCertificateKey", certRoots);
    }
    const int64_t sslPort = integer(spec, "sslPort", "sslPort", 1, 65535, 443);
    if (ssl)
        stored["sslPort"] = sslPort;
    const bool httpsRedirect = flag(spec, "httpsRedirect", "httpsRedirect");
    const bool hsts = flag(spec, "hsts", "hsts");
    if ((httpsRedirect || hsts) && !ssl)
        throw invalidValue(httpsRedirect ? "httpsRedirect" : "hsts",
                           "HTTPS options need sslCertificate and sslCertificateKey");
    stored["httpsRedirect"] = httpsRedirect;
    stored["hsts"] = hsts;
    const bool gzip = flag(spec, "gzip", "gzip");
    const bool websocket = flag(spec, "websocket", "websocket");
    stored["gzip"] = gzip;
    stored["websocket"] = websocket;
    const std::string bodySize = str(spec, "clientMaxBodySize", "clientMaxBodySize");
    if (!bodySize.empty())
        stored["clientMaxBodySize"] = sizeField(bodySize, "clientMaxBodySize");
    std::vector<std::string> logRoots = roots;
    logRoots.push_back("/var/log");
    const std::string accessLog = str(spec, "accessLog", "accessLog");
    const std::string errorLog = str(spec, "errorLog", "errorLog");
    if (!accessLog.empty())
        stored["accessLog"] = pathField(accessLog, "accessLog", logRoots);
    if (!errorLog.empty())
        stored["errorLog"] = pathField(errorLog, "errorLog", logRoots);

    w.raw(std::string(kManagedMarker) + " " + r.domain);
    const std::size_t specLinePos = w.out.str().size(); // the spec line goes here at the end
    w.raw("# Written by qwq: edit this site in qwq, hand edits are replaced on its next change.");
    w.raw("");
    const std::string backend = renderHttpLevel(r, kind, websocket);

    if (httpsRedirect) {
        w.open("server");
        w.dir("listen", {listenHost + std::to_string(port)});
        w.dir("server_name", names);
        acmeLocation(w);
        w.open("location", {"/"});
        w.dir("return", {"301", "https://$host$request_uri"});
        w.close();
        w.close();
        w.raw("");
    }
    w.open("server");
    if (!httpsRedirect)
        w.dir("listen", {listenHost + std::to_string(port)});
    if (ssl)
        w.dir("listen", {listenHost + std::to_string(sslPort), "ssl"});
    w.dir("server_name", names);
    if (ssl) {
        w.dir("ssl_certificate", {cert});
        w.dir("ssl_certificate_key", {key});
    }
    if (hsts)
        w.dir("add_header", {"Strict-Transport-Security", "max-age=31536000", "always"});
    if (!accessLog.empty())
        w.dir("access_log", {accessLog});
    if (!errorLog.empty())
        w.dir("error_log", {errorLog});
    if (gzip) {
        w.dir("gzip", {"on"});
        w.dir("gzip_types", {"text/plain", "text/css", "application/javascript", "application/json",
                             "image/svg+xml"});
    }
    if (!bodySize.empty())
        w.dir("client_max_body_size", {bodySize});
    renderProtections(r, htpasswdPath, previousHtpasswd);
    if (!httpsRedirect)
        acmeLocation(w);

    if (kind == "redirect") {
        const std::string url = urlField(str(spec, "redirectUrl", "redirectUrl"), "redirectUrl");
        const int64_t code = integer(spec, "redirectCode", "redirectCode", 301, 308, 301);
        if (code != 301 && code != 302 && code != 307 && code != 308)
            throw invalidValue("redirectCode", "invalid redirectCode", "301, 302, 307 or 308");
        const bool keepPath = flag(spec, "keepPath", "keepPath");
        // in "location /", not at server level: a server-level return would answer the CA's
        // challenge requests too
        w.open("location", {"/"});
        w.dir("return", {std::to_string(code), url + (keepPath ? "$request_uri" : "")});
        w.close();
        stored["redirectUrl"] = url;
        stored["redirectCode"] = code;
        stored["keepPath"] = keepPath;
    }
    renderLocations(r); // custom locations first, the site's own "/" last
    if (kind != "redirect") {
        w.open("location", {"/"});
        if (stored.contains("rateLimit")) {
            const int64_t burst = stored["rateLimit"]["burst"].get<int64_t>();
            Args args{"zone=" + r.ident};
            if (burst > 0) {
                args.push_back("burst=" + std::to_string(burst));
                args.push_back("nodelay");
            }
            w.dir("limit_req", args);
        }
        if (kind == "static") {
            const std::string root = pathField(str(spec, "root", "root"), "root", roots);
            stored["root"] = root;
            w.dir("root", {root});
            w.dir("index", {"index.html", "index.htm"});
            w.dir("try_files", {"$uri", "$uri/", "=404"});
        } else {
            w.dir("proxy_pass", {backend});
            proxyHeaders(w, websocket, r.ident);
        }
        w.close();
    }
    w.close();

    std::string text = w.out.str();
    text.insert(specLinePos, std::string(kSpecMarker) + stored.dump() + "\n");
    r.result.config = std::move(text);
    r.result.spec = std::move(stored);
    return r.result;
}

} // namespace qwqhelper::nginx
