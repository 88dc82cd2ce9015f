// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/create.h"

#include "backup/crypto.h"
#include "backup/format.h"
#include "base64.h"
#include "fsutil.h"

#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace qwqhelper::backup {

using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

struct FdGuard
{
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

bool excluded(const std::vector<std::string> &patterns, const std::string &rel)
{
    const std::string name = baseName(rel);
    for (const auto &p : patterns) {
        if (p.find('/') == std::string::npos) {
            if (::fnmatch(p.c_str(), name.c_str(), FNM_PERIOD) == 0)
                return true;
        } else {
            const char *pat = p[0] == '/' ? p.c_str() + 1 : p.c_str();
            if (::fnmatch(pat, rel.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0)
                return true;
        }
    }
    return false;
}

Entry entryFor(const std::string &path, const struct stat &st)
{
    Entry e;
    e.path = path;
    e.mode = st.st_mode & 07777;
    e.uid = st.st_uid;
    e.gid = st.st_gid;
    e.mtime = st.st_mtim.tv_sec;
    e.mtimeNs = st.st_mtim.tv_nsec;
    if (S_ISDIR(st.st_mode))
        e.type = 'd';
    else if (S_ISLNK(st.st_mode))
        e.type = 'l';
    else
        e.type = 'f';
    if (e.type == 'f')
        e.size = static_cast<uint64_t>(st.st_size);
    return e;
}

struct Scan
{
    std::vector<Entry> entries;
    uint64_t bytes = 0;
    uint64_t files = 0;
    uint64_t skipped = 0;
    std::string skipDir; // the destination, when it lies inside a source
};

std::string readLinkTarget(const std::string &path)
{
    std::string buf(4096, '\0');
    const ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size());
    if (n < 0)
        throw ioError(errno, "sources", "cannot read a symbolic link", path, Code::BackupSourceError);
    buf.resize(static_cast<std::size_t>(n));
    return buf;
}

void scanTree(const std::string &path, const std::string &rel, const Source &source, Scan &scan,
              const CancelCheck &cancel)
{
    cancel();
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        throw ioError(errno, "sources", "cannot read a directory", path, Code::BackupSourceError);
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        throw ioError(errno, "sources", "cannot read a directory", path, Code::BackupSourceError);
    }
    std::vector<std::pair<std::string, struct stat>> children;
    while (dirent *d = ::readdir(dir)) {
        const char *n = d->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        struct stat st{};
        if (::fstatat(fd, n, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone since readdir
        children.emplace_back(n, st);
    }
    ::closedir(dir);
    std::sort(children.begin(), children.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[name, st] : children) {
        const std::string childPath = path + "/" + name;
        const std::string childRel = rel.empty() ? name : rel + "/" + name;
        if (excluded(source.excludes, childRel) || childPath == scan.skipDir)
            continue;
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            ++scan.skipped; // devices, sockets, FIFOs
            continue;
        }
        Entry e = entryFor(childPath, st);
        if (e.type == 'l')
            e.target = readLinkTarget(childPath);
        const bool isDir = e.type == 'd';
        if (e.type == 'f') {
            scan.bytes += e.size;
            ++scan.files;
        }
        scan.entries.push_back(std::move(e));
        if (isDir)
            scanTree(childPath, childRel, source, scan, cancel);
    }
}

std::string snapshotId(const std::string &policy, int64_t time)
{
    char stamp[32];
    const time_t t = static_cast<time_t>(time);
    struct tm tm{};
    ::gmtime_r(&t, &tm);
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    unsigned char rnd[3] = {};
    if (::getrandom(rnd, sizeof rnd, 0) != sizeof rnd)
        rnd[0] = static_cast<unsigned char>(::getpid());
    return policy + "-" + stamp + "-" + toHex(rnd, sizeof rnd);
}

// The stored/raw ratio of this policy's newest snapshot in the destination (1 when none).
double previousRatio(const std::string &destination, const std::string &policy)
{
    double ratio = 1.0;
    std::string newest;
    for (const auto &name : fs::listDir(destination)) {
        if (name.size() <= std::strlen(kSuffix) || name[0] == '.'
            || name.compare(name.size() - std::strlen(kSuffix), std::string::npos, kSuffix) != 0
            || name.rfind(policy + "-", 0) != 0 || name <= newest)
            continue;
        newest = name;
    }
    if (newest.empty())
        return ratio;
    try {
        SnapshotReader r(destination + "/" + newest);
        const double raw = static_cast<double>(r.trailer().value("bytes", uint64_t(0)));
        if (raw >= 1 << 20)
            ratio = std::clamp(static_cast<double>(r.fileSize()) / raw, 0.05, 1.0);
    } catch (const RpcError &) {
    }
    return ratio;
}

class Compressor final
{
public:
    Compressor(SnapshotWriter &writer, int level, int threads, uint8_t flags)
        : m_writer(writer), m_flags(flags), m_cctx(ZSTD_createCCtx()), m_out(kChunkSize)
    {
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_compressionLevel, level);
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_checksumFlag, 1);
        if (threads > 0)
            ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_nbWorkers, threads);
    }
    ~Compressor() { ZSTD_freeCCtx(m_cctx); }

    void feed(const void *data, std::size_t size) { run(data, size, ZSTD_e_continue); }
    void finish() { run(nullptr, 0, ZSTD_e_end); }

private:
    void run(const void *data, std::size_t size, ZSTD_EndDirective op)
    {
        ZSTD_inBuffer in{data, size, 0};
        for (;;) {
            ZSTD_outBuffer out{m_out.data(), m_out.size(), m_pos};
            const std::size_t left = ZSTD_compressStream2(m_cctx, &out, &in, op);
            if (ZSTD_isError(left))
                throw RpcError(Code::Internal, std::string("zstd: ") + ZSTD_getErrorName(left));
            m_pos = out.pos;
            if (m_pos == m_out.size()) {
                m_writer.writeChunk(m_flags, m_out.data(), m_pos);
                m_pos = 0;
            }
            if (op == ZSTD_e_end ? left == 0 : in.pos == in.size)
                break;
        }
        if (op == ZSTD_e_end) {
            m_writer.writeChunk(m_flags | kFlagLast, m_out.data(), m_pos);
            m_pos = 0;
        }
    }

    SnapshotWriter &m_writer;
    uint8_t m_flags;
    ZSTD_CCtx *m_cctx;
    std::vector<unsigned char> m_out;
    std::size_t m_pos = 0;
};

bool pidAlive(long pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

} // namespace

bool isPolicyName(const std::string &name)
{
    if (name.empty() || name.size() > 64 || !std::isalnum(static_cast<unsigned char>(name[0])))
        return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

bool isSnapshotId(const std::string &id)
{
    if (id.size() < 4 || id.size() > 128 || !std::isalnum(static_cast<unsigned char>(id[0])))
        return false;
    return std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

void makeDirectories(const std::string &path, const std::string &field)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            throw invalidValue(field, "not a directory", "a directory");
        return;
    }
    if (path != "/")
        makeDirectories(parentOf(path), field);
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
        throw ioError(errno, field, "cannot create the directory", path);
}

void removeStale(const std::string &dir)
{
    for (const auto &name : fs::listDir(dir)) {
        static const std::string partial = std::string(kSuffix) + ".partial.";
        std::size_t mark = name.rfind(partial);
        std::size_t pidAt = std::string::npos;
        if (name[0] == '.' && mark != std::string::npos)
            pidAt = mark + partial.size();
        else if (name.rfind(".qwq-restore-", 0) == 0 && name.size() > 20 && name[19] == '-')
            pidAt = 20;
        if (pidAt == std::string::npos || pidAt >= name.size())
            continue;
        char *end = nullptr;
        const long pid = std::strtol(name.c_str() + pidAt, &end, 10);
        if (*end == 0 && !pidAlive(pid))
            fs::removeTree(dir + "/" + name);
    }
}

json createSnapshot(const CreateOptions &options, const CancelCheck &cancel,
                    const ProgressSink &progress)
{
    const auto started = Clock::now();
    makeDirectories(options.destination, "destination");
    removeStale(options.destination);

    // --- scan -----------------------------------------------------------------------------
    Scan scan;
    json sources = json::array();
    for (const auto &source : options.sources) {
        struct stat st{};
        if (::lstat(source.path.c_str(), &st) != 0)
            throw ioError(errno, "sources", "cannot read a source", source.path, Code::BackupSourceError);
        if (isWithin(options.destination, source.path))
            scan.skipDir = options.destination;
        sources.push_back(source.path);
        Entry root = entryFor(source.path, st);
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
            throw RpcError(Code::BackupSourceError, "a source is not a file, directory or link",
                           errorData("sources", {}, source.path));
        if (root.type == 'l')
            root.target = readLinkTarget(source.path);
        if (root.type == 'f') {
            scan.bytes += root.size;
            ++scan.files;
        }
        scan.entries.push_back(root);
        if (root.type == 'd')
            scanTree(source.path, {}, source, scan, cancel);
    }
    progress({{"phase", "scan"}, {"files", 0}, {"filesTotal", scan.files}, {"bytes", 0},
              {"bytesTotal", scan.bytes}});

    // --- free space ---------------------------------------------------------------------------
    const double ratio = previousRatio(options.destination, options.policy);
    const uint64_t estimate = static_cast<uint64_t>(static_cast<double>(scan.bytes) * ratio * 1.1)
                              + scan.entries.size() * 256 + (1 << 20);
    struct statvfs vfs{};
    if (::statvfs(options.destination.c_str(), &vfs) == 0) {
        const uint64_t available = static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
        if (available < estimate) {
            json data = errorData("destination", "free some space or choose another place");
            data["needed"] = estimate;
            data["available"] = available;
            throw RpcError(Code::BackupNoSpace,
                           "not enough free space in the destination for this backup", data);
        }
    }

    // --- write --------------------------------------------------------------------------------
    const std::string id = snapshotId(options.policy, options.time);
    const std::string finalPath = options.destination + "/" + id + kSuffix;
    const std::string tempPath = options.destination + "/." + id + kSuffix + ".partial."
                                 + std::to_string(::getpid());
    FdGuard out;
    out.fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out.fd < 0)
        throw ioError(errno, "destination", "cannot create the snapshot", options.destination);
    struct Unlinker
    {
        const std::string &path;
        bool armed = true;
        ~Unlinker()
        {
            if (armed)
                ::unlink(path.c_str());
        }
    } unlinker{tempPath};

    std::unique_ptr<ChunkCipher> cipher;
    json header = {{"format", 1}, {"policy", options.policy}, {"time", options.time},
                   {"compression", "zstd"}, {"level", options.level},
                   {"encrypted", options.recipientPublicKey.has_value()}};
    if (options.recipientPublicKey) {
        Envelope envelope;
        try {
            cipher = ChunkCipher::forRecipient(*options.recipientPublicKey, envelope);
        } catch (const std::invalid_argument &e) {
            throw invalidValue("recipientPublicKey", e.what(), "a raw X25519 public key, 32 bytes in base64");
        }
        header["cipher"] = "X25519-HKDF-SHA256-AES-256-GCM";
        header["ephemeralPublicKey"] = base64::encode(envelope.ephemeralPublicKey);
        header["recipientPublicKey"] = base64::encode(envelope.recipientPublicKey);
        header["keyCheck"] = base64::encode(envelope.keyCheck);
    }
    SnapshotWriter writer(out.fd, options.destination, cipher.get());
    writer.writeHeader(header);

    uint64_t doneBytes = 0, doneFiles = 0, changed = 0, vanished = 0;
    auto lastProgress = Clock::now();
    const auto reportDue = [&] {
        if (Clock::now() - lastProgress < std::chrono::milliseconds(250))
            return;
        lastProgress = Clock::now();
        progress({{"phase", "write"}, {"files", doneFiles}, {"filesTotal", scan.files},
                  {"bytes", doneBytes}, {"bytesTotal", scan.bytes}});
    };
    {
        Compressor data(writer, options.level, options.threads, 0);
        // Files are read into one large buffer that goes to zstd when full: small files then
        // reach it as large contiguous inputs, as a tar stream would (zstd works in blocks).
        std::vector<char> buf(4 << 20);
        std::size_t used = 0;
        Sha256 sha;
        const int noatime = ::geteuid() == 0 ? O_NOATIME : 0;
        for (auto &e : scan.entries) {
            if (e.type != 'f')
                continue;
            cancel();
            FdGuard in;
            in.fd = ::open(e.path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | noatime);
            struct stat st{};
            if (in.fd < 0 && (errno == ENOENT || errno == ELOOP)) {
                e.type = 'x'; // gone (or replaced by a link) since the scan: left out
                ++vanished;
                continue;
            }
            if (in.fd < 0 || ::fstat(in.fd, &st) != 0)
                throw ioError(errno, "sources", "cannot read a file", e.path, Code::BackupSourceError);
            if (e.size >= (1 << 20))
                ::posix_fadvise(in.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
            sha.reset();
            uint64_t got = 0;
            while (got < e.size) {
                if (used == buf.size()) {
                    data.feed(buf.data(), used);
                    used = 0;
                }
                const std::size_t want = static_cast<std::size_t>(
                    std::min<uint64_t>(buf.size() - used, e.size - got));
                const ssize_t n = ::read(in.fd, buf.data() + used, want);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0)
                    throw ioError(errno, "sources", "cannot read a file", e.path, Code::BackupSourceError);
                if (n == 0)
                    break;
                sha.update(buf.data() + used, static_cast<std::size_t>(n));
                used += static_cast<std::size_t>(n);
                got += static_cast<uint64_t>(n);
                doneBytes += static_cast<uint64_t>(n);
                if (got < e.size) {
                    cancel();
                    reportDue();
                }
            }
            if (got != e.size || st.st_size != static_cast<off_t>(e.size)
                || st.st_mtim.tv_sec != e.mtime || st.st_mtim.tv_nsec != e.mtimeNs)
                ++changed;
            e.size = got;
            e.sha256 = sha.hexDigest();
            ++doneFiles;
            reportDue();
        }
        data.feed(buf.data(), used);
        data.finish();
    }
    cancel();

    // --- manifest, trailer ----------------------------------------------------------------------
    std::string manifest = json({{"format", 1}, {"sources", sources}}).dump() + "\n";
    uint64_t entryCount = 0, fileCount = 0;
    for (const auto &e : scan.entries) {
        if (e.type == 'x')
            continue;
        manifest += entryToJson(e).dump();
        manifest += '\n';
        ++entryCount;
        if (e.type == 'f')
            ++fileCount;
    }
    writer.markManifestStart();
    {
        Compressor m(writer, options.level, 0, kFlagManifest);
        m.feed(manifest.data(), manifest.size());
        m.finish();
    }
    writer.writeTrailer({{"entries", entryCount}, {"files", fileCount}, {"bytes", doneBytes},
                         {"manifestBytes", manifest.size()}});
    if (::fsync(out.fd) != 0)
        throw ioError(errno, "destination", "cannot write the snapshot", options.destination);
    const int fd = out.fd;
    out.fd = -1;
    if (::close(fd) != 0)
        throw ioError(errno, "destination", "cannot write the snapshot", options.destination);
    cancel();
    if (::rename(tempPath.c_str(), finalPath.c_str()) != 0)
        throw ioError(errno, "destination", "cannot rename the snapshot into place", finalPath);
    unlinker.armed = false;
    FdGuard dir;
    dir.fd = ::open(options.destination.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir.fd >= 0)
        ::fsync(dir.fd);

    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    progress({{"phase", "done"}, {"files", doneFiles}, {"filesTotal", scan.files},
              {"bytes", doneBytes}, {"bytesTotal", scan.bytes}});
    return {{"snapshot", id}, {"file", finalPath}, {"policy", options.policy},
            {"time", options.time}, {"entries", entryCount}, {"files", fileCount},
            {"bytes", doneBytes}, {"size", writer.offset()}, {"encrypted", bool(cipher)},
            {"skipped", scan.skipped}, {"changed", changed}, {"vanished", vanished},
            {"estimate", estimate}, {"seconds", seconds}};
}

} // namespace qwqhelper::backup
