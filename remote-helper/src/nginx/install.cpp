// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/install.h"

#include "errors.h"
#include "fsutil.h"
#include "nginx/config.h"
#include "process.h"

#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

std::string dirName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// "--conf-path=/etc/nginx/nginx.conf" out of `nginx -V`.
std::string configureArg(const std::string &text, const std::string &name)
{
    const std::string key = "--" + name + "=";
    const auto at = text.find(key);
    if (at == std::string::npos)
        return {};
    const auto start = at + key.size();
    const auto end = text.find_first_of(" \n", start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string findBinary()
{
    for (const char *name : {"nginx", "openresty"})
        if (auto p = process::findExecutable(name))
            return *p;
    for (const char *p : {"/usr/local/openresty/nginx/sbin/nginx", "/usr/local/nginx/sbin/nginx",
                          "/opt/nginx/sbin/nginx", "/usr/local/openresty/bin/openresty"}) {
        struct stat st{};
        if (::stat(p, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111))
            return p;
    }
    return {};
}

// Layout from the http-level includes: sites-enabled/* (Debian) or <dir>/*.conf (conf.d).
void findLayout(Install &in, const Tree &tree)
{
    walk(tree, [&](const Directive &d, const File &, const std::vector<std::string> &ctx) {
        if (d.args.empty() || d.args[0].empty())
            return true;
        const std::string &a = d.args[0];
        if (d.name == "pid" && ctx.empty())
            in.pidPath = a[0] == '/' ? a : in.prefix + "/" + a;
        if (d.name == "access_log" && ctx.size() == 1 && ctx[0] == "http" && a != "off")
            in.httpLogPath = a;
        if (d.name == "error_log" && ctx.empty())
            in.errorLogPath = a;
        if (d.name == "include" && ctx.size() == 1 && ctx[0] == "http") {
            const std::string pattern = a[0] == '/' ? a : tree.prefix + "/" + a;
            const std::string dir = dirName(pattern);
            const std::string base = pattern.substr(dir.size() + 1);
            const bool globAll = base == "*" || base == "*.conf";
            const std::string enabled = "/sites-enabled";
            if (globAll && dir.size() > enabled.size()
                && dir.compare(dir.size() - enabled.size(), enabled.size(), enabled) == 0
                && in.layout != "sites") {
                in.layout = "sites";
                in.enabledDir = dir;
                in.siteDir = dir.substr(0, dir.size() - enabled.size()) + "/sites-available";
            } else if (globAll && base == "*.conf" && in.layout.empty()) {
                in.layout = "conf.d";
                in.siteDir = dir;
            }
        }
        return true;
    });
    if (in.layout.empty())
        in.layout = "none";
}

// The configuration as far as it parses: each file that does not parse is read as empty (at
// most 16 of them) and the first failure is kept in `in.parseError`.
Tree lenientTree(Install &in)
{
    std::set<std::string> empty;
    for (;;) {
        try {
            return load(in.confPath, [&](const std::string &path, std::string &text) {
                if (empty.count(path)) {
                    text.clear();
                    return true;
                }
                return readConfigFile(path, text);
            });
        } catch (const ParseError &e) {
            if (!in.parseError)
                in.parseError = Install::ParseFailure{e.file, e.line, e.what()};
            if (empty.size() >= 16 || empty.count(e.file))
                return Tree{};
            empty.insert(e.file);
        }
    }
}

// `nginx -V` of a binary, run again only when the binary changed (an apply discovers first:
// the 5-10 ms of a process start are a good part of a reload's budget).
std::string versionText(const std::string &binary)
{
    static std::mutex mutex;
    static std::map<std::string, std::pair<std::string, std::string>> cache; // path -> (stamp, text)
    struct stat st{};
    ::stat(binary.c_str(), &st);
    const std::string stamp = std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":"
                              + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    {
        std::lock_guard lock(mutex);
        const auto it = cache.find(binary);
        if (it != cache.end() && it->second.first == stamp)
            return it->second.second;
    }
    process::Spec spec;
    spec.argv = {binary, "-V"};
    spec.timeoutMs = 10000;
    const auto r = process::run(spec);
    const std::string text = r.err + r.out;
    if (r.exitCode == 0) {
        std::lock_guard lock(mutex);
        cache[binary] = {stamp, text};
    }
    return text;
}

} // namespace

std::vector<std::string> allowedRoots()
{
    std::vector<std::string> roots;
    if (const char *env = std::getenv("QWQ_WEBSITES_ROOTS"); env && *env) {
        const std::string all = env;
        std::size_t start = 0;
        while (start <= all.size()) {
            const auto colon = all.find(':', start);
            const std::string r = all.substr(start, colon == std::string::npos ? std::string::npos
                                                                                : colon - start);
            if (fs::isCleanAbsolutePath(r) && r != "/")
                roots.push_back(r);
            if (colon == std::string::npos)
                break;
            start = colon + 1;
        }
    }
    if (roots.empty())
        roots = {"/var/www", "/srv", "/usr/share/nginx", "/home", "/opt"};
    return roots;
}

std::vector<std::string> writableDirs(const Install &in)
{
    std::vector<std::string> dirs{in.confDir};
    if (!in.siteDir.empty())
        dirs.push_back(in.siteDir);
    if (!in.enabledDir.empty())
        dirs.push_back(in.enabledDir);
    return dirs;
}

json Install::toJson() const
{
    auto orNull = [](const std::string &s) { return s.empty() ? json(nullptr) : json(s); };
    return {{"binary", binary}, {"flavor", flavor}, {"version", version}, {"confPath", confPath},
            {"prefix", prefix}, {"pidPath", orNull(pidPath)}, {"layout", layout},
            {"siteDir", orNull(siteDir)}, {"enabledDir", orNull(enabledDir)},
            {"accessLog", orNull(httpLogPath)}, {"errorLog", orNull(errorLogPath)},
            {"parseError", parseError ? json{{"file", parseError->file}, {"line", parseError->line},
                                             {"detail", parseError->message}}
                                      : json(nullptr)}};
}

Install discover()
{
    Install in;
    in.binary = findBinary();
    if (in.binary.empty())
        throw RpcError(kNotInstalled, "nginx is not installed",
                       errorData({}, {}, "looked for nginx and openresty in PATH, /usr/sbin, "
                                         "/usr/local/sbin, /sbin, /usr/local/nginx, "
                                         "/usr/local/openresty and /opt/nginx"));
    const std::string v = versionText(in.binary);
    const auto at = v.find("version: ");
    if (at != std::string::npos) {
        const std::string word = v.substr(at + 9, v.find_first_of(" \n", at + 9) - at - 9);
        const auto slash = word.find('/');
        in.flavor = word.substr(0, slash) == "openresty" ? "openresty" : "nginx";
        in.version = slash == std::string::npos ? word : word.substr(slash + 1);
    }
    in.prefix = configureArg(v, "prefix");
    if (in.prefix.empty())
        in.prefix = "/usr/local/nginx";
    in.confPath = configureArg(v, "conf-path");
    if (const char *env = std::getenv("QWQ_NGINX_CONF"); env && *env)
        in.confPath = env;
    if (in.confPath.empty())
        in.confPath = in.prefix + "/conf/nginx.conf";
    if (in.confPath[0] != '/')
        in.confPath = in.prefix + "/" + in.confPath;
    in.confDir = dirName(in.confPath);
    in.pidPath = configureArg(v, "pid-path");
    in.httpLogPath = configureArg(v, "http-log-path");
    in.errorLogPath = configureArg(v, "error-log-path");
    if (!fs::isCleanAbsolutePath(in.confPath) || !fs::exists(in.confPath))
        throw RpcError(kNotInstalled, "the nginx main configuration is missing",
                       errorData("conf", {}, in.confPath));
    findLayout(in, lenientTree(in));
    if (!in.errorLogPath.empty() && in.errorLogPath[0] != '/' && in.errorLogPath != "stderr"
        && in.errorLogPath.rfind("syslog:", 0) != 0 && in.errorLogPath.rfind("memory:", 0) != 0)
        in.errorLogPath = in.prefix + "/" + in.errorLogPath;
    return in;
}

int masterPid(const Install &install)
{
    if (install.pidPath.empty())
        return 0;
    const auto text = fs::readRegular(install.pidPath, 64);
    if (!text)
        return 0;
    int pid = 0;
    try {
        pid = std::stoi(*text);
    } catch (...) {
        return 0;
    }
    if (pid <= 1)
        return 0;
    // a stale pid file may name another process now: signal only an nginx master
    const auto cmdline = fs::readRegular("/proc/" + std::to_string(pid) + "/cmdline", 4096);
    if (!cmdline || cmdline->find("nginx") == std::string::npos
        || cmdline->find("worker process") != std::string::npos)
        return 0;
    return pid;
}

} // namespace qwqhelper::nginx
