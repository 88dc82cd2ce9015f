// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/versions.h"

#include "errors.h"
#include "fsutil.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

std::string dirName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

void makeLink(const std::string &path, const std::string &target)
{
    const std::string tmp = path + ".qwq-tmp";
    ::unlink(tmp.c_str());
    if (::symlink(target.c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot link " + path + ": " + why);
    }
}

json stateJson(const FileState &s)
{
    json j = {{"type", s.type}};
    if (s.type == "file") {
        j["content"] = s.content;
        j["mode"] = s.mode;
    }
    if (s.type == "link")
        j["target"] = s.target;
    return j;
}

FileState stateFrom(const json &j)
{
    FileState s;
    if (!j.is_object())
        return {"absent", {}, {}, 0644};
    s.type = j.value("type", "absent");
    s.content = j.value("content", "");
    s.target = j.value("target", "");
    s.mode = j.value("mode", 0644u) & 0777u;
    return s;
}

// Version numbers present in the versions directory (files "<n>.json"), ascending.
std::vector<int> versionNumbers()
{
    std::vector<int> all;
    for (const auto &e : fs::listDir(versionsRoot())) {
        if (e.size() <= 5 || e.substr(e.size() - 5) != ".json")
            continue;
        const std::string digits = e.substr(0, e.size() - 5);
        if (!digits.empty() && digits.size() < 10
            && std::all_of(digits.begin(), digits.end(), ::isdigit))
            all.push_back(std::stoi(digits));
    }
    std::sort(all.begin(), all.end());
    return all;
}

std::string versionFile(int n)
{
    return versionsRoot() + "/" + std::to_string(n) + ".json";
}

json loadVersion(int n)
{
    const auto text = fs::readRegular(versionFile(n), 64u << 20);
    if (!text)
        return nullptr;
    try {
        return json::parse(*text);
    } catch (const json::exception &) {
        return nullptr;
    }
}

} // namespace

FileState stateOf(const std::string &path)
{
    struct stat st{};
    if (::lstat(path.c_str(), &st) != 0)
        return {"absent", {}, {}, 0644};
    if (S_ISLNK(st.st_mode)) {
        char buf[4096];
        const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf);
        return {"link", {}, std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), 0777};
    }
    return {"file", fs::readRegular(path, 16u << 20).value_or(""), {}, st.st_mode & 0777};
}

void putState(const std::string &path, const FileState &s)
{
    if (s.type == "absent") {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            throw std::runtime_error("cannot remove " + path + ": " + std::strerror(errno));
    } else if (s.type == "link") {
        makeLink(path, s.target);
    } else {
        fs::makeDirs(dirName(path), 0755);
        fs::writeAtomic(path, s.content, s.mode);
    }
}

FileState opState(const FileOp &op)
{
    if (op.content)
        return {"file", *op.content, {}, op.mode};
    if (!op.linkTo.empty())
        return {"link", {}, op.linkTo, 0777};
    return {"absent", {}, {}, 0644};
}

FileOp opFromState(const std::string &path, const FileState &s)
{
    FileOp op;
    op.path = path;
    if (s.type == "file") {
        op.content = s.content;
        op.mode = s.mode;
    } else if (s.type == "link") {
        op.linkTo = s.target;
    }
    return op;
}

std::string versionsRoot()
{
    return fs::dataRoot() + "/websites/versions";
}

int nextVersion()
{
    const auto all = versionNumbers();
    return all.empty() ? 1 : all.back() + 1;
}

void saveVersion(int n, const Install &install, const std::vector<FileOp> &ops,
                 const std::vector<FileState> &before, const std::string &action,
                 const std::string &site)
{
    json meta = {{"version", n}, {"time", static_cast<int64_t>(std::time(nullptr))},
                 {"action", action}, {"site", site}, {"conf", install.confPath},
                 {"files", json::array()}};
    for (std::size_t i = 0; i < ops.size(); ++i)
        meta["files"].push_back({{"path", ops[i].path}, {"before", stateJson(before[i])},
                                 {"after", stateJson(opState(ops[i]))}});
    fs::makeDirs(versionsRoot(), 0700);
    fs::writeAtomic(versionFile(n), meta.dump(), 0600);
}

void dropVersion(int n)
{
    ::unlink(versionFile(n).c_str());
}

void pruneVersions(std::size_t keep)
{
    const std::vector<int> all = versionNumbers();
    for (std::size_t i = 0; i + keep < all.size(); ++i)
        dropVersion(all[i]);
}

json versions(const Install &install, const std::string &site)
{
    json list = json::array();
    std::vector<int> all = versionNumbers();
    std::reverse(all.begin(), all.end());
    for (int n : all) {
        const json meta = loadVersion(n);
        if (!meta.is_object() || meta.value("conf", "") != install.confPath)
            continue;
        if (!site.empty() && meta.value("site", "") != site)
            continue;
        json files = json::array();
        for (const auto &f : meta.value("files", json::array()))
            files.push_back({{"path", f.value("path", "")},
                             {"before", f.value("before", json::object()).value("type", "absent")},
                             {"after", f.value("after", json::object()).value("type", "absent")}});
        list.push_back({{"version", n}, {"time", meta.value("time", 0)},
                        {"action", meta.value("action", "")}, {"site", meta.value("site", "")},
                        {"files", files}});
    }
    return list;
}

std::vector<FileOp> rollbackOps(const Install &install, int n, std::string *site)
{
    const json meta = loadVersion(n);
    if (!meta.is_object() || meta.value("conf", "") != install.confPath)
        throw RpcError(kSiteNotFound, "no such version", json{{"field", "version"}, {"value", n}});
    if (site)
        *site = meta.value("site", "");
    std::vector<FileOp> ops;
    for (const auto &f : meta.value("files", json::array()))
        ops.push_back(opFromState(f.value("path", ""), stateFrom(f.value("before", json()))));
    return ops;
}

} // namespace qwqhelper::nginx
