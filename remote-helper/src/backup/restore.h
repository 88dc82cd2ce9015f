// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/common.h"
#include "backup/format.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// Reading snapshots back: the manifest, verify (every chunk hash, every file hash) and restore
// (into a staging directory beside each target, then swapped in; what it replaces is kept until
// the swap is complete and put back if any step fails).
namespace qwqhelper::backup {

struct Manifest
{
    std::vector<std::string> sources;
    std::vector<Entry> entries;
};

// 7005 naming `path` (data.path) and why; 7003 naming a file that fails its hash (data.file).
[[noreturn]] void throwUnsafeEntry(const std::string &path, const std::string &why);
[[noreturn]] void throwBadFile(const std::string &path);

// Decompresses and checks the manifest: every path normal, absolute and inside a source
// (else BackupUnsafeEntry), every line an entry (else BackupCorrupt).
Manifest readManifest(SnapshotReader &reader);

// Opens <destination>/<snapshot>.qwqbackup and applies the private key when one is given.
std::unique_ptr<SnapshotReader> openSnapshot(const std::string &destination,
                                             const std::string &snapshot,
                                             const std::optional<std::string> &privateKey,
                                             bool keyRequired);

nlohmann::json verifySnapshot(SnapshotReader &reader, bool haveKey, const CancelCheck &cancel,
                              const ProgressSink &progress);

struct RestoreOptions
{
    std::string target;             // empty: the original places
    std::vector<std::string> paths; // empty: every source
    bool keepSafetyCopy = false;
    bool sync = true; // flush the staged data to disk before swapping it in
};

nlohmann::json restoreSnapshot(SnapshotReader &reader, const RestoreOptions &options,
                               const CancelCheck &cancel, const ProgressSink &progress);

} // namespace qwqhelper::backup
