// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/apply.h"

#include "dispatch.h"
#include "errors.h"
#include "fsutil.h"
#include "nginx/config.h"
#include "process.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <sys/file.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <thread>
#include <unistd.h>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

std::mutex g_applyMutex; // one apply at a time in this helper; flock() guards other helpers

std::string dirName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// `path` with its directory's symbolic links resolved (the file itself may not exist yet).
std::string canonical(const std::string &path)
{
    char buf[PATH_MAX];
    if (::realpath(dirName(path).c_str(), buf) == nullptr)
        return path;
    const std::string dir = buf;
    return (dir == "/" ? "" : dir) + path.substr(path.rfind('/'));
}

// Directives whose file argument nginx resolves against the configuration prefix.
bool isConfRelativeFile(const std::string &name)
{
    static const char *names[] = {"ssl_certificate", "ssl_certificate_key", "ssl_trusted_certificate",
                                  "ssl_client_certificate", "ssl_dhparam", "ssl_crl",
                                  "ssl_password_file", "auth_basic_user_file", "ssl_stapling_file",
                                  "ssl_session_ticket_key", "proxy_ssl_certificate",
                                  "proxy_ssl_certificate_key", "proxy_ssl_trusted_certificate"};
    return std::any_of(std::begin(names), std::end(names), [&](const char *n) { return name == n; });
}

// The staged text of a file: absolute includes point into the stage, conf-relative file
// arguments become absolute real paths. A file that does not parse is staged as it is (nginx -t
// will name the error).
std::string stageText(const std::string &text, const std::string &path, const std::string &stage,
                      const std::string &confDir)
{
    std::vector<Directive> list;
    try {
        list = parse(text, path);
    } catch (const ParseError &) {
        return text;
    }
    std::vector<Edit> edits;
    std::function<void(const std::vector<Directive> &)> visit = [&](const std::vector<Directive> &l) {
        for (const auto &d : l) {
            if (d.block)
                visit(d.children);
            if (d.args.empty() || d.args[0].empty())
                continue;
            if (d.name == "include" && d.args[0].front() == '/')
                edits.push_back({d.argSpans[0], quoteArg(stage + d.args[0])});
            else if (isConfRelativeFile(d.name) && d.args[0].front() != '/'
                     && d.args[0].rfind("data:", 0) != 0 && d.args[0].find('$') == std::string::npos)
                edits.push_back({d.argSpans[0], quoteArg(confDir + "/" + d.args[0])});
        }
    };
    visit(list);
    return splice(text, edits);
}

// The stage is a private mkdtemp directory that is removed afterwards: no fsync, no rename.
void writeStaged(const std::string &path, const std::string &content)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot stage " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            throw std::runtime_error("cannot stage " + path + ": " + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

// Where stages are made: a tmpfs when the machine has one (/dev/shm: creating and removing the
// dozen directories of a stage costs ~0.3 ms each on a journaling /tmp), else /tmp. Both are
// sticky world-writable directories; mkdtemp makes the stage 0700 and private either way.
const std::string &stageParent()
{
    static const std::string parent = [] {
        struct statfs fsInfo{};
        struct stat st{};
        if (::statfs("/dev/shm", &fsInfo) == 0 && fsInfo.f_type == TMPFS_MAGIC
            && ::stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX)
            && ::access("/dev/shm", W_OK | X_OK) == 0)
            return std::string("/dev/shm");
        return std::string("/tmp");
    }();
    return parent;
}

struct Stage
{
    std::string root;
    ~Stage()
    {
        if (!root.empty())
            fs::removeTree(root);
    }
};

// What nginx would read at `path` once `ops` are applied: an op on the path (or on the file a
// link leads to) wins over the disk.
std::optional<std::string> proposed(const std::string &path, const std::map<std::string, const FileOp *> &ops,
                                    int depth = 0)
{
    if (depth > 8)
        return std::nullopt;
    const auto it = ops.find(canonical(path));
    if (it != ops.end()) {
        const FileOp &op = *it->second;
        if (op.content)
            return op.content;
        if (op.linkTo.empty())
            return std::nullopt;
        const std::string target = op.linkTo[0] == '/' ? op.linkTo : dirName(path) + "/" + op.linkTo;
        return proposed(target, ops, depth + 1);
    }
    const FileState s = stateOf(path);
    if (s.type == "link") {
        const std::string target = s.target.empty() || s.target[0] == '/' ? s.target
                                                                          : dirName(path) + "/" + s.target;
        return proposed(target, ops, depth + 1);
    }
    if (s.type == "file")
        return s.content;
    return std::nullopt;
}

std::string stageTree(const Install &install, const std::vector<FileOp> &ops, Stage &stage)
{
    std::map<std::string, const FileOp *> byPath;
    for (const auto &op : ops)
        byPath[canonical(op.path)] = &op;
    // The tree as it will be: the files the ops write are read from the ops (so a file that
    // does not parse on disk can be replaced by one that does, and a new include is followed).
    Tree tree;
    try {
        tree = load(install.confPath, [&](const std::string &path, std::string &text) {
            if (const auto content = proposed(path, byPath)) {
                text = *content;
                return true;
            }
            // a file the ops remove is still matched by a glob on disk: nothing to read in it
            // (nginx -t globs in the stage, where it is gone)
            text.clear();
            return byPath.count(canonical(path)) > 0;
        });
    } catch (const ParseError &e) {
        throw RpcError(kConfigInvalid, std::string("cannot parse the nginx configuration: ") + e.what(),
                       json{{"file", e.file}, {"line", e.line}, {"detail", e.what()}});
    }
    stage.root = fs::makeTempDir(stageParent(), "qwq-nginx-stage-");
    std::set<std::string> paths;
    for (const auto &f : tree.files)
        paths.insert(f.path);
    for (const auto &op : ops)
        paths.insert(op.path);
    for (const auto &path : paths) {
        const auto content = proposed(path, byPath);
        if (!content)
            continue;
        const std::string staged = stagedPath(stage.root, path);
        fs::makeDirs(dirName(staged), 0700);
        writeStaged(staged, stageText(*content, path, stage.root, install.confDir));
    }
    return stagedPath(stage.root, install.confPath);
}

// "nginx: [emerg] unknown directive "x" in /stage/etc/nginx/a.conf:12" → file, line, detail.
RpcError configError(const std::string &stderrText, const std::string &stageRoot)
{
    std::string detail = stderrText;
    for (std::size_t at; !stageRoot.empty() && (at = detail.find(stageRoot)) != std::string::npos;)
        detail.erase(at, stageRoot.size());
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' '))
        detail.pop_back();
    if (detail.size() > 4096)
        detail = detail.substr(detail.size() - 4096);
    json data = {{"detail", detail}};
    std::string first; // the first [emerg]/[crit]/[alert] line carries the location
    for (std::size_t pos = 0; pos < detail.size();) {
        const auto eol = detail.find('\n', pos);
        const std::string line = detail.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
        if (line.find("[emerg]") != std::string::npos || line.find("[crit]") != std::string::npos
            || line.find("[alert]") != std::string::npos) {
            first = line;
            break;
        }
        if (eol == std::string::npos)
            break;
        pos = eol + 1;
    }
    const auto in = first.rfind(" in /");
    if (in != std::string::npos) {
        const std::string loc = first.substr(in + 4);
        const auto colon = loc.rfind(':');
        if (colon != std::string::npos) {
            data["file"] = loc.substr(0, colon);
            try {
                data["line"] = std::stoi(loc.substr(colon + 1));
            } catch (...) {
            }
        }
    }
    return RpcError(kConfigInvalid, "nginx refused the configuration: " + (first.empty() ? detail : first),
                    data);
}

// Children of `pid`, from /proc/<n>/stat (the field after the command name is the parent).
std::set<int> childrenOf(int pid)
{
    std::set<int> out;
    const std::string self = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children";
    if (const auto list = fs::readRegular(self, 1u << 16)) { // CONFIG_PROC_CHILDREN: no scan
        std::size_t pos = 0;
        while (pos < list->size()) {
            const int child = std::atoi(list->c_str() + pos);
            if (child > 0)
                out.insert(child);
            const auto space = list->find(' ', pos);
            if (space == std::string::npos)
                break;
            pos = space + 1;
        }
        if (!out.empty() || list->empty())
            return out;
    }
    for (const auto &name : fs::listDir("/proc")) {
        if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit))
            continue;
        const auto stat = fs::readRegular("/proc/" + name + "/stat", 4096);
        if (!stat)
            continue;
        const auto close = stat->rfind(')');
        if (close == std::string::npos || close + 4 >= stat->size())
            continue;
        const int parent = std::atoi(stat->c_str() + stat->find(' ', close + 2) + 1);
        if (parent == pid)
            out.insert(std::stoi(name));
    }
    return out;
}

std::size_t fileSize(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
}

// After SIGHUP: the master either starts new workers (the new configuration is live) or logs
// why not to its error log and keeps the old ones. Empty: taken; else the logged lines. A failed
// bind is retried by the master for 2.5 s, logging each try: the failure is reported once the log
// has been quiet for 0.7 s, so no late line of it is taken for the next apply's failure.
std::optional<std::string> awaitReload(int pid, const std::set<int> &before, const std::string &log,
                                       std::size_t logOffset)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::seconds(10);
    std::optional<std::string> failure;
    std::size_t seen = logOffset;
    auto quietSince = Clock::now();
    while (Clock::now() < deadline) {
        for (int child : childrenOf(pid))
            if (!before.count(child))
                return std::nullopt;
        const std::size_t size = log.empty() ? 0 : fileSize(log);
        if (size > seen) {
            seen = size;
            quietSince = Clock::now();
            const auto text = fs::readRegular(log, 64u << 20);
            if (text && text->size() > logOffset) {
                const std::string fresh = text->substr(logOffset);
                if (fresh.find("[emerg]") != std::string::npos || fresh.find("[alert]") != std::string::npos)
                    failure = fresh.size() > 4096 ? fresh.substr(fresh.size() - 4096) : fresh;
            }
        } else if (failure && Clock::now() - quietSince > std::chrono::milliseconds(700)) {
            return failure;
        }
        if (::kill(pid, 0) != 0)
            return std::string("the nginx master exited");
        // the master forks its new workers a few milliseconds after the signal: look closely
        // at first, then every 2 ms
        const bool early = Clock::now() - started < std::chrono::milliseconds(50);
        std::this_thread::sleep_for(std::chrono::microseconds(early ? 250 : 2000));
    }
    return failure ? failure : std::string("no new worker processes within 10 s");
}

class FileLock
{
public:
    explicit FileLock(const std::string &path)
    {
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

private:
    int m_fd = -1;
};

} // namespace

std::string stagedPath(const std::string &stageRoot, const std::string &path)
{
    return stageRoot + path;
}

void test(const Install &install, const std::vector<FileOp> &ops, CancelToken *cancel)
{
    Stage stage;
    const std::string main = stageTree(install, ops, stage);
    process::Spec spec;
    spec.argv = {install.binary, "-t", "-q", "-c", main};
    spec.timeoutMs = 60000;
    const auto r = process::run(spec, cancel);
    if (r.exitCode != 0)
        throw configError(r.err.empty() ? r.out : r.err, stage.root);
}

ApplyResult apply(const Install &install, const std::vector<FileOp> &ops, const std::string &action,
                  const std::string &site, CancelToken *cancel)
{
    std::lock_guard guard(g_applyMutex);
    fs::makeDirs(versionsRoot(), 0700);
    FileLock lock(versionsRoot() + "/.lock");

    test(install, ops, cancel);

    ApplyResult result;
    result.version = nextVersion();
    std::vector<FileState> before;
    for (const auto &op : ops)
        before.push_back(stateOf(op.path));
    saveVersion(result.version, install, ops, before, action, site);

    auto restore = [&] {
        for (std::size_t i = ops.size(); i-- > 0;) {
            try {
                putState(ops[i].path, before[i]);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "qwq-helper: restore %s: %s\n", ops[i].path.c_str(), e.what());
            }
        }
        dropVersion(result.version);
    };
    try {
        for (const auto &op : ops)
            putState(op.path, opState(op));
    } catch (const std::exception &e) {
        restore();
        throw RpcError(Code::Internal, std::string("cannot write the configuration: ") + e.what(),
                       json{{"restored", true}});
    }

    const int pid = masterPid(install);
    result.running = pid > 0;
    if (pid > 0) {
        const std::string &log = install.errorLogPath.empty() || install.errorLogPath[0] != '/'
                                     ? std::string() : install.errorLogPath;
        const std::size_t logOffset = log.empty() ? 0 : fileSize(log);
        const std::set<int> workers = childrenOf(pid);
        if (::kill(pid, SIGHUP) != 0) {
            const std::string why = std::strerror(errno);
            restore();
            throw RpcError(kReloadFailed, "nginx could not be reloaded",
                           json{{"detail", why}, {"restored", true}});
        }
        if (const auto failure = awaitReload(pid, workers, log, logOffset)) {
            restore();
            // the master kept its old configuration; the files are that again
            throw RpcError(kReloadFailed, "nginx refused to reload the new configuration",
                           json{{"detail", *failure}, {"restored", true}});
        }
        result.reloaded = true;
    }
    pruneVersions(50);
    return result;
}

} // namespace qwqhelper::nginx
