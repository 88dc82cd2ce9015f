// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/restore.h"

#include "backup/create.h"
#include "backup/datastream.h"
#include "fsutil.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace qwqhelper::backup {

using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

class Fd final
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(Fd &&o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    Fd &operator=(Fd &&o) noexcept
    {
        if (this != &o) {
            reset(o.m_fd);
            o.m_fd = -1;
        }
        return *this;
    }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::vector<std::string> split(const std::string &rel)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < rel.size()) {
        const std::size_t end = std::min(rel.find('/', start), rel.size());
        parts.push_back(rel.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// One restored tree: the snapshot path `path` goes to `dest`, staged in `stage`/u first.
struct Unit
{
    std::string path;
    std::string dest;
    std::string stage;
    Fd stageFd;
    uint64_t needed = 0;
    bool hadOld = false;
    bool swapped = false;
};

struct Restorer
{
    std::vector<Unit> units;
    bool root = ::geteuid() == 0;
    std::string cachedKey;
    Fd cachedFd;

    // The directory that holds the entry `path` of unit `u` inside its stage (created as
    // needed, never through a link) and the entry's own name there.
    int parentFor(std::size_t u, const std::string &path, std::string &leaf)
    {
        Unit &unit = units[u];
        std::vector<std::string> parts = {"u"};
        if (path.size() > unit.path.size()) {
            for (auto &p : split(path.substr(unit.path.size() + 1)))
                parts.push_back(std::move(p));
        }
        leaf = parts.back();
        parts.pop_back();
        std::string key = std::to_string(u);
        for (const auto &p : parts)
            key += "/" + p;
        if (key == cachedKey && cachedFd.get() >= 0)
            return cachedFd.get();
        Fd fd(::dup(unit.stageFd.get()));
        for (const auto &p : parts) {
            int next = ::openat(fd.get(), p.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (next < 0 && errno == ENOENT) {
                if (::mkdirat(fd.get(), p.c_str(), 0700) != 0 && errno != EEXIST)
                    throw ioError(errno, "target", "cannot create a directory", unit.dest, Code::BackupRestoreFailed);
                next = ::openat(fd.get(), p.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            }
            if (next < 0 && (errno == ELOOP || errno == ENOTDIR))
                throwUnsafeEntry(path, "a path that goes through a symbolic link or a file");
            if (next < 0)
                throw ioError(errno, "target", "cannot open a directory", unit.dest, Code::BackupRestoreFailed);
            fd.reset(next);
        }
        cachedKey = key;
        cachedFd = std::move(fd);
        return cachedFd.get();
    }

    void setOwner(int dirFd, const std::string &leaf, const Entry &e, int fd)
    {
        if (!root)
            return;
        if (fd >= 0)
            (void)::fchown(fd, e.uid, e.gid);
        else
            (void)::fchownat(dirFd, leaf.c_str(), e.uid, e.gid, AT_SYMLINK_NOFOLLOW);
    }
};

void writeAll(int fd, const char *p, std::size_t n, const std::string &dest)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            throw ioError(errno, "target", "cannot write a restored file", dest, Code::BackupRestoreFailed);
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

// Writes `data`, leaving holes where a whole 64 KiB block is zero; true when it ended in one.
bool writeSparse(int fd, std::string_view data, const std::string &dest)
{
    static const char zeros[65536] = {};
    bool hole = false;
    const char *p = data.data();
    std::size_t n = data.size();
    while (n > 0) {
        const std::size_t k = std::min<std::size_t>(n, sizeof zeros);
        if (k == sizeof zeros && std::memcmp(p, zeros, k) == 0) {
            if (::lseek(fd, static_cast<off_t>(k), SEEK_CUR) < 0)
                throw ioError(errno, "target", "cannot write a restored file", dest, Code::BackupRestoreFailed);
            hole = true;
        } else {
            writeAll(fd, p, k, dest);
            hole = false;
        }
        p += k;
        n -= k;
    }
    return hole;
}

timespec mtimeOf(const Entry &e)
{
    return {static_cast<time_t>(e.mtime), static_cast<long>(e.mtimeNs)};
}

} // namespace

json restoreSnapshot(SnapshotReader &reader, const RestoreOptions &options,
                     const CancelCheck &cancel, const ProgressSink &progress)
{
    // A plain snapshot's records are checked against their hashes; AES-GCM checks an
    // encrypted one's. Every file's SHA-256 is checked as it is written.
    reader.setCheckHashes(!reader.encrypted());
    reader.checkHeaderHash();
    const Manifest manifest = readManifest(reader);

    Restorer r;
    std::vector<std::string> wanted = options.paths.empty() ? manifest.sources : options.paths;
    for (const auto &p : wanted) {
        bool known = false;
        for (const auto &e : manifest.entries)
            known = known || e.path == p;
        if (!known) {
            json data = errorData("paths", "a path the snapshot holds (see its manifest)");
            data["value"] = p;
            throw RpcError(Code::BackupNotFound, "the snapshot does not hold " + p, data);
        }
    }
    for (const auto &p : wanted) {
        bool nested = false;
        for (const auto &q : wanted)
            nested = nested || (q != p && isWithin(p, q));
        bool dup = false;
        for (const auto &u : r.units)
            dup = dup || u.path == p;
        if (nested || dup)
            continue;
        Unit u;
        u.path = p;
        u.dest = options.target.empty() ? p : options.target + p;
        r.units.push_back(std::move(u));
    }

    // Which unit each entry belongs to, and the space each unit needs.
    std::vector<int> unitOf(manifest.entries.size(), -1);
    uint64_t totalBytes = 0, totalFiles = 0;
    for (std::size_t i = 0; i < manifest.entries.size(); ++i) {
        const auto &e = manifest.entries[i];
        for (std::size_t u = 0; u < r.units.size(); ++u)
            if (isWithin(e.path, r.units[u].path)) {
                unitOf[i] = static_cast<int>(u);
                if (e.type == 'f') {
                    r.units[u].needed += e.size;
                    totalBytes += e.size;
                    ++totalFiles;
                }
                break;
            }
    }

    // Staging directories beside each destination; removed on any failure.
    struct StageCleanup
    {
        Restorer &r;
        bool armed = true;
        ~StageCleanup()
        {
            if (!armed)
                return;
            r.cachedFd.reset();
            for (auto &u : r.units) {
                u.stageFd.reset();
                if (!u.stage.empty())
                    fs::removeTree(u.stage);
            }
        }
    } cleanup{r};
    std::map<unsigned long, std::pair<uint64_t, uint64_t>> space; // fsid: needed, available
    for (auto &u : r.units) {
        const std::string parent = parentOf(u.dest);
        makeDirectories(parent, "target");
        removeStale(parent);
        unsigned char rnd[3] = {};
        (void)::getrandom(rnd, sizeof rnd, 0);
        u.stage = parent + (parent == "/" ? "" : "/") + ".qwq-restore-" + toHex(rnd, 3) + "-"
                  + std::to_string(::getpid());
        if (::mkdir(u.stage.c_str(), 0700) != 0) {
            const int err = errno;
            u.stage.clear();
            throw ioError(err, "target", "cannot create a staging directory", parent);
        }
        u.stageFd.reset(::open(u.stage.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (u.stageFd.get() < 0)
            throw ioError(errno, "target", "cannot open the staging directory", u.stage);
        struct statvfs vfs{};
        if (::fstatvfs(u.stageFd.get(), &vfs) == 0) {
            auto &s = space[vfs.f_fsid];
            s.first += u.needed + (1 << 20);
            s.second = static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
            if (s.first > s.second) {
                json data = errorData("target", "free some space or restore elsewhere");
                data["needed"] = s.first;
                data["available"] = s.second;
                throw RpcError(Code::BackupNoSpace, "not enough free space to restore there", data);
            }
        }
    }

    // --- stream the data into the stages ---------------------------------------------------
    DataStream data(reader);
    Sha256 sha;
    std::vector<std::size_t> dirs;
    uint64_t doneBytes = 0, doneFiles = 0;
    auto lastProgress = Clock::now();
    for (std::size_t i = 0; i < manifest.entries.size(); ++i) {
        const Entry &e = manifest.entries[i];
        const int u = unitOf[i];
        if (u < 0) {
            if (e.type == 'f' && !data.skip(e.size))
                throwBadFile(e.path);
            continue;
        }
        cancel();
        std::string leaf;
        const int dirFd = r.parentFor(static_cast<std::size_t>(u), e.path, leaf);
        const std::string &dest = r.units[static_cast<std::size_t>(u)].dest;
        if (e.type == 'd') {
            struct stat st{};
            if (::mkdirat(dirFd, leaf.c_str(), 0700) != 0
                && !(errno == EEXIST && ::fstatat(dirFd, leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0
                     && S_ISDIR(st.st_mode)))
                throw ioError(errno, "target", "cannot create a directory", dest, Code::BackupRestoreFailed);
            dirs.push_back(i);
            continue;
        }
        if (e.type == 'l') {
            if (::symlinkat(e.target.c_str(), dirFd, leaf.c_str()) != 0)
                throw ioError(errno, "target", "cannot create a symbolic link", dest, Code::BackupRestoreFailed);
            r.setOwner(dirFd, leaf, e, -1);
            const timespec ts[2] = {mtimeOf(e), mtimeOf(e)};
            ::utimensat(dirFd, leaf.c_str(), ts, AT_SYMLINK_NOFOLLOW);
            continue;
        }
        Fd out(::openat(dirFd, leaf.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (out.get() < 0) {
            if (errno == EEXIST)
                throwUnsafeEntry(e.path, "the same path twice");
            throw ioError(errno, "target", "cannot create a file", dest, Code::BackupRestoreFailed);
        }
        sha.reset();
        uint64_t left = e.size;
        bool hole = false;
        while (left > 0) {
            const auto v = data.next(static_cast<std::size_t>(std::min<uint64_t>(left, 1 << 20)));
            if (v.empty())
                throwBadFile(e.path);
            sha.update(v);
            hole = writeSparse(out.get(), v, dest);
            left -= v.size();
            doneBytes += v.size();
        }
        if (hole && ::ftruncate(out.get(), static_cast<off_t>(e.size)) != 0)
            throw ioError(errno, "target", "cannot write a restored file", dest, Code::BackupRestoreFailed);
        if (sha.hexDigest() != e.sha256)
            throwBadFile(e.path);
        r.setOwner(dirFd, leaf, e, out.get());
        ::fchmod(out.get(), e.mode & 01777); // never setuid/setgid (SECURITY.md B)
        const timespec ts[2] = {mtimeOf(e), mtimeOf(e)};
        ::futimens(out.get(), ts);
        ++doneFiles;
        if (Clock::now() - lastProgress > std::chrono::milliseconds(250)) {
            lastProgress = Clock::now();
            progress({{"phase", "restore"}, {"files", doneFiles}, {"filesTotal", totalFiles},
                      {"bytes", doneBytes}, {"bytesTotal", totalBytes}});
        }
    }
    if (!data.atEnd())
        throw RpcError(Code::BackupCorrupt, "the snapshot is damaged: more data than its manifest lists",
                       errorData("snapshot"));
    // Directories last, deepest first, so their modes and times are what the snapshot says.
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
        const Entry &e = manifest.entries[*it];
        std::string leaf;
        const int dirFd = r.parentFor(static_cast<std::size_t>(unitOf[*it]), e.path, leaf);
        Fd d(::openat(dirFd, leaf.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (d.get() < 0)
            continue;
        r.setOwner(dirFd, leaf, e, d.get());
        ::fchmod(d.get(), e.mode & 03777);
        const timespec ts[2] = {mtimeOf(e), mtimeOf(e)};
        ::futimens(d.get(), ts);
    }
    r.cachedFd.reset();
    // Durable before the swap: on ext4 (data=ordered) a directory's fsync commits the journal,
    // which writes the staged files' data first, so a crash after the swap cannot leave empty
    // files where the old ones were. Costs the time to write it all out (`sync: false` skips).
    if (options.sync)
        for (auto &u : r.units)
            ::syncfs(u.stageFd.get());
    cancel();

    // --- swap: what is there moves aside into the stage, the staged copy into place ---------
    auto rollback = [&r] {
        bool ok = true;
        for (auto it = r.units.rbegin(); it != r.units.rend(); ++it) {
            if (!it->swapped)
                continue;
            ok = ::rename(it->dest.c_str(), (it->stage + "/u").c_str()) == 0 && ok;
            if (it->hadOld)
                ok = ::rename((it->stage + "/old").c_str(), it->dest.c_str()) == 0 && ok;
            it->swapped = false;
        }
        return ok;
    };
    for (auto &u : r.units) {
        struct stat st{};
        u.hadOld = ::lstat(u.dest.c_str(), &st) == 0;
        if (u.hadOld && ::rename(u.dest.c_str(), (u.stage + "/old").c_str()) != 0) {
            const int err = errno;
            u.hadOld = false;
            const bool restored = rollback();
            json d = errorData("target", {}, u.dest + ": " + std::strerror(err));
            d["restored"] = restored;
            if (!restored)
                cleanup.armed = false; // the stages hold what could not be moved back
            throw RpcError(Code::BackupRestoreFailed, "cannot move the current data aside; nothing was changed", d);
        }
        if (::rename((u.stage + "/u").c_str(), u.dest.c_str()) != 0) {
            const int err = errno;
            if (u.hadOld)
                (void)::rename((u.stage + "/old").c_str(), u.dest.c_str());
            const bool restored = rollback();
            json d = errorData("target", {}, u.dest + ": " + std::strerror(err));
            d["restored"] = restored;
            if (!restored)
                cleanup.armed = false;
            throw RpcError(Code::BackupRestoreFailed, "cannot move the restored data into place; the previous data was put back", d);
        }
        u.swapped = true;
    }
    json units = json::array();
    for (auto &u : r.units) {
        if (options.sync) {
            Fd parent(::open(parentOf(u.dest).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            if (parent.get() >= 0)
                ::fsync(parent.get());
        }
        json item = {{"path", u.path}, {"restoredTo", u.dest}, {"replaced", u.hadOld}};
        if (options.keepSafetyCopy && u.hadOld) {
            const std::string keep = parentOf(u.dest) + (parentOf(u.dest) == "/" ? "" : "/") + "."
                                     + baseName(u.dest) + ".qwq-safety-" + std::to_string(::time(nullptr));
            if (::rename((u.stage + "/old").c_str(), keep.c_str()) == 0)
                item["safetyCopy"] = keep;
        }
        units.push_back(item);
    }
    // Success: the stages (with what was replaced, unless kept) go.
    progress({{"phase", "done"}, {"files", doneFiles}, {"filesTotal", totalFiles},
              {"bytes", doneBytes}, {"bytesTotal", totalBytes}});
    return {{"restored", units}, {"files", doneFiles}, {"bytes", doneBytes}};
}

} // namespace qwqhelper::backup
