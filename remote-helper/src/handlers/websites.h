// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dispatch.h"
#include "nginx/apply.h"
#include "nginx/config.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

/// Shared by the websites.* handlers (websites.cpp, websiteschange.cpp, websiteslogs.cpp).
namespace qwqhelper::websites {

// discover(), a configuration that does not parse turned into 5000 with file and line.
nginx::Install install(const Params &p);
nginx::Tree loadTree(const nginx::Install &in);
std::string domainParam(const Params &p);
const nlohmann::json &siteParam(const Params &p);

// Where a managed site's files are.
struct SitePaths
{
    std::string file;     // the site's config file
    std::string enabled;  // the path nginx loads it from (link or file)
    std::string disabled; // conf.d: the renamed file; sites: empty
    std::string htpasswd;
};
SitePaths sitePaths(const nginx::Install &in, const std::string &domain);
bool pathExists(const std::string &path);
bool siteEnabled(const nginx::Install &in, const SitePaths &s);
std::optional<std::string> siteText(const nginx::Install &in, const SitePaths &s);

struct Plan
{
    std::vector<nginx::FileOp> ops;
    std::string domain;
    nlohmann::json spec;
    bool created = false;
};
// mode 0: create (5004 when it exists), 1: update (5002 when it does not), 2: either.
Plan planWrite(const nginx::Install &in, const nlohmann::json &spec, int mode);
nlohmann::json applyPlan(const nginx::Install &in, const std::vector<nginx::FileOp> &ops,
                         const std::string &action, const std::string &domain, const Context &ctx);
// Servers of one file parsed alone (a disabled site) as if it were inside http {}.
nlohmann::json serversOfFile(const std::string &path, const std::string &text);

} // namespace qwqhelper::websites
