// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/site.h"

#include "errors.h"
#include "fsutil.h"

#include <arpa/inet.h>
#include <crypt.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

// ---- reading what is there ----

// A block's children with includes expanded in place.
void flatten(const Tree &tree, const std::vector<Directive> &list,
             std::vector<const Directive *> &out, int depth = 0)
{
    if (depth > 16)
        return;
    for (const auto &d : list) {
        out.push_back(&d);
        for (int i : d.includes)
            flatten(tree, tree.files[static_cast<std::size_t>(i)].directives, out, depth + 1);
    }
}

json parseListen(const Directive &d)
{
    json l = {{"raw", d.args.empty() ? "" : d.args[0]}, {"ssl", false}, {"defaultServer", false},
              {"http2", false}, {"line", d.line}};
    if (d.args.empty())
        return l;
    const std::string &a = d.args[0];
    std::string address, port;
    if (a.rfind("unix:", 0) == 0) {
        address = a;
    } else if (std::all_of(a.begin(), a.end(), ::isdigit)) {
        port = a;
    } else {
        const auto close = a.rfind(']');
        const auto colon = a.rfind(':');
        if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
            address = a.substr(0, colon);
            port = a.substr(colon + 1);
        } else {
            address = a;
            port = "80";
        }
    }
    if (!address.empty())
        l["address"] = address;
    if (!port.empty() && port.size() < 6 && std::all_of(port.begin(), port.end(), ::isdigit))
        l["port"] = std::stoi(port);
    for (std::size_t i = 1; i < d.args.size(); ++i) {
        if (d.args[i] == "ssl")
            l["ssl"] = true;
        else if (d.args[i] == "default_server" || d.args[i] == "default")
            l["defaultServer"] = true;
        else if (d.args[i] == "http2")
            l["http2"] = true;
    }
    return l;
}

std::string joinArgs(const Directive &d)
{
    std::string s;
    for (const auto &a : d.args)
        s += (s.empty() ? "" : " ") + a;
    return s;
}

json describeLocation(const Tree &tree, const Directive &loc)
{
    json l = {{"line", loc.line}};
    if (loc.args.size() == 2) {
        l["modifier"] = loc.args[0];
        l["match"] = loc.args[1];
    } else if (loc.args.size() == 1) {
        l["modifier"] = "";
        l["match"] = loc.args[0];
    }
    std::vector<const Directive *> children;
    flatten(tree, loc.children, children);
    for (const Directive *c : children) {
        if (c->args.empty())
            continue;
        if (c->name == "proxy_pass" || c->name == "root" || c->name == "alias")
            l[c->name == "proxy_pass" ? "proxyPass" : c->name] = c->args[0];
        else if (c->name == "return")
            l["return"] = joinArgs(*c);
        else if (c->name == "auth_basic_user_file")
            l["authBasicUserFile"] = c->args[0];
    }
    return l;
}

std::string firstLineArg(const std::string &text, const char *marker)
{
    const std::string m = marker;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto eol = text.find('\n', pos);
        const std::string line = text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
        if (line.rfind(m, 0) == 0)
            return line.substr(m.size());
        if (!line.empty() && line[0] != '#')
            break; // markers are in the leading comment block only
        if (eol == std::string::npos)
            break;
        pos = eol + 1;
    }
    return {};
}

// ---- validation ----

std::string str(const json &spec, const std::string &key, const std::string &field)
{
    if (!spec.contains(key) || spec[key].is_null())
        return {};
    if (!spec[key].is_string())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be a string",
                       errorData(field));
    return spec[key].get<std::string>();
}

bool flag(const json &spec, const std::string &key, const std::string &field)
{
    if (!spec.contains(key) || spec[key].is_null())
        return false;
    if (!spec[key].is_boolean())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be true or false",
                       errorData(field));
    return spec[key].get<bool>();
}

int64_t integer(const json &spec, const std::string &key, const std::string &field, int64_t min,
                int64_t max, int64_t fallback)
{
    if (!spec.contains(key) || spec[key].is_null())
        return fallback;
    if (!spec[key].is_number_integer())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be an integer",
                       errorData(field));
    const int64_t v = spec[key].get<int64_t>();
    if (v < min || v > max)
        throw outOfRange(field, min, max);
    return v;
}

const json &array(const json &spec, const std::string &key, const std::string &field)
{
    static const json empty = json::array();
    if (!spec.contains(key) || spec[key].is_null())
        return empty;
    if (!spec[key].is_array())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be an array",
                       errorData(field));
    return spec[key];
}

void requireSafe(const std::string &value, const std::string &field)
{
    if (!isSafeValue(value))
        throw invalidValue(field, "invalid " + field,
                           "printable ASCII without ; { } quotes \\ $ # or line breaks");
}

std::string domainField(const std::string &value, const std::string &field, bool wildcard)
{
    for (unsigned char c : value)
        if (c >= 0x80)
            throw invalidValue(field, "invalid " + field,
                               "internationalised names must be given in punycode (xn--…)");
    std::string lower = value;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (!isDomain(lower, wildcard))
        throw invalidValue(field, "invalid " + field, "letters, digits, hyphens and dots only");
    return lower;
}

bool isPlainPathChars(const std::string &p)
{
    return std::all_of(p.begin(), p.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '+'
               || c == '@' || c == '~';
    });
}

std::string pathField(const std::string &value, const std::string &field,
                      const std::vector<std::string> &roots)
{
    if (!fs::isCleanAbsolutePath(value) || !isPlainPathChars(value))
        throw invalidValue(field, "invalid " + field,
                           "an absolute path of letters, digits and / . _ - + @ ~ without ..");
    if (!roots.empty() && !isPathUnder(value, roots)) {
        std::string list;
        for (const auto &r : roots)
            list += (list.empty() ? "" : ", ") + r;
        throw invalidValue(field, field + " is outside the allowed directories", "under " + list);
    }
    return value;
}

bool isHost(const std::string &h)
{
    if (h.size() > 2 && h.front() == '[' && h.back() == ']') {
        in6_addr a6{};
        return ::inet_pton(AF_INET6, h.substr(1, h.size() - 2).c_str(), &a6) == 1;
    }
    in_addr a4{};
    if (::inet_pton(AF_INET, h.c_str(), &a4) == 1)
        return true;
    return isDomain(h, false) || h == "localhost";
}

// host:port for upstream servers and backends.
bool isHostPort(const std::string &s, bool portRequired)
{
    const auto close = s.rfind(']');
    const auto colon = s.rfind(':');
    std::string host = s, port;
    if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
        host = s.substr(0, colon);
        port = s.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), ::isdigit)
            || std::stoi(port) < 1 || std::stoi(port) > 65535)
            return false;
    } else if (portRequired) {
        return false;
    }
    return isHost(host);
}

std::string urlField(const std::string &value, const std::string &field)
{
    std::string rest;
    if (value.rfind("http://", 0) == 0)
        rest = value.substr(7);
    else if (value.rfind("https://", 0) == 0)
        rest = value.substr(8);
    else
        throw invalidValue(field, "invalid " + field, "http:// or https:// followed by a host");
    const auto slash = rest.find('/');
    const std::string hostPort = rest.substr(0, slash);
    const std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    const bool pathOk = std::all_of(path.begin(), path.end(), [](unsigned char c) {
        return std::isalnum(c) || std::string_view("/._~%-=&?+,:@!*").find(static_cast<char>(c))
                                      != std::string_view::npos;
    });
    if (!isHostPort(hostPort, false) || !pathOk || value.size() > 2048)
        throw invalidValue(field, "invalid " + field,
                           "http(s)://host[:port][/path] with URL-safe characters only");
    return value;
}

std::string sizeField(const std::string &value, const std::string &field)
{
    const bool ok = !value.empty() && value.size() <= 12
                    && std::all_of(value.begin(), value.end() - 1, ::isdigit)
                    && (std::isdigit(static_cast<unsigned char>(value.back()))
                        || std::string_view("kKmMgG").find(value.back()) != std::string_view::npos)
                    && std::isdigit(static_cast<unsigned char>(value.front()));
    if (!ok)
        throw invalidValue(field, "invalid " + field, "a number with an optional k, m or g suffix");
    return value;
}

std::string addressField(const std::string &value, const std::string &field)
{
    if (value == "all")
        return value;
    const auto slash = value.find('/');
    const std::string ip = value.substr(0, slash);
    in_addr a4{};
    in6_addr a6{};
    const bool v4 = ::inet_pton(AF_INET, ip.c_str(), &a4) == 1;
    const bool v6 = !v4 && ::inet_pton(AF_INET6, ip.c_str(), &a6) == 1;
    bool ok = v4 || v6;
    if (ok && slash != std::string::npos) {
        const std::string bits = value.substr(slash + 1);
        ok = !bits.empty() && bits.size() <= 3 && std::all_of(bits.begin(), bits.end(), ::isdigit)
             && std::stoi(bits) <= (v4 ? 32 : 128);
    }
    if (!ok)
        throw invalidValue(field, "invalid " + field, "an IPv4/IPv6 address, a CIDR range or all");
    return value;
}

std::string identFor(const std::string &domain)
{
    std::string id = "qwq_";
    for (char c : domain)
        id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return id;
}

struct Writer
{
    std::ostringstream out;
    int indent = 0;
    void line(const std::string &text)
    {
        out << std::string(static_cast<std::size_t>(indent) * 4, ' ') << text << '\n';
    }
    void open(const std::string &text)
    {
        line(text + " {");
        ++indent;
    }
    void close()
    {
        --indent;
        line("}");
    }
};

void proxyHeaders(Writer &w, bool websocket, const std::string &ident)
{
    w.line("proxy_set_header Host $host;");
    w.line("proxy_set_header X-Real-IP $remote_addr;");
    w.line("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    w.line("proxy_set_header X-Forwarded-Proto $scheme;");
    if (websocket) {
        w.line("proxy_http_version 1.1;");
        w.line("proxy_set_header Upgrade $http_upgrade;");
        w.line("proxy_set_header Connection $" + ident + "_upgrade;");
    }
}

} // namespace

bool isDomain(const std::string &s, bool allowWildcard)
{
    std::string name = s;
    if (allowWildcard && name.rfind("*.", 0) == 0)
        name = name.substr(2);
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const auto dot = name.find('.', start);
        const std::string label = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (unsigned char c : label)
            if (!(std::isalnum(c) || c == '-'))
                return false;
        if (dot == std::string::npos)
            return true;
        start = dot + 1;
    }
}

bool isSafeValue(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return c >= 0x20 && c < 0x7f && c != ';' && c != '{' && c != '}' && c != '"' && c != '\''
               && c != '\\' && c != '$' && c != '#';
    });
}

bool isPathUnder(const std::string &path, const std::vector<std::string> &roots)
{
    for (auto root : roots) {
        while (root.size() > 1 && root.back() == '/')
            root.pop_back();
        if (path == root || (path.rfind(root, 0) == 0 && (root == "/" || path[root.size()] == '/')))
            return true;
    }
    return false;
}

std::string siteFileName(const std::string &domain)
{
    return domain + ".conf";
}

json listServers(const Tree &tree)
{
    std::map<std::string, json> upstreams;
    walk(tree, [&](const Directive &d, const File &, const std::vector<std::string> &ctx) {
        if (d.name == "upstream" && d.block && d.args.size() == 1 && !ctx.empty()
            && ctx.back() == "http") {
            json servers = json::array();
            std::vector<const Directive *> children;
            flatten(tree, d.children, children);
            for (const Directive *c : children)
                if (c->name == "server" && !c->args.empty())
                    servers.push_back(joinArgs(*c));
            upstreams[d.args[0]] = {{"name", d.args[0]}, {"servers", servers}, {"line", d.line}};
        }
        return d.name != "server" && d.name != "location";
    });

    json list = json::array();
    walk(tree, [&](const Directive &d, const File &file, const std::vector<std::string> &ctx) {
        if (!(d.name == "server" && d.block && !ctx.empty() && ctx.back() == "http"))
            return d.name != "upstream" && d.name != "location";
        json s = {{"id", file.path + ":" + std::to_string(d.line)},
                  {"file", file.path},
                  {"line", d.line},
                  {"names", json::array()},
                  {"listen", json::array()},
                  {"locations", json::array()},
                  {"proxyPass", json::array()},
                  {"upstreams", json::array()},
                  {"enabled", true}};
        const std::string managed = firstLineArg(file.text, kManagedMarker);
        s["managed"] = !managed.empty();
        if (!managed.empty())
            s["site"] = managed.substr(managed.find_first_not_of(' '));
        std::vector<std::string> proxies;
        std::vector<const Directive *> children;
        flatten(tree, d.children, children);
        for (const Directive *c : children) {
            if (c->name == "server_name")
                for (const auto &n : c->args)
                    s["names"].push_back(n);
            else if (c->name == "listen")
                s["listen"].push_back(parseListen(*c));
            else if (c->args.empty())
                continue;
            else if (c->name == "root")
                s["root"] = c->args[0];
            else if (c->name == "index")
                s["index"] = c->args;
            else if (c->name == "ssl_certificate")
                s["sslCertificate"] = c->args[0];
            else if (c->name == "ssl_certificate_key")
                s["sslCertificateKey"] = c->args[0];
            else if (c->name == "access_log")
                s["accessLog"] = c->args[0];
            else if (c->name == "error_log")
                s["errorLog"] = c->args[0];
            else if (c->name == "return")
                s["return"] = joinArgs(*c);
            else if (c->name == "proxy_pass")
                proxies.push_back(c->args[0]);
            else if (c->name == "location" && c->block) {
                json l = describeLocation(tree, *c);
                if (l.contains("proxyPass"))
                    proxies.push_back(l["proxyPass"]);
                s["locations"].push_back(l);
            }
        }
        for (const auto &p : proxies) {
            s["proxyPass"].push_back(p);
            std::string host = p.substr(p.find("://") == std::string::npos ? 0 : p.find("://") + 3);
            host = host.substr(0, host.find_first_of("/:"));
            if (upstreams.count(host))
                s["upstreams"].push_back(upstreams[host]);
        }
        list.push_back(s);
        return false;
    });
    return list;
}

json managedSpec(const std::string &text)
{
    if (firstLineArg(text, kManagedMarker).empty())
        return nullptr;
    const std::string raw = firstLineArg(text, kSpecMarker);
    try {
        return raw.empty() ? json::object() : json::parse(raw);
    } catch (const json::exception &) {
        return json::object();
    }
}

namespace {

std::string hashPassword(const std::string &password)
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!::crypt_gensalt_rn("$6$", 0, nullptr, 0, salt, sizeof salt))
        throw RpcError(Code::Internal, "cannot make a password salt");
    crypt_data data{};
    const char *hash = ::crypt_r(password.c_str(), salt, &data);
    if (!hash || hash[0] == '*')
        throw RpcError(Code::Internal, "cannot hash the password");
    return hash;
}

// name → hash lines of an existing htpasswd file.
std::map<std::string, std::string> htpasswdEntries(const std::string &text)
{
    std::map<std::string, std::string> entries;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(':');
        if (colon != std::string::npos && colon > 0)
            entries[line.substr(0, colon)] = line.substr(colon + 1);
    }
    return entries;
}

void locationBody(Writer &w, const json &loc, const std::string &field, const std::string &kind,
                  const std::vector<std::string> &roots, const std::string &ident)
{
    if (kind == "static") {
        const std::string root = str(loc, "root", field + ".root");
        const std::string alias = str(loc, "alias", field + ".alias");
        if (root.empty() == alias.empty())
            throw invalidValue(field + ".root", "a static location needs root or alias",
                               "give exactly one of root and alias");
        if (!root.empty())
            w.line("root " + pathField(root, field + ".root", roots) + ";");
        else
            w.line("alias " + pathField(alias, field + ".alias", roots) + ";");
    } else if (kind == "proxy") {
        const std::string backend = str(loc, "backend", field + ".backend");
        if (backend.empty())
            throw invalidValue(field + ".backend", field + ".backend is required", "http://host:port");
        w.line("proxy_pass " + urlField(backend, field + ".backend") + ";");
        proxyHeaders(w, flag(loc, "websocket", field + ".websocket"), ident);
    } else if (kind == "redirect") {
        const std::string url = str(loc, "url", field + ".url");
        const int64_t code = integer(loc, "code", field + ".code", 301, 308, 301);
        if (code != 301 && code != 302 && code != 307 && code != 308)
            throw invalidValue(field + ".code", "invalid " + field + ".code", "301, 302, 307 or 308");
        w.line("return " + std::to_string(code) + " " + urlField(url, field + ".url") + ";");
    } else {
        throw invalidValue(field + ".kind", "invalid " + field + ".kind", "static, proxy or redirect");
    }
}

} // namespace

Rendered renderSite(const json &spec, const std::string &htpasswdPath,
                    const std::string &previousHtpasswd, const std::vector<std::string> &roots)
{
    if (!spec.is_object())
        throw RpcError(Code::InvalidParams, "invalid params: site must be an object", errorData("site"));
    Rendered r;
    json stored = json::object();

    const std::string domain = domainField(str(spec, "domain", "domain"), "domain", false);
    stored["domain"] = domain;
    std::vector<std::string> names{domain};
    const json &aliases = array(spec, "aliases", "aliases");
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        const std::string f = "aliases[" + std::to_string(i) + "]";
        if (!aliases[i].is_string())
            throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be a string", errorData(f));
        names.push_back(domainField(aliases[i].get<std::string>(), f, true));
    }
    stored["aliases"] = std::vector<std::string>(names.begin() + 1, names.end());
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
    const std::string ident = identFor(domain);

    // TLS
    const std::string cert = str(spec, "sslCertificate", "sslCertificate");
    const std::string key = str(spec, "sslCertificateKey", "sslCertificateKey");
    const bool ssl = !cert.empty() || !key.empty();
    std::vector<std::string> fileRoots = roots;
    fileRoots.push_back("/etc/ssl");
    fileRoots.push_back("/etc/letsencrypt");
    fileRoots.push_back("/etc/nginx");
    if (ssl) {
        if (cert.empty() || key.empty())
            throw invalidValue(cert.empty() ? "sslCertificate" : "sslCertificateKey",
                               "a TLS site needs both the certificate and the key");
        stored["sslCertificate"] = pathField(cert, "sslCertificate", fileRoots);
        stored["sslCertificateKey"] = pathField(key, "sslCertificateKey", fileRoots);
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

    Writer w;
    w.line(std::string(kManagedMarker) + " " + domain);
    const std::size_t specLinePos = w.out.str().size(); // the spec line is inserted at the end
    w.line("# Written by qwq: edit this site in qwq, hand edits are replaced on its next change.");
    w.line("");

    // upstream / rate limit / websocket map: http context, before the server blocks
    std::string backend;
    if (kind == "proxy") {
        const json *up = spec.contains("upstream") && !spec["upstream"].is_null() ? &spec["upstream"] : nullptr;
        const std::string single = str(spec, "backend", "backend");
        if (up) {
            if (!up->is_object())
                throw RpcError(Code::InvalidParams, "invalid params: upstream must be an object", errorData("upstream"));
            const json &servers = array(*up, "servers", "upstream.servers");
            if (servers.empty() || servers.size() > 64)
                throw invalidValue("upstream.servers", "an upstream needs 1 to 64 servers");
            json storedUp = {{"servers", json::array()}};
            w.open("upstream " + ident);
            const std::string method = str(*up, "method", "upstream.method");
            if (!method.empty()) {
                if (method != "least_conn" && method != "ip_hash" && method != "round_robin")
                    throw invalidValue("upstream.method", "invalid upstream.method", "round_robin, least_conn or ip_hash");
                if (method != "round_robin")
                    w.line(method + ";");
                storedUp["method"] = method;
            }
            for (std::size_t i = 0; i < servers.size(); ++i) {
                const std::string f = "upstream.servers[" + std::to_string(i) + "]";
                if (!servers[i].is_object())
                    throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be an object", errorData(f));
                const std::string addr = str(servers[i], "address", f + ".address");
                if (!isHostPort(addr, true))
                    throw invalidValue(f + ".address", "invalid " + f + ".address", "host:port");
                const int64_t weight = integer(servers[i], "weight", f + ".weight", 1, 1000, 1);
                const int64_t maxFails = integer(servers[i], "maxFails", f + ".maxFails", 0, 1000, 1);
                const int64_t failTimeout = integer(servers[i], "failTimeout", f + ".failTimeout", 1, 86400, 10);
                const bool backup = flag(servers[i], "backup", f + ".backup");
                w.line("server " + addr + " weight=" + std::to_string(weight) + " max_fails="
                       + std::to_string(maxFails) + " fail_timeout=" + std::to_string(failTimeout)
                       + "s" + (backup ? " backup" : "") + ";");
                storedUp["servers"].push_back({{"address", addr}, {"weight", weight},
                                               {"maxFails", maxFails}, {"failTimeout", failTimeout},
                                               {"backup", backup}});
            }
            w.close();
            w.line("");
            backend = "http://" + ident;
            stored["upstream"] = storedUp;
        } else {
            if (single.empty())
                throw invalidValue("backend", "a reverse proxy needs backend or upstream", "http://host:port");
            backend = urlField(single, "backend");
            stored["backend"] = backend;
        }
    }
    const json *rate = spec.contains("rateLimit") && !spec["rateLimit"].is_null() ? &spec["rateLimit"] : nullptr;
    if (rate) {
        if (!rate->is_object())
            throw RpcError(Code::InvalidParams, "invalid params: rateLimit must be an object", errorData("rateLimit"));
        const int64_t perSecond = integer(*rate, "perSecond", "rateLimit.perSecond", 1, 100000, 10);
        const int64_t burst = integer(*rate, "burst", "rateLimit.burst", 0, 100000, 0);
        w.line("limit_req_zone $binary_remote_addr zone=" + ident + ":10m rate="
               + std::to_string(perSecond) + "r/s;");
        w.line("");
        stored["rateLimit"] = {{"perSecond", perSecond}, {"burst", burst}};
    }
    if (websocket) {
        w.open("map $http_upgrade $" + ident + "_upgrade");
        w.line("default upgrade;");
        w.line("'' close;");
        w.close();
        w.line("");
    }

    std::string serverNames;
    for (const auto &n : names)
        serverNames += " " + n;

    if (httpsRedirect) {
        w.open("server");
        w.line("listen " + listenHost + std::to_string(port) + ";");
        w.line("server_name" + serverNames + ";");
        w.line("return 301 https://$host$request_uri;");
        w.close();
        w.line("");
    }
    w.open("server");
    if (!httpsRedirect)
        w.line("listen " + listenHost + std::to_string(port) + ";");
    if (ssl)
        w.line("listen " + listenHost + std::to_string(sslPort) + " ssl;");
    w.line("server_name" + serverNames + ";");
    if (ssl) {
        w.line("ssl_certificate " + cert + ";");
        w.line("ssl_certificate_key " + key + ";");
    }
    if (hsts)
        w.line("add_header Strict-Transport-Security \"max-age=31536000\" always;");
    if (!accessLog.empty())
        w.line("access_log " + accessLog + ";");
    if (!errorLog.empty())
        w.line("error_log " + errorLog + ";");
    if (gzip) {
        w.line("gzip on;");
        w.line("gzip_types text/plain text/css application/javascript application/json image/svg+xml;");
    }
    if (!bodySize.empty())
        w.line("client_max_body_size " + bodySize + ";");

    const json &headers = array(spec, "headers", "headers");
    stored["headers"] = json::array();
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const std::string f = "headers[" + std::to_string(i) + "]";
        const std::string name = str(headers[i], "name", f + ".name");
        const std::string value = str(headers[i], "value", f + ".value");
        if (name.empty() || name.size() > 64
            || !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; }))
            throw invalidValue(f + ".name", "invalid " + f + ".name", "letters, digits and hyphens");
        requireSafe(value, f + ".value");
        w.line("add_header " + name + " " + quoteArg(value) + " always;");
        stored["headers"].push_back({{"name", name}, {"value", value}});
    }

    const json &access = array(spec, "access", "access");
    stored["access"] = json::array();
    for (std::size_t i = 0; i < access.size(); ++i) {
        const std::string f = "access[" + std::to_string(i) + "]";
        const std::string action = str(access[i], "action", f + ".action");
        if (action != "allow" && action != "deny")
            throw invalidValue(f + ".action", "invalid " + f + ".action", "allow or deny");
        const std::string source = addressField(str(access[i], "source", f + ".source"), f + ".source");
        w.line(action + " " + source + ";");
        stored["access"].push_back({{"action", action}, {"source", source}});
    }

    const json *auth = spec.contains("basicAuth") && !spec["basicAuth"].is_null() ? &spec["basicAuth"] : nullptr;
    if (auth) {
        if (!auth->is_object())
            throw RpcError(Code::InvalidParams, "invalid params: basicAuth must be an object", errorData("basicAuth"));
        std::string realm = str(*auth, "realm", "basicAuth.realm");
        if (realm.empty())
            realm = "Restricted";
        requireSafe(realm, "basicAuth.realm");
        const json &users = array(*auth, "users", "basicAuth.users");
        if (users.empty())
            throw invalidValue("basicAuth.users", "basic auth needs at least one user");
        const auto previous = htpasswdEntries(previousHtpasswd);
        json storedUsers = json::array();
        for (std::size_t i = 0; i < users.size(); ++i) {
            const std::string f = "basicAuth.users[" + std::to_string(i) + "]";
            const std::string name = str(users[i], "name", f + ".name");
            if (name.empty() || name.size() > 64
                || !std::all_of(name.begin(), name.end(), [](unsigned char c) {
                       return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
                   }))
                throw invalidValue(f + ".name", "invalid " + f + ".name", "letters, digits and . _ - @");
            const std::string password = str(users[i], "password", f + ".password");
            if (password.find_first_of("\r\n", 0) != std::string::npos || password.find('\0') != std::string::npos)
                throw invalidValue(f + ".password", "invalid " + f + ".password", "no line breaks");
            std::string hash;
            if (!password.empty())
                hash = hashPassword(password);
            else if (previous.count(name))
                hash = previous.at(name);
            else
                throw invalidValue(f + ".password", f + ".password is required for a new user");
            r.htpasswd += name + ":" + hash + "\n";
            storedUsers.push_back({{"name", name}});
        }
        w.line("auth_basic " + quoteArg(realm) + ";");
        w.line("auth_basic_user_file " + htpasswdPath + ";");
        stored["basicAuth"] = {{"realm", realm}, {"users", storedUsers}};
    }

    if (kind == "redirect") {
        const std::string url = urlField(str(spec, "redirectUrl", "redirectUrl"), "redirectUrl");
        const int64_t code = integer(spec, "redirectCode", "redirectCode", 301, 308, 301);
        if (code != 301 && code != 302 && code != 307 && code != 308)
            throw invalidValue("redirectCode", "invalid redirectCode", "301, 302, 307 or 308");
        const bool keepPath = flag(spec, "keepPath", "keepPath");
        w.line("return " + std::to_string(code) + " " + url + (keepPath ? "$request_uri" : "") + ";");
        stored["redirectUrl"] = url;
        stored["redirectCode"] = code;
        stored["keepPath"] = keepPath;
    }

    // custom locations first so that the site's own "/" comes last
    const json &locations = array(spec, "locations", "locations");
    stored["locations"] = json::array();
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
        const bool pathOk = !path.empty() && path.size() <= 512
                            && std::all_of(path.begin(), path.end(), [regex](unsigned char c) {
                                   if (regex)
                                       return c > 0x20 && c < 0x7f && c != ';' && c != '{' && c != '}'
                                              && c != '"' && c != '\'' && c != '#';
                                   return std::isalnum(c) || std::string_view("/._~%-@+").find(static_cast<char>(c)) != std::string_view::npos;
                               })
                            && (regex || path[0] == '/');
        if (!pathOk || (!regex && path.find("/../") != std::string::npos))
            throw invalidValue(f + ".path", "invalid " + f + ".path",
                               regex ? "a regular expression without spaces, ; { } quotes or #"
                                     : "a URL path starting with / (letters, digits, / . _ ~ % - @ +)");
        w.open("location " + (modifier.empty() ? "" : modifier + " ") + path);
        const std::string lkind = str(loc, "kind", f + ".kind");
        locationBody(w, loc, f, lkind, roots, ident);
        w.close();
        json sl = loc;
        stored["locations"].push_back(sl);
    }

    if (kind != "redirect") {
        w.open("location /");
        if (rate)
        {
            const int64_t burst = stored["rateLimit"]["burst"].get<int64_t>();
            w.line("limit_req zone=" + ident
                   + (burst > 0 ? " burst=" + std::to_string(burst) + " nodelay" : std::string()) + ";");
        }
        if (kind == "static") {
            const std::string root = pathField(str(spec, "root", "root"), "root", roots);
            stored["root"] = root;
            w.line("root " + root + ";");
            w.line("index index.html index.htm;");
            w.line("try_files $uri $uri/ =404;");
        } else {
            w.line("proxy_pass " + backend + ";");
            proxyHeaders(w, websocket, ident);
        }
        w.close();
    }
    w.close();

    std::string text = w.out.str();
    text.insert(specLinePos, std::string(kSpecMarker) + stored.dump() + "\n");
    r.config = std::move(text);
    r.spec = std::move(stored);
    return r;
}

} // namespace qwqhelper::nginx
