// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/config.h"
#include "nginx/validate.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// Sites: what the parsed configuration holds (every server block, hand-written ones included)
/// and the structured emitter for qwq-managed sites. Every field of a site spec is checked
/// against a grammar before any text is produced; a failure throws RpcError 1001 naming the
/// field (e.g. "domain", "locations[1].backend").
namespace qwqhelper::nginx {

inline constexpr const char *kManagedMarker = "# qwq-managed-site";
inline constexpr const char *kSpecMarker = "# qwq-spec: ";

// Every server block in `tree`: names, listens, root, proxies, certificates, locations, logs,
// file/line, managed or not. `enabled` is true for all of them (they are loaded).
nlohmann::json listServers(const Tree &tree);

// The spec stored in a managed site's file (secrets such as passwords are never stored);
// null when the text carries no qwq marker.
nlohmann::json managedSpec(const std::string &text);

struct Rendered
{
    std::string config;   // the site's file
    std::string htpasswd; // empty: no basic auth
    nlohmann::json spec;  // the normalised spec (as stored in the file, passwords removed)
};

// Validates `spec` and produces the site's file. `htpasswdPath` is where basic-auth users go;
// `previousHtpasswd` keeps users whose password was not given again. Throws RpcError 1001.
Rendered renderSite(const nlohmann::json &spec, const std::string &htpasswdPath,
                    const std::string &previousHtpasswd,
                    const std::vector<std::string> &allowedRoots);

// Where HTTP-01 tokens are served from: every managed site answers
// /.well-known/acme-challenge/<token> from this directory. $QWQ_ACME_CHALLENGE_DIR in the helper's
// own environment (tests), else /var/lib/qwq-acme-challenge (outside the data root, which is
// private: nginx's workers must read the tokens).
std::string acmeChallengeDir();

// The file-name form of a site name: its domain (validated by the caller).
std::string siteFileName(const std::string &domain);

} // namespace qwqhelper::nginx
