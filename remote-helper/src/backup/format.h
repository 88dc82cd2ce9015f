// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/common.h"
#include "backup/crypto.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The snapshot file (PROTOCOL.md "backups", "Snapshot format"):
//   "QWQBKP01" | u32 header length | header JSON (plain)
//   chunk records: u32 payload length | u8 flags | payload | 16-byte tag when encrypted
//       flags: bit 0 = last chunk of its section, bit 1 = manifest section (else data)
//   trailer JSON (plain: counts, chunk hashes) | u32 trailer length | "QWQBEND1"
// The data section is one zstd stream of every regular file's bytes in manifest order; the
// manifest section is a zstd stream of JSON lines (one entry a line).
namespace qwqhelper::backup {

inline constexpr char kMagic[] = "QWQBKP01";
inline constexpr char kEndMagic[] = "QWQBEND1";
inline constexpr char kSuffix[] = ".qwqbackup";
inline constexpr std::size_t kChunkSize = 1 << 20;
inline constexpr uint8_t kFlagLast = 1;
inline constexpr uint8_t kFlagManifest = 2;

struct Entry
{
    std::string path;   // absolute, normal form
    char type = 'f';    // 'f' file, 'd' directory, 'l' symbolic link
    uint32_t mode = 0;  // permission bits (07777)
    uint32_t uid = 0;
    uint32_t gid = 0;
    int64_t mtime = 0;  // seconds
    int64_t mtimeNs = 0;
    uint64_t size = 0;  // files
    std::string sha256; // files
    std::string target; // links
};

nlohmann::json entryToJson(const Entry &e);
// Throws BackupCorrupt when a line is not an entry.
Entry entryFromJson(const nlohmann::json &j);

/// Writes chunk records to a file descriptor: seals them when a cipher is set, hashes each
/// record for the trailer. Write errors become ioError(…, "destination", …).
class SnapshotWriter final
{
public:
    SnapshotWriter(int fd, std::string path, ChunkCipher *cipher);
    void writeHeader(const nlohmann::json &header);
    void writeChunk(uint8_t flags, unsigned char *data, std::size_t size); // data is sealed in place
    void writeTrailer(nlohmann::json trailer); // adds chunk hashes, the header's hash, offsets
    uint64_t offset() const { return m_offset; }
    uint64_t dataChunks() const { return m_dataChunks; }
    void markManifestStart() { m_manifestOffset = m_offset; }

private:
    void writeAll(const void *data, std::size_t size);
    int m_fd;
    std::string m_path;
    ChunkCipher *m_cipher;
    uint64_t m_offset = 0;
    uint64_t m_index = 0;
    uint64_t m_dataChunks = 0;
    uint64_t m_manifestOffset = 0;
    std::string m_headerSha;
    std::vector<std::string> m_chunkHashes;
    Sha256 m_sha;
};

/// Reads a snapshot: header and trailer at open, chunks one by one. Errors: BackupNotFound
/// (no file), BackupCorrupt (a bad magic, a bad record, a hash or tag that does not match).
class SnapshotReader final
{
public:
    explicit SnapshotReader(const std::string &path);
    ~SnapshotReader();
    SnapshotReader(const SnapshotReader &) = delete;
    SnapshotReader &operator=(const SnapshotReader &) = delete;

    const nlohmann::json &header() const { return m_header; }
    const nlohmann::json &trailer() const { return m_trailer; }
    bool encrypted() const { return m_header.value("encrypted", false); }
    Envelope envelope() const;
    uint64_t fileSize() const { return m_size; }
    // The key for an encrypted snapshot (throws BackupKey when it is not the snapshot's).
    void setPrivateKey(const std::string &rawKey);
    // Check every record's SHA-256 against the trailer (verify; restore of a plain snapshot).
    void setCheckHashes(bool on) { m_checkHashes = on; }
    // Checks the header's hash against the trailer's.
    void checkHeaderHash();

    // Positions at the first chunk of a section.
    void seekData();
    void seekManifest();
    // The next chunk's plain payload of the current section in `out`; false after its last
    // chunk. Decrypts when a key is set (an encrypted snapshot without a key only hashes).
    bool nextChunk(std::string &out);
    uint64_t chunkIndex() const { return m_index; }

private:
    void readExact(void *buf, std::size_t size, uint64_t at);
    [[noreturn]] void corrupt(const std::string &what) const;

    int m_fd = -1;
    std::string m_path;
    uint64_t m_size = 0;
    uint64_t m_dataOffset = 0;
    uint64_t m_pos = 0;
    uint64_t m_index = 0;
    uint64_t m_dataChunks = 0;
    bool m_manifestSection = false;
    bool m_sectionDone = false;
    bool m_checkHashes = false;
    nlohmann::json m_header;
    nlohmann::json m_trailer;
    std::string m_headerBytes;
    std::unique_ptr<ChunkCipher> m_cipher;
    Sha256 m_sha;
};

} // namespace qwqhelper::backup
