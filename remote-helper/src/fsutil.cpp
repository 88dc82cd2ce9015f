// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fsutil.h"

#include "hostfacts.h"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::fs {

namespace {

[[noreturn]] void fail(const std::string &what, const std::string &path)
{
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void removeAt(int dirfd, const char *name)
{
    if (::unlinkat(dirfd, name, 0) == 0)
        return;
    if (errno != EISDIR && errno != EPERM)
        return;
    const int fd = ::openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    if (DIR *dir = ::fdopendir(fd)) {
        std::vector<std::string> names;
        while (const dirent *e = ::readdir(dir))
            if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
                names.emplace_back(e->d_name);
        for (const auto &n : names)
            removeAt(::dirfd(dir), n.c_str());
        ::closedir(dir);
    } else {
        ::close(fd);
    }
    ::unlinkat(dirfd, name, AT_REMOVEDIR);
}

} // namespace

std::string dataRoot()
{
    if (const char *d = std::getenv("QWQ_DATA_DIR"); d && *d == '/')
        return d;
    if (::geteuid() == 0)
        return "/var/lib/qwq";
    std::string home;
    const auto user = host::currentUser();
    if (user.contains("home") && user["home"].is_string())
        home = user["home"].get<std::string>();
    if (home.empty())
        if (const char *h = std::getenv("HOME"); h && *h == '/')
            home = h;
    if (home.empty())
        home = "/tmp";
    return home + "/.local/share/qwq";
}

void makeDirs(const std::string &path, unsigned mode)
{
    if (path.empty() || path[0] != '/')
        throw std::runtime_error("not an absolute path: " + path);
    std::size_t pos = 1;
    for (;;) {
        pos = path.find('/', pos);
        const std::string part = path.substr(0, pos);
        if (::mkdir(part.c_str(), mode) != 0 && errno != EEXIST)
            fail("cannot create", part);
        if (pos == std::string::npos)
            break;
        ++pos;
    }
    if (!isDirectory(path))
        throw std::runtime_error("not a directory: " + path);
}

void writeAtomic(const std::string &path, const std::string &content, unsigned mode)
{
    const auto slash = path.rfind('/');
    const std::string dir = slash == 0 ? "/" : path.substr(0, slash);
    std::string tmp = path + ".tmp-XXXXXX";
    const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
    if (fd < 0)
        fail("cannot create a temporary file for", path);
    ::fchmod(fd, mode);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int e = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = e;
            fail("cannot write", tmp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        fail("cannot write", tmp);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        errno = e;
        fail("cannot rename onto", path);
    }
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

std::optional<std::string> readRegular(const std::string &path, std::size_t maxBytes)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return std::nullopt;
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)
        || static_cast<uint64_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return std::nullopt;
    }
    std::string content;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        content.append(buf, static_cast<std::size_t>(n));
        if (content.size() > maxBytes) {
            ::close(fd);
            return std::nullopt;
        }
    }
    ::close(fd);
    return content;
}

bool exists(const std::string &path)
{
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0;
}

bool isDirectory(const std::string &path)
{
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::vector<std::string> listDir(const std::string &path)
{
    std::vector<std::string> names;
    if (DIR *dir = ::opendir(path.c_str())) {
        while (const dirent *e = ::readdir(dir))
            if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
                names.emplace_back(e->d_name);
        ::closedir(dir);
    }
    return names;
}

void removeTree(const std::string &path)
{
    if (path.empty() || path == "/")
        return;
    removeAt(AT_FDCWD, path.c_str());
}

std::string makeTempDir(const std::string &parent, const std::string &prefix)
{
    makeDirs(parent);
    std::string t = parent + "/" + prefix + "XXXXXX";
    if (!::mkdtemp(t.data()))
        fail("cannot create a directory in", parent);
    return t;
}

bool isCleanAbsolutePath(const std::string &path)
{
    if (path.empty() || path[0] != '/' || path.size() > 4096)
        return false;
    for (const char c : path)
        if (c == '\0' || c == '\n' || c == '\r')
            return false;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string seg = path.substr(start, end - start);
        if (seg == "." || seg == "..")
            return false;
        start = end + 1;
    }
    return true;
}

// SHA-256 (FIPS 180-4), for version hashes and images.save: small enough to carry here
// rather than link libcrypto into the helper for it.
namespace {
constexpr uint32_t kSha[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};
inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
} // namespace

void Sha256::block(const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = (uint32_t(p[i * 4]) << 24) | (uint32_t(p[i * 4 + 1]) << 16)
               | (uint32_t(p[i * 4 + 2]) << 8) | uint32_t(p[i * 4 + 3]);
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = m_h[0], b = m_h[1], c = m_h[2], d = m_h[3], e = m_h[4], f = m_h[5],
             g = m_h[6], h = m_h[7];
    for (int i = 0; i < 64; ++i) {
        const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g))
                            + kSha[i] + w[i];
        const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_h[0] += a;
    m_h[1] += b;
    m_h[2] += c;
    m_h[3] += d;
    m_h[4] += e;
    m_h[5] += f;
    m_h[6] += g;
    m_h[7] += h;
}

void Sha256::update(std::string_view data)
{
    m_length += data.size();
    for (const char ch : data) {
        m_buffer[m_used++] = static_cast<unsigned char>(ch);
        if (m_used == 64) {
            block(m_buffer);
            m_used = 0;
        }
    }
}

std::string Sha256::hex()
{
    const uint64_t bits = m_length * 8;
    const unsigned char pad = 0x80;
    update(std::string_view(reinterpret_cast<const char *>(&pad), 1));
    const char zero = 0;
    while (m_used != 56)
        update(std::string_view(&zero, 1));
    unsigned char len[8];
    for (int i = 0; i < 8; ++i)
        len[i] = static_cast<unsigned char>(bits >> (56 - i * 8));
    update(std::string_view(reinterpret_cast<const char *>(len), 8));
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (const uint32_t v : m_h)
        for (int i = 28; i >= 0; i -= 4)
            out += digits[(v >> i) & 15];
    return out;
}

std::string sha256Hex(const std::string &data)
{
    Sha256 s;
    s.update(data);
    return s.hex();
}

} // namespace qwqhelper::fs
