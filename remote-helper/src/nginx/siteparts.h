// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/site.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

/// Internal to the site emitter (site.cpp, siteparts.cpp): the writer and the pieces of a site.
namespace qwqhelper::nginx::detail {

using Args = std::vector<std::string>;

// Writes directives: a name (a fixed word of ours) and arguments, each quoted as needed.
struct Writer
{
    std::ostringstream out;
    int indent = 0;
    void raw(const std::string &text)
    {
        out << (text.empty() ? "" : std::string(static_cast<std::size_t>(indent) * 4, ' ')) << text
            << '\n';
    }
    static std::string join(const std::string &name, const Args &args)
    {
        std::string s = name;
        for (const auto &a : args)
            s += " " + quoteArg(a);
        return s;
    }
    void dir(const std::string &name, const Args &args = {}) { raw(join(name, args) + ";"); }
    void open(const std::string &name, const Args &args = {})
    {
        raw(join(name, args) + " {");
        ++indent;
    }
    void close()
    {
        --indent;
        raw("}");
    }
};

struct Render
{
    const nlohmann::json &spec;
    const std::vector<std::string> &roots;
    nlohmann::json stored = nlohmann::json::object();
    Writer w;
    std::string domain;
    std::string ident;
    Rendered result;
};

std::string identFor(const std::string &domain);
void proxyHeaders(Writer &w, bool websocket, const std::string &ident);
// http-level pieces (upstream, rate-limit zone, websocket map); returns the proxy_pass target.
std::string renderHttpLevel(Render &r, const std::string &kind, bool websocket);
// Headers, access rules and basic auth of the main server block.
void renderProtections(Render &r, const std::string &htpasswdPath, const std::string &previousHtpasswd);

} // namespace qwqhelper::nginx::detail
