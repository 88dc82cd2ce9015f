// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

// Files the helper keeps on the server (compose projects, self-heal state): where they live
// and how they are written (SECURITY.md B: temp + fsync + rename, no following of links).
namespace qwqhelper::fs {

// qwq's data directory: $QWQ_DATA_DIR, else /var/lib/qwq as root, else
// $HOME/.local/share/qwq (HOME from /etc/passwd, then the environment).
std::string dataRoot();

// mkdir -p with `mode` for the directories it creates; throws std::runtime_error.
void makeDirs(const std::string &path, unsigned mode = 0700);

// Writes `content` to `path` atomically: a temp file in the same directory, fsync, rename,
// fsync of the directory. Throws std::runtime_error.
void writeAtomic(const std::string &path, const std::string &content, unsigned mode = 0600);

// A regular file's content, opened with O_NOFOLLOW; nullopt when missing, not regular, or
// larger than maxBytes.
std::optional<std::string> readRegular(const std::string &path, std::size_t maxBytes);

bool exists(const std::string &path);
bool isDirectory(const std::string &path);
// Entries of a directory (no . and ..); empty when it cannot be read.
std::vector<std::string> listDir(const std::string &path);
// Removes a file or a directory tree without following symbolic links. Never throws.
void removeTree(const std::string &path);
// A fresh private directory under `parent` (mkdtemp). Throws std::runtime_error.
std::string makeTempDir(const std::string &parent, const std::string &prefix);

// An absolute path without NUL/CR/LF, "." or ".." segments, at most 4096 bytes.
bool isCleanAbsolutePath(const std::string &path);

std::string sha256Hex(const std::string &data);

/// Incremental SHA-256 (streams too large to hold, e.g. images.save).
class Sha256 final
{
public:
    void update(std::string_view data);
    std::string hex(); // finishes: call once
private:
    void block(const unsigned char *p);
    uint32_t m_h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char m_buffer[64] = {};
    std::size_t m_used = 0;
    uint64_t m_length = 0;
};

} // namespace qwqhelper::fs
