// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errors.h"

#include <cstdint>
#include <functional>
#include <string>

// What the backups code shares: its error codes (the 7000 range, PROTOCOL.md "backups"), path
// checks, and the callbacks a run reports through.
namespace qwqhelper {

namespace Code {
inline constexpr int BackupNotFound = 7000;    // no such snapshot, or a path not in it
inline constexpr int BackupNoSpace = 7001;     // not enough free space (before or while writing)
inline constexpr int BackupNotWritable = 7002; // read-only file system, permission denied
inline constexpr int BackupCorrupt = 7003;     // a chunk, the manifest or a file fails its hash
inline constexpr int BackupKey = 7004;         // key missing or not the snapshot's
inline constexpr int BackupUnsafeEntry = 7005; // a snapshot entry would land outside its root
inline constexpr int BackupSourceError = 7006; // a source is missing or cannot be read
inline constexpr int BackupRestoreFailed = 7007; // restore failed; what it replaced is back
} // namespace Code

namespace backup {

/// Polled in every loop; throws RpcError -32800 when the request was cancelled.
using CancelCheck = std::function<void()>;
/// One `$/stream` progress item.
using ProgressSink = std::function<void(const nlohmann::json &)>;

// An absolute path in normal form: starts with '/', no empty, "." or ".." segments, no
// trailing '/', no NUL/CR/LF, at most 4096 bytes. "/" itself only when allowRoot.
bool isNormalAbsolutePath(const std::string &path, bool allowRoot = false);
// True when `path` is `root` or lies below it (both normal).
bool isWithin(const std::string &path, const std::string &root);
std::string parentOf(const std::string &path);
std::string baseName(const std::string &path);

// An RpcError for a failed system call on `path` (errno `err`): ENOSPC/EDQUOT -> 7001,
// EROFS/EACCES/EPERM -> 7002, anything else -> `fallbackCode`; data.field = `field`.
RpcError ioError(int err, const std::string &field, const std::string &what,
                 const std::string &path, int fallbackCode = Code::Internal);

} // namespace backup
} // namespace qwqhelper
