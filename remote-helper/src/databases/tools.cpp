// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databases/tools.h"

#include "process.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::databases {

using nlohmann::json;

namespace {

// Version directories under `parent` whose names start with `prefix`, newest first
// ("15" before "9.6"; compared as numbers).
std::vector<std::string> versionDirs(const std::string &parent, const std::string &prefix,
                                     const std::string &suffix)
{
    std::vector<std::pair<std::vector<int>, std::string>> found;
    if (DIR *dir = ::opendir(parent.c_str())) {
        while (const dirent *e = ::readdir(dir)) {
            const std::string name = e->d_name;
            if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size())
                continue;
            std::vector<int> key;
            const std::string v = name.substr(prefix.size());
            std::size_t i = 0;
            bool ok = true;
            while (i < v.size()) {
                std::size_t j = i;
                while (j < v.size() && v[j] >= '0' && v[j] <= '9')
                    ++j;
                if (j == i || j - i > 6) { ok = false; break; }
                key.push_back(std::atoi(v.substr(i, j - i).c_str()));
                if (j < v.size() && v[j] != '.') { ok = false; break; }
                i = j + 1;
            }
            if (ok)
                found.emplace_back(key, parent + "/" + name + suffix);
        }
        ::closedir(dir);
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::string> dirs;
    for (auto &f : found)
        dirs.push_back(f.second);
    return dirs;
}

bool safeNode(const struct stat &st)
{
    const uid_t me = ::geteuid();
    if (st.st_uid != 0 && st.st_uid != me)
        return false;
    // Group- or world-writable is fine only for a sticky directory owned by root (/tmp is
    // not a place for tools, but /usr/local may be group-writable on some systems: refused).
    return (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

} // namespace

std::vector<std::string> searchDirectories()
{
    std::vector<std::string> dirs;
    auto add = [&dirs](const std::string &d) {
        if (!d.empty() && d[0] == '/' && std::find(dirs.begin(), dirs.end(), d) == dirs.end())
            dirs.push_back(d);
    };
    for (const auto &d : versionDirs("/usr/lib/postgresql", "", "/bin"))
        add(d);
    for (const auto &d : versionDirs("/usr", "pgsql-", "/bin"))
        add(d);
    const char *path = std::getenv("PATH");
    const std::string p = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    for (std::size_t pos; (pos = p.find(':', start)) != std::string::npos; start = pos + 1)
        add(p.substr(start, pos - start));
    add(p.substr(start));
    for (const char *d : {"/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/local/bin", "/usr/bin", "/bin"})
        add(d);
    return dirs;
}

bool safeToExecute(const std::string &path)
{
    if (path.empty() || path[0] != '/')
        return false;
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved))
        return false;
    const std::string real = resolved;
    struct stat st{};
    if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || ::access(real.c_str(), X_OK) != 0
        || !safeNode(st))
        return false;
    // Every directory above it (the resolved path: a symbolic link's own directory does not
    // matter once it is resolved, its target's does).
    std::string dir = real;
    while (true) {
        const std::size_t slash = dir.rfind('/');
        dir = slash == 0 ? "/" : dir.substr(0, slash);
        if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return false;
        if (!safeNode(st) && !((st.st_mode & S_ISVTX) && st.st_uid == 0))
            return false;
        if (dir == "/")
            return true;
    }
}

std::optional<std::string> findTool(const std::vector<std::string> &names)
{
    const auto dirs = searchDirectories();
    for (const auto &name : names)
        for (const auto &dir : dirs) {
            const std::string candidate = dir + "/" + name;
            struct stat st{};
            if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && safeToExecute(candidate))
                return candidate;
        }
    return std::nullopt;
}

std::optional<std::string> versionLine(const std::string &binary)
{
    if (!safeToExecute(binary))
        return std::nullopt;
    try {
        process::Spec spec;
        spec.argv = {binary, "--version"};
        spec.extraEnv = {"LC_ALL=C"};
        spec.timeoutMs = 3000;
        const auto r = process::run(spec, nullptr, {}, 64 * 1024);
        if (r.exitCode != 0 || r.timedOut)
            return std::nullopt;
        std::string line = r.out.substr(0, r.out.find('\n'));
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (line.empty())
            return std::nullopt;
        return line;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

std::string parseVersion(const std::string &line)
{
    std::size_t from = 0;
    for (const char *marker : {"Distrib ", "from ", "v=", "Ver "})
        if (const std::size_t at = line.find(marker); at != std::string::npos) {
            from = at + std::string(marker).size();
            break;
        }
    for (std::size_t i = from; i < line.size(); ++i) {
        if (line[i] < '0' || line[i] > '9')
            continue;
        std::size_t j = i;
        while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == '.'))
            ++j;
        std::string v = line.substr(i, j - i);
        while (!v.empty() && v.back() == '.')
            v.pop_back();
        if (v.find('.') != std::string::npos)
            return v;
        i = j;
    }
    return {};
}

json toolsJson()
{
    static const char *kTools[] = {"pg_dump", "pg_restore", "psql", "createdb",
                                   "mysqldump", "mariadb-dump", "mysql", "mariadb",
                                   "mysqladmin", "mariadb-admin", "redis-cli"};
    std::vector<std::pair<std::string, std::optional<std::string>>> found;
    for (const char *t : kTools)
        found.emplace_back(t, findTool({std::string(t)}));
    // The version probes in parallel: each is one short exec.
    std::vector<std::future<std::optional<std::string>>> versions;
    for (const auto &f : found)
        versions.push_back(std::async(std::launch::async, [path = f.second] {
            return path ? versionLine(*path) : std::optional<std::string>();
        }));
    json tools = json::object();
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto line = versions[i].get();
        if (!found[i].second) {
            tools[found[i].first] = nullptr;
            continue;
        }
        tools[found[i].first] = {{"path", *found[i].second},
                                 {"version", line ? json(parseVersion(*line)) : json(nullptr)},
                                 {"versionLine", line ? json(*line) : json(nullptr)}};
    }
    return tools;
}

} // namespace qwqhelper::databases
