// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/format.h"

#include "base64.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace qwqhelper::backup {

using nlohmann::json;

namespace {

void putU32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

uint32_t getU32(const unsigned char *p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

constexpr uint32_t kMaxHeader = 1 << 20;
constexpr uint32_t kMaxTrailer = 256u << 20;

// nlohmann's own check (dump throws on bytes that are not UTF-8).
bool isUtf8(const std::string &s)
{
    try {
        (void)json(s).dump();
        return true;
    } catch (const json::type_error &) {
        return false;
    }
}

// Names are bytes on Linux: one that is not UTF-8 is also stored in base64 (`pathB64`,
// `targetB64`) so it comes back exactly.
void putName(json &j, const char *key, const char *keyB64, const std::string &value)
{
    if (isUtf8(value)) {
        j[key] = value;
        return;
    }
    j[key] = json(value).dump(-1, ' ', false, json::error_handler_t::replace);
    j[keyB64] = base64::encode(value);
}

std::string getName(const json &j, const char *key, const char *keyB64)
{
    if (j.contains(keyB64)) {
        const auto raw = base64::decode(j.at(keyB64).get<std::string>());
        if (!raw)
            throw json::other_error::create(501, "bad base64", &j);
        return *raw;
    }
    return j.at(key).get<std::string>();
}

} // namespace

json entryToJson(const Entry &e)
{
    json j = {{"type", e.type == 'd' ? "dir" : e.type == 'l' ? "symlink" : "file"},
              {"mode", e.mode}, {"uid", e.uid}, {"gid", e.gid}, {"mtime", e.mtime},
              {"mtimeNs", e.mtimeNs}};
    putName(j, "path", "pathB64", e.path);
    if (e.type == 'f') {
        j["size"] = e.size;
        j["sha256"] = e.sha256;
    } else if (e.type == 'l') {
        putName(j, "target", "targetB64", e.target);
    }
    return j;
}

Entry entryFromJson(const json &j)
{
    Entry e;
    try {
        e.path = getName(j, "path", "pathB64");
        const std::string type = j.at("type").get<std::string>();
        e.type = type == "dir" ? 'd' : type == "symlink" ? 'l' : type == "file" ? 'f' : '?';
        e.mode = j.at("mode").get<uint32_t>() & 07777;
        e.uid = j.value("uid", 0u);
        e.gid = j.value("gid", 0u);
        e.mtime = j.value("mtime", int64_t(0));
        e.mtimeNs = j.value("mtimeNs", int64_t(0));
        if (e.type == 'f') {
            e.size = j.at("size").get<uint64_t>();
            e.sha256 = j.at("sha256").get<std::string>();
        } else if (e.type == 'l') {
            e.target = getName(j, "target", "targetB64");
        }
    } catch (const json::exception &) {
        e.type = '?';
    }
    if (e.type == '?' || (e.type == 'l' && (e.target.empty() || e.target.find('\0') != std::string::npos))
        || (e.type == 'f' && e.sha256.size() != 64) || e.mtimeNs < 0 || e.mtimeNs > 999999999)
        throw RpcError(Code::BackupCorrupt, "the snapshot's manifest has a malformed entry",
                       errorData("snapshot", {}, j.dump().substr(0, 256)));
    return e;
}

// --- writer ---------------------------------------------------------------------------------

SnapshotWriter::SnapshotWriter(int fd, std::string path, ChunkCipher *cipher)
    : m_fd(fd), m_path(std::move(path)), m_cipher(cipher)
{}

void SnapshotWriter::writeAll(const void *data, std::size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ioError(errno, "destination", "cannot write the snapshot", m_path);
        p += n;
        size -= static_cast<std::size_t>(n);
        m_offset += static_cast<uint64_t>(n);
    }
}

void SnapshotWriter::writeHeader(const json &header)
{
    const std::string text = header.dump();
    unsigned char len[4];
    putU32(len, static_cast<uint32_t>(text.size()));
    std::string bytes(kMagic, 8);
    bytes.append(reinterpret_cast<char *>(len), 4);
    bytes += text;
    m_headerSha = sha256Hex(bytes);
    writeAll(bytes.data(), bytes.size());
}

void SnapshotWriter::writeChunk(uint8_t flags, unsigned char *data, std::size_t size)
{
    unsigned char head[5];
    putU32(head, static_cast<uint32_t>(size));
    head[4] = flags;
    unsigned char tag[kTagSize];
    if (m_cipher)
        m_cipher->seal(m_index, flags, data, size, tag);
    m_sha.reset();
    m_sha.update(head, sizeof head);
    m_sha.update(data, size);
    if (m_cipher)
        m_sha.update(tag, kTagSize);
    m_chunkHashes.push_back(m_sha.hexDigest());
    iovec iov[3] = {{head, sizeof head}, {data, size}, {tag, m_cipher ? kTagSize : 0}};
    std::size_t total = sizeof head + size + (m_cipher ? kTagSize : 0);
    int first = 0;
    while (total > 0) {
        const ssize_t n = ::writev(m_fd, iov + first, 3 - first);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ioError(errno, "destination", "cannot write the snapshot", m_path);
        m_offset += static_cast<uint64_t>(n);
        total -= static_cast<std::size_t>(n);
        std::size_t done = static_cast<std::size_t>(n);
        while (first < 3 && done >= iov[first].iov_len) {
            done -= iov[first].iov_len;
            ++first;
        }
        if (first < 3) {
            iov[first].iov_base = static_cast<char *>(iov[first].iov_base) + done;
            iov[first].iov_len -= done;
        }
    }
    ++m_index;
    if (!(flags & kFlagManifest))
        ++m_dataChunks;
}

void SnapshotWriter::writeTrailer(json trailer)
{
    trailer["headerSha256"] = m_headerSha;
    trailer["dataChunks"] = m_dataChunks;
    trailer["manifestOffset"] = m_manifestOffset;
    trailer["chunks"] = m_chunkHashes;
    std::string text = trailer.dump();
    unsigned char len[4];
    putU32(len, static_cast<uint32_t>(text.size()));
    text.append(reinterpret_cast<char *>(len), 4);
    text.append(kEndMagic, 8);
    writeAll(text.data(), text.size());
}

// --- reader ---------------------------------------------------------------------------------

SnapshotReader::SnapshotReader(const std::string &path) : m_path(path)
{
    m_fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0) {
        if (errno == ENOENT)
            throw RpcError(Code::BackupNotFound, "no such snapshot", errorData("snapshot"));
        throw ioError(errno, "snapshot", "cannot open the snapshot", path, Code::BackupCorrupt);
    }
    struct stat st{};
    if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode))
        corrupt("not a regular file");
    m_size = static_cast<uint64_t>(st.st_size);
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    if (m_size < 24)
        corrupt("too short");
    unsigned char head[12];
    readExact(head, 12, 0);
    if (std::memcmp(head, kMagic, 8) != 0)
        corrupt("not a qwq snapshot (bad magic)");
    const uint32_t hlen = getU32(head + 8);
    if (hlen > kMaxHeader || 12 + uint64_t(hlen) + 12 > m_size)
        corrupt("bad header length");
    m_headerBytes.assign(reinterpret_cast<char *>(head), 12);
    m_headerBytes.resize(12 + hlen);
    readExact(m_headerBytes.data() + 12, hlen, 12);
    m_header = json::parse(m_headerBytes.begin() + 12, m_headerBytes.end(), nullptr, false);
    if (!m_header.is_object() || m_header.value("format", 0) != 1)
        corrupt("unreadable header");
    m_dataOffset = 12 + hlen;

    unsigned char tail[12];
    readExact(tail, 12, m_size - 12);
    if (std::memcmp(tail + 4, kEndMagic, 8) != 0)
        corrupt("no end marker (an incomplete file?)");
    const uint32_t tlen = getU32(tail);
    if (tlen > kMaxTrailer || uint64_t(tlen) + 12 > m_size - m_dataOffset)
        corrupt("bad trailer length");
    std::string t(tlen, '\0');
    readExact(t.data(), tlen, m_size - 12 - tlen);
    m_trailer = json::parse(t, nullptr, false);
    if (!m_trailer.is_object() || !m_trailer.contains("chunks") || !m_trailer["chunks"].is_array())
        corrupt("unreadable trailer");
    m_dataChunks = m_trailer.value("dataChunks", uint64_t(0));
    if (m_dataChunks > m_trailer["chunks"].size())
        corrupt("unreadable trailer");
}

SnapshotReader::~SnapshotReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void SnapshotReader::corrupt(const std::string &what) const
{
    throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: " + what,
                   errorData("snapshot", {}, what));
}

void SnapshotReader::readExact(void *buf, std::size_t size, uint64_t at)
{
    char *p = static_cast<char *>(buf);
    while (size > 0) {
        const ssize_t n = ::pread(m_fd, p, size, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ioError(errno, "snapshot", "cannot read the snapshot", m_path, Code::BackupCorrupt);
        if (n == 0)
            corrupt("unexpected end of file");
        p += n;
        at += static_cast<uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
}

Envelope SnapshotReader::envelope() const
{
    Envelope e;
    const auto field = [&](const char *name) {
        const auto v = base64::decode(m_header.value(name, std::string()));
        return v.value_or(std::string());
    };
    e.ephemeralPublicKey = field("ephemeralPublicKey");
    e.recipientPublicKey = field("recipientPublicKey");
    e.keyCheck = field("keyCheck");
    return e;
}

void SnapshotReader::setPrivateKey(const std::string &rawKey)
{
    std::unique_ptr<ChunkCipher> c;
    try {
        c = ChunkCipher::forPrivateKey(rawKey, envelope());
    } catch (const std::invalid_argument &e) {
        throw invalidValue("privateKey", e.what(), "the policy's X25519 private key, 32 bytes in base64");
    }
    if (!c)
        throw RpcError(Code::BackupKey, "the key is not the one this snapshot was encrypted for",
                       errorData("privateKey", "the private key of the policy that made the snapshot"));
    m_cipher = std::move(c);
}

void SnapshotReader::checkHeaderHash()
{
    if (sha256Hex(m_headerBytes) != m_trailer.value("headerSha256", std::string()))
        corrupt("the header does not match its hash");
}

void SnapshotReader::seekData()
{
    m_pos = m_dataOffset;
    m_index = 0;
    m_manifestSection = false;
    m_sectionDone = false;
}

void SnapshotReader::seekManifest()
{
    m_pos = m_trailer.value("manifestOffset", uint64_t(0));
    m_index = m_dataChunks;
    m_manifestSection = true;
    m_sectionDone = false;
    if (m_pos < m_dataOffset || m_pos >= m_size)
        corrupt("bad manifest offset");
}

bool SnapshotReader::nextChunk(std::string &out)
{
    if (m_sectionDone)
        return false;
    const json &hashes = m_trailer["chunks"];
    const uint64_t end = m_manifestSection ? hashes.size() : m_dataChunks;
    const std::string where = " (chunk " + std::to_string(m_index) + ")";
    if (m_index >= end)
        corrupt("more chunks than the trailer lists" + where);
    unsigned char head[5];
    readExact(head, 5, m_pos);
    const uint32_t len = getU32(head);
    const uint8_t flags = head[4];
    const std::size_t tagSize = encrypted() ? kTagSize : 0;
    if (len > 64u << 20 || m_pos + 5 + len + tagSize > m_size
        || bool(flags & kFlagManifest) != m_manifestSection)
        corrupt("bad chunk record" + where);
    out.resize(len + tagSize);
    readExact(out.data(), len + tagSize, m_pos + 5);
    m_pos += 5 + len + tagSize;
    if (m_checkHashes) {
        m_sha.reset();
        m_sha.update(head, 5);
        m_sha.update(out.data(), out.size());
        if (!hashes[m_index].is_string() || m_sha.hexDigest() != hashes[m_index].get<std::string>()) {
            json data = errorData("snapshot", {}, "chunk " + std::to_string(m_index) + " does not match its hash");
            data["chunk"] = m_index;
            throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: chunk " + std::to_string(m_index)
                                                    + " does not match its hash", data);
        }
    }
    if (m_cipher) {
        auto *p = reinterpret_cast<unsigned char *>(out.data());
        if (!m_cipher->open(m_index, flags, p, len, p + len)) {
            json data = errorData("snapshot", {}, "chunk " + std::to_string(m_index) + " fails authentication");
            data["chunk"] = m_index;
            throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: chunk " + std::to_string(m_index)
                                                    + " fails authentication", data);
        }
    }
    out.resize(len);
    ++m_index;
    if (flags & kFlagLast) {
        m_sectionDone = true;
        if (m_index != end)
            corrupt("the section ends before the trailer says" + where);
    }
    return true;
}

} // namespace qwqhelper::backup
