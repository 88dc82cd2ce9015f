// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/config.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qwqhelper {
class CancelToken;
}

/// The nginx on this server and the safe apply pipeline: stage the whole configuration tree in a
/// private directory (absolute includes pointed at the staged copies, conf-relative file paths
/// made absolute), `nginx -t` it, then replace the changed files atomically (the previous state is
/// kept as a numbered version), and reload the master with SIGHUP. Errors are RpcErrors (5000
/// with data.file/line/detail for a configuration nginx refuses).
namespace qwqhelper::nginx {

inline constexpr int kConfigInvalid = 5000;  // nginx -t refused the configuration
inline constexpr int kNotInstalled = 5001;   // no nginx/OpenResty binary or main config
inline constexpr int kSiteNotFound = 5002;   // no such site (or version)
inline constexpr int kNotManaged = 5003;     // the site is hand-written: qwq does not rewrite it
inline constexpr int kSiteExists = 5004;     // create: a site with that domain already exists
inline constexpr int kNoSiteDir = 5005;      // the main config includes no sites-enabled/conf.d
inline constexpr int kReloadFailed = 5006;   // the master refused the reload; files restored

struct Install
{
    std::string binary;
    std::string flavor;  // nginx | openresty
    std::string version;
    std::string confPath;
    std::string prefix;  // --prefix
    std::string pidPath; // from the pid directive, else --pid-path
    std::string httpLogPath;
    std::string errorLogPath;
    std::string layout;  // sites | conf.d | none
    std::string siteDir; // where qwq writes sites (sites-available or conf.d)
    std::string enabledDir; // sites-enabled (layout "sites")
    nlohmann::json toJson() const;
};

// Finds the binary and reads `nginx -V`; `confOverride` (a clean absolute path) replaces the
// compiled --conf-path. Throws 5001 when nothing is found.
Install discover(const std::optional<std::string> &confOverride);

// One file operation of a change. `content` nullopt and `linkTo` empty: remove the path.
struct FileOp
{
    std::string path;
    std::optional<std::string> content; // regular file content
    std::string linkTo;                 // make `path` a symbolic link to this
    unsigned mode = 0644;
};

struct ApplyResult
{
    int version = 0;
    bool reloaded = false;
    bool running = false;
};

// Stages, tests, switches and reloads. `action`/`site` are recorded with the version.
ApplyResult apply(const Install &install, const std::vector<FileOp> &ops, const std::string &action,
                  const std::string &site, CancelToken *cancel);

// Runs `nginx -t` on a staged copy of the tree with `ops` applied, without touching anything.
void test(const Install &install, const std::vector<FileOp> &ops, CancelToken *cancel);

nlohmann::json versions(const Install &install);
// The operations that put the files version `n` changed back as they were before it.
std::vector<FileOp> rollbackOps(const Install &install, int n);

// Where the staged copy of `path` lives, for tests: stageRoot + path.
std::string stagedPath(const std::string &stageRoot, const std::string &path);

// Directories site roots, logs and certificates may be under: $QWQ_WEBSITES_ROOTS (colon
// separated) or /var/www, /srv, /usr/share/nginx, /home, /opt.
std::vector<std::string> allowedRoots();

// The master's pid (0: not running).
int masterPid(const Install &install);

} // namespace qwqhelper::nginx
