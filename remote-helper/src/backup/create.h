// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/common.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// backups.create: scans the sources, checks free space, and streams every file through one
// zstd stream (compressed on a worker thread while this one reads and hashes) into a new
// snapshot file written under a temporary name and renamed into place when complete.
namespace qwqhelper::backup {

struct Source
{
    std::string path;                  // normal absolute path, not "/"
    std::vector<std::string> excludes; // fnmatch globs: no '/' = any name, with '/' = relative path
};

struct CreateOptions
{
    std::vector<Source> sources;
    std::string destination;
    std::string policy;
    int level = 3;
    int threads = 1; // zstd workers besides the reading thread (0 = compress inline)
    std::optional<std::string> recipientPublicKey; // 32 raw bytes
    int64_t time = 0;                              // snapshot time (unix seconds)
};

nlohmann::json createSnapshot(const CreateOptions &options, const CancelCheck &cancel,
                              const ProgressSink &progress);

// "<policy>-YYYYMMDDTHHMMSSZ-<6 hex>"; the file is <id>.qwqbackup in the destination.
bool isSnapshotId(const std::string &id);
bool isPolicyName(const std::string &name);
// mkdir -p with errno kept: ioError(…, field, …) on failure.
void makeDirectories(const std::string &path, const std::string &field);
// Removes `.*.partial.<pid>` files and `.qwq-restore-*-<pid>` directories in `dir` whose
// process is gone (a helper that was killed mid-run).
void removeStale(const std::string &dir);

} // namespace qwqhelper::backup
