// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/siteparts.h"

#include "errors.h"
#include "nginx/validate.h"

#include <crypt.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace qwqhelper::nginx::detail {

using nlohmann::json;

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

} // namespace

std::string identFor(const std::string &domain)
{
    std::string id = "qwq_";
    for (char c : domain)
        id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return id;
}

void proxyHeaders(Writer &w, bool websocket, const std::string &ident)
{
    w.dir("proxy_set_header", {"Host", "$host"});
    w.dir("proxy_set_header", {"X-Real-IP", "$remote_addr"});
    w.dir("proxy_set_header", {"X-Forwarded-For", "$proxy_add_x_forwarded_for"});
    w.dir("proxy_set_header", {"X-Forwarded-Proto", "$scheme"});
    if (websocket) {
        w.dir("proxy_http_version", {"1.1"});
        w.dir("proxy_set_header", {"Upgrade", "$http_upgrade"});
        w.dir("proxy_set_header", {"Connection", "$" + ident + "_upgrade"});
    }
}

std::string renderHttpLevel(Render &r, const std::string &kind, bool websocket)
{
    Writer &w = r.w;
    std::string backend;
    if (kind == "proxy") {
        if (const json *up = object(r.spec, "upstream", "upstream")) {
            const json &servers = array(*up, "servers", "upstream.servers");
            if (servers.empty() || servers.size() > 64)
                throw invalidValue("upstream.servers", "an upstream needs 1 to 64 servers");
            json storedUp = {{"servers", json::array()}};
            w.open("upstream", {r.ident});
            const std::string method = str(*up, "method", "upstream.method");
            if (!method.empty()) {
                if (method != "least_conn" && method != "ip_hash" && method != "round_robin")
                    throw invalidValue("upstream.method", "invalid upstream.method",
                                       "round_robin, least_conn or ip_hash");
                if (method != "round_robin")
                    w.dir(method);
                storedUp["method"] = method;
            }
            for (std::size_t i = 0; i < servers.size(); ++i) {
                const std::string f = "upstream.servers[" + std::to_string(i) + "]";
                if (!servers[i].is_object())
                    throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be an object",
                                   errorData(f));
                const std::string addr = str(servers[i], "address", f + ".address");
                if (!isHostPort(addr, true))
                    throw invalidValue(f + ".address", "invalid " + f + ".address", "host:port");
                const int64_t weight = integer(servers[i], "weight", f + ".weight", 1, 1000, 1);
                const int64_t maxFails = integer(servers[i], "maxFails", f + ".maxFails", 0, 1000, 1);
                const int64_t failTimeout =
                    integer(servers[i], "failTimeout", f + ".failTimeout", 1, 86400, 10);
                const bool backup = flag(servers[i], "backup", f + ".backup");
                Args args{addr, "weight=" + std::to_string(weight),
                          "max_fails=" + std::to_string(maxFails),
                          "fail_timeout=" + std::to_string(failTimeout) + "s"};
                if (backup)
                    args.push_back("backup");
                w.dir("server", args);
                storedUp["servers"].push_back({{"address", addr}, {"weight", weight},
                                               {"maxFails", maxFails}, {"failTimeout", failTimeout},
                                               {"backup", backup}});
            }
            w.close();
            w.raw("");
            backend = "http://" + r.ident;
            r.stored["upstream"] = storedUp;
        } else {
            const std::string single = str(r.spec, "backend", "backend");
            if (single.empty())
                throw invalidValue("backend", "a reverse proxy needs backend or upstream",
                                   "http://host:port");
            backend = urlField(single, "backend");
            r.stored["backend"] = backend;
        }
    }
    if (const json *rate = object(r.spec, "rateLimit", "rateLimit")) {
        const int64_t perSecond = integer(*rate, "perSecond", "rateLimit.perSecond", 1, 100000, 10);
        const int64_t burst = integer(*rate, "burst", "rateLimit.burst", 0, 100000, 0);
        w.dir("limit_req_zone", {"$binary_remote_addr", "zone=" + r.ident + ":10m",
                                 "rate=" + std::to_string(perSecond) + "r/s"});
        w.raw("");
        r.stored["rateLimit"] = {{"perSecond", perSecond}, {"burst", burst}};
    }
    if (websocket) {
        w.open("map", {"$http_upgrade", "$" + r.ident + "_upgrade"});
        w.dir("default", {"upgrade"});
        w.dir("''", {"close"});
        w.close();
        w.raw("");
    }
    return backend;
}

void renderProtections(Render &r, const std::string &htpasswdPath, const std::string &previousHtpasswd)
{
    Writer &w = r.w;
    const json &headers = array(r.spec, "headers", "headers");
    r.stored["headers"] = json::array();
    for (std::size_t i = 0; i < headers.size() && i < 64; ++i) {
        const std::string f = "headers[" + std::to_string(i) + "]";
        const std::string name = str(headers[i], "name", f + ".name");
        const std::string value = str(headers[i], "value", f + ".value");
        if (name.empty() || name.size() > 64
            || !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; }))
            throw invalidValue(f + ".name", "invalid " + f + ".name", "letters, digits and hyphens");
        requireSafe(value, f + ".value");
        w.dir("add_header", {name, value, "always"});
        r.stored["headers"].push_back({{"name", name}, {"value", value}});
    }
    const json &access = array(r.spec, "access", "access");
    r.stored["access"] = json::array();
    for (std::size_t i = 0; i < access.size(); ++i) {
        const std::string f = "access[" + std::to_string(i) + "]";
        const std::string action = str(access[i], "action", f + ".action");
        if (action != "allow" && action != "deny")
            throw invalidValue(f + ".action", "invalid " + f + ".action", "allow or deny");
        const std::string source = addressField(str(access[i], "source", f + ".source"), f + ".source");
        w.dir(action, {source});
        r.stored["access"].push_back({{"action", action}, {"source", source}});
    }
    const json *auth = object(r.spec, "basicAuth", "basicAuth");
    if (!auth)
        return;
    std::string realm = str(*auth, "realm", "basicAuth.realm");
    if (realm.empty())
        realm = "Restricted";
    requireSafe(realm, "basicAuth.realm");
    const json &users = array(*auth, "users", "basicAuth.users");
    if (users.empty() || users.size() > 256)
        throw invalidValue("basicAuth.users", "basic auth needs 1 to 256 users");
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
        if (password.find_first_of(std::string("\r\n\0", 3)) != std::string::npos || password.size() > 1024)
            throw invalidValue(f + ".password", "invalid " + f + ".password",
                               "at most 1024 bytes, no line breaks");
        std::string hash;
        if (!password.empty())
            hash = hashPassword(password);
        else if (previous.count(name))
            hash = previous.at(name);
        else
            throw invalidValue(f + ".password", f + ".password is required for a new user");
        r.result.htpasswd += name + ":" + hash + "\n";
        storedUsers.push_back({{"name", name}});
    }
    w.dir("auth_basic", {realm});
    w.dir("auth_basic_user_file", {htpasswdPath});
    r.stored["basicAuth"] = {{"realm", realm}, {"users", storedUsers}};
}

} // namespace qwqhelper::nginx::detail
