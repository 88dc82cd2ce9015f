// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/install.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

/// The state of the files an apply touches, and the numbered versions that keep what they were
/// before each apply (<data root>/websites/versions/<n>.json, newest 50 kept).
namespace qwqhelper::nginx {

// One file operation of a change. `content` nullopt and `linkTo` empty: remove the path.
struct FileOp
{
    std::string path;
    std::optional<std::string> content; // regular file content
    std::string linkTo;                 // make `path` a symbolic link to this
    unsigned mode = 0644;
};

struct FileState
{
    std::string type; // file | link | absent
    std::string content;
    std::string target;
    unsigned mode = 0644;
};

FileState stateOf(const std::string &path);  // what is at `path` now (links not followed)
void putState(const std::string &path, const FileState &s); // atomic per file; throws
FileState opState(const FileOp &op);
FileOp opFromState(const std::string &path, const FileState &s);

std::string versionsRoot();
int nextVersion();
// Writes version `n`: the state before and after of every path in `ops`.
void saveVersion(int n, const Install &install, const std::vector<FileOp> &ops,
                 const std::vector<FileState> &before, const std::string &action,
                 const std::string &site);
void dropVersion(int n);
void pruneVersions(std::size_t keep = 50);

// Versions of this main configuration, newest first; `site` non-empty keeps only that site's.
nlohmann::json versions(const Install &install, const std::string &site);
// The operations that put the files version `n` changed back as they were before it, and the
// site it was about. Throws 5002 (field "version") when there is no such version.
std::vector<FileOp> rollbackOps(const Install &install, int n, std::string *site = nullptr);

} // namespace qwqhelper::nginx
