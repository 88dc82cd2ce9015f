// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the loaded configuration holds: every server block inside http {}, hand-written ones
// included, described for websites.list/get.
#include "nginx/site.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {


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

} // namespace

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

} // namespace qwqhelper::nginx
