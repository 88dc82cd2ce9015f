// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/common.h"

#include <cerrno>
#include <cstring>

namespace qwqhelper::backup {

bool isNormalAbsolutePath(const std::string &path, bool allowRoot)
{
    if (path == "/")
        return allowRoot;
    if (path.size() < 2 || path.size() > 4096 || path[0] != '/' || path.back() == '/')
        return false;
    for (const char c : path)
        if (c == '\0' || c == '\n' || c == '\r')
            return false;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::size_t len = end - start;
        if (len == 0 || (len == 1 && path[start] == '.')
            || (len == 2 && path[start] == '.' && path[start + 1] == '.'))
            return false;
        start = end + 1;
    }
    return true;
}

bool isWithin(const std::string &path, const std::string &root)
{
    if (root == "/")
        return !path.empty() && path[0] == '/';
    return path == root
           || (path.size() > root.size() && path.compare(0, root.size(), root) == 0
               && path[root.size()] == '/');
}

std::string parentOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::string baseName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

RpcError ioError(int err, const std::string &field, const std::string &what,
                 const std::string &path, int fallbackCode)
{
    const std::string detail = path + ": " + std::strerror(err);
    nlohmann::json data = errorData(field, {}, detail);
    data["errno"] = err;
    if (err == ENOSPC || err == EDQUOT) {
        data["hint"] = "free some space or choose another place";
        return RpcError(Code::BackupNoSpace, what + ": no space left on the " + field, data);
    }
    if (err == EROFS || err == EACCES || err == EPERM) {
        data["hint"] = err == EROFS ? "the file system is mounted read-only" : "permission denied";
        return RpcError(Code::BackupNotWritable, what + ": the " + field + " is not writable ("
                                                     + std::strerror(err) + ")", data);
    }
    return RpcError(fallbackCode, what + " (" + std::strerror(err) + ")", data);
}

} // namespace qwqhelper::backup
