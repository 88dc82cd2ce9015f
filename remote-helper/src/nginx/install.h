// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

/// The nginx (or OpenResty) installed on this server: binary, version, compiled paths, main
/// configuration, layout of site files and the running master. Errors are RpcErrors 5001.
namespace qwqhelper::nginx {

inline constexpr int kConfigInvalid = 5000;  // nginx -t refused the configuration
inline constexpr int kNotInstalled = 5001;   // no nginx/OpenResty binary or main config
inline constexpr int kSiteNotFound = 5002;   // no such site (or version)
inline constexpr int kNotManaged = 5003;     // the site is hand-written: not rewritten from a spec
inline constexpr int kSiteExists = 5004;     // create: a site with that domain already exists
inline constexpr int kNoSiteDir = 5005;      // the main config includes no sites-enabled/conf.d
inline constexpr int kReloadFailed = 5006;   // the master refused the reload; files restored
inline constexpr int kChangedMeanwhile = 5007; // a raw edit's base hash is not the file's now

struct Install
{
    std::string binary;
    std::string flavor;  // nginx | openresty
    std::string version;
    std::string confPath;
    std::string confDir; // the main file's directory: relative includes resolve here
    std::string prefix;  // --prefix
    std::string pidPath; // from the pid directive, else --pid-path
    std::string httpLogPath;
    std::string errorLogPath;
    std::string layout;  // sites | conf.d | none
    std::string siteDir; // where qwq writes sites (sites-available or conf.d)
    std::string enabledDir; // sites-enabled (layout "sites")
    // The first file of the configuration that does not parse (a hand edit gone wrong): the
    // rest of the install is still found, with that file read as empty, so the one file can be
    // opened and repaired (websites.get / websites.writeRaw); listing the sites answers 5000.
    struct ParseFailure
    {
        std::string file;
        int line = 0;
        std::string message;
    };
    std::optional<ParseFailure> parseError;
    nlohmann::json toJson() const;
};

// Finds the binary and reads `nginx -V`. The main configuration is the compiled --conf-path,
// unless the helper's own environment has QWQ_NGINX_CONF (tests and second instances: no
// request parameter can move it). Throws 5001 when nothing is found; a configuration that does
// not parse sets `parseError`.
Install discover();

// Directories site roots, logs and certificates may be under: $QWQ_WEBSITES_ROOTS (colon
// separated) or /var/www, /srv, /usr/share/nginx, /home, /opt.
std::vector<std::string> allowedRoots();

// The directories qwq may write nginx files in: the main file's directory (and below it), the
// site and enabled directories.
std::vector<std::string> writableDirs(const Install &install);

// The master's pid (0: not running, or the pid file names something that is not nginx).
int masterPid(const Install &install);

} // namespace qwqhelper::nginx
