// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/apply.h"

#include "dispatch.h"
#include "errors.h"
#include "fsutil.h"
#include "process.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <sys/file.h>
#include <sys/stat.h>
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

std::string configureArg(const std::string &text, const std::string &name)
{
    const std::string key = "--" + name + "=";
    const auto at = text.find(key);
    if (at == std::string::npos)
        return {};
    const auto start = at + key.size();
    const auto end = text.find_first_of(" \n", start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Directives whose file argument nginx resolves against the configuration prefix.
bool isConfRelativeFile(const std::string &name)
{
    static const char *names[] = {"ssl_certificate", "ssl_certificate_key", "ssl_trusted_certificate",
                                  "ssl_client_certificate", "ssl_dhparam", "ssl_crl",
                                  "ssl_password_file", "auth_basic_user_file", "ssl_stapling_file",
                                  "ssl_session_ticket_key", "ssl_ecdh_curve_file"};
    return std::any_of(std::begin(names), std::end(names), [&](const char *n) { return name == n; });
}

// The staged text of a file: absolute includes point into the stage, conf-relative file
// arguments become absolute real paths. A file that does not parse is staged as it is (nginx -t
// will name the error).
std::string stageText(const std::string &text, const std::string &path, const std::string &stage,
                      const std::string &prefix)
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
                edits.push_back({d.argSpans[0], quoteArg(prefix + "/" + d.args[0])});
        }
    };
    visit(list);
    return splice(text, edits);
}

void writePlain(const std::string &path, const std::string &content)
{
    fs::makeDirs(dirName(path), 0700);
    fs::writeAtomic(path, content, 0600);
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

std::string stageTree(const Install &install, const std::vector<FileOp> &ops, Stage &stage)
{
    const Tree tree = loadFromDisk(install.confPath);
    stage.root = fs::makeTempDir("/tmp", "qwq-nginx-stage-");
    const std::string &root = stage.root;
    const std::string prefix = tree.prefix;
    std::map<std::string, std::optional<std::string>> files;
    for (const auto &f : tree.files)
        files[f.path] = f.text;
    for (const auto &op : ops) {
        if (op.content) {
            files[op.path] = *op.content;
        } else if (!op.linkTo.empty()) {
            // the link's content is its target's: proposed, else on disk
            std::optional<std::string> target;
            for (const auto &o : ops)
                if (o.path == op.linkTo && o.content)
                    target = o.content;
            if (!target)
                target = fs::readRegular(op.linkTo, 16u << 20);
            files[op.path] = target.value_or("");
        } else {
            files[op.path] = std::nullopt;
        }
    }
    for (const auto &[path, content] : files)
        if (content)
            writePlain(stagedPath(root, path), stageText(*content, path, root, prefix));
    return stagedPath(root, install.confPath);
}

// "nginx: [emerg] unknown directive "x" in /stage/etc/nginx/a.conf:12" → file, line, detail.
RpcError configError(const std::string &stderrText, const std::string &stageRoot)
{
    std::string detail = stderrText;
    for (std::size_t at; !stageRoot.empty() && (at = detail.find(stageRoot)) != std::string::npos;)
        detail.erase(at, stageRoot.size());
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' '))
        detail.pop_back();
    json data = {{"detail", detail}};
    // the first [emerg]/[crit] line carries the location
    std::string first;
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
    return RpcError(kConfigInvalid, "nginx refused the configuration: " + (first.empty() ? detail : first), data);
}

void runTest(const Install &install, const std::string &mainConf, const std::string &stageRoot,
             CancelToken *cancel)
{
    process::Spec spec;
    spec.argv = {install.binary, "-t", "-q", "-c", mainConf};
    spec.timeoutMs = 60000;
    const auto r = process::run(spec, cancel);
    if (r.exitCode != 0)
        throw configError(r.err.empty() ? r.out : r.err, stageRoot);
}

std::string versionsRoot()
{
    return fs::dataRoot() + "/websites/versions";
}

struct FileState
{
    std::string type; // file | link | absent
    std::string content;
    std::string target;
    unsigned mode = 0644;
};

FileState stateOf(const std::string &path)
{
    struct stat st{};
    if (::lstat(path.c_str(), &st) != 0)
        return {"absent", {}, {}, 0644};
    if (S_ISLNK(st.st_mode)) {
        char buf[4096];
        const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf);
        return {"link", {}, std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), 0777};
    }
    return {"file", fs::readRegular(path, 16u << 20).value_or(""), {}, st.st_mode & 07777};
}

void makeLink(const std::string &path, const std::string &target)
{
    const std::string tmp = path + ".qwq-tmp";
    ::unlink(tmp.c_str());
    if (::symlink(target.c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot link " + path + ": " + why);
    }
}

void putState(const std::string &path, const FileState &s)
{
    if (s.type == "absent") {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            throw std::runtime_error("cannot remove " + path + ": " + std::strerror(errno));
    } else if (s.type == "link") {
        makeLink(path, s.target);
    } else {
        fs::makeDirs(dirName(path), 0755);
        fs::writeAtomic(path, s.content, s.mode);
    }
}

FileState opState(const FileOp &op)
{
    if (op.content)
        return {"file", *op.content, {}, op.mode};
    if (!op.linkTo.empty())
        return {"link", {}, op.linkTo, 0777};
    return {"absent", {}, {}, 0644};
}

json stateJson(const FileState &s)
{
    json j = {{"type", s.type}};
    if (s.type == "file") {
        j["content"] = s.content;
        j["mode"] = s.mode;
    }
    if (s.type == "link")
        j["target"] = s.target;
    return j;
}

FileState stateFrom(const json &j)
{
    FileState s;
    s.type = j.value("type", "absent");
    s.content = j.value("content", "");
    s.target = j.value("target", "");
    s.mode = j.value("mode", 0644u);
    return s;
}

// Version numbers present in the versions directory (files "<n>.json"), ascending.
std::vector<int> versionNumbers(const std::string &root)
{
    std::vector<int> all;
    for (const auto &e : fs::listDir(root)) {
        if (e.size() <= 5 || e.substr(e.size() - 5) != ".json")
            continue;
        const std::string digits = e.substr(0, e.size() - 5);
        if (digits.size() < 10 && std::all_of(digits.begin(), digits.end(), ::isdigit))
            all.push_back(std::stoi(digits));
    }
    std::sort(all.begin(), all.end());
    return all;
}

int nextVersion(const std::string &root)
{
    const auto all = versionNumbers(root);
    return all.empty() ? 1 : all.back() + 1;
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

std::vector<std::string> allowedRoots()
{
    std::vector<std::string> roots;
    if (const char *env = std::getenv("QWQ_WEBSITES_ROOTS"); env && *env) {
        std::string all = env;
        std::size_t start = 0;
        while (start <= all.size()) {
            const auto colon = all.find(':', start);
            const std::string r = all.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            if (fs::isCleanAbsolutePath(r))
                roots.push_back(r);
            if (colon == std::string::npos)
                break;
            start = colon + 1;
        }
    }
    if (roots.empty())
        roots = {"/var/www", "/srv", "/usr/share/nginx", "/home", "/opt"};
    return roots;
}

json Install::toJson() const
{
    return {{"binary", binary}, {"flavor", flavor}, {"version", version}, {"confPath", confPath},
            {"prefix", prefix}, {"pidPath", pidPath}, {"layout", layout},
            {"siteDir", siteDir.empty() ? json(nullptr) : json(siteDir)},
            {"enabledDir", enabledDir.empty() ? json(nullptr) : json(enabledDir)},
            {"accessLog", httpLogPath}, {"errorLog", errorLogPath}};
}

Install discover(const std::optional<std::string> &confOverride)
{
    Install in;
    for (const char *name : {"nginx", "openresty"}) {
        if (auto p = process::findExecutable(name)) {
            in.binary = *p;
            break;
        }
    }
    if (in.binary.empty()) {
        for (const char *p : {"/usr/local/openresty/nginx/sbin/nginx", "/usr/local/nginx/sbin/nginx",
                              "/opt/nginx/sbin/nginx", "/usr/local/openresty/bin/openresty"}) {
            struct stat st{};
            if (::stat(p, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111)) {
                in.binary = p;
                break;
            }
        }
    }
    if (in.binary.empty())
        throw RpcError(kNotInstalled, "nginx is not installed",
                       errorData({}, {}, "looked for nginx and openresty in PATH, /usr/sbin, /usr/local/sbin, /usr/local/nginx and /usr/local/openresty"));
    process::Spec spec;
    spec.argv = {in.binary, "-V"};
    spec.timeoutMs = 10000;
    const auto r = process::run(spec);
    const std::string v = r.err + r.out;
    const auto at = v.find("version: ");
    if (at != std::string::npos) {
        std::string word = v.substr(at + 9, v.find_first_of(" \n", at + 9) - at - 9);
        const auto slash = word.find('/');
        in.flavor = word.substr(0, slash) == "openresty" ? "openresty" : "nginx";
        in.version = slash == std::string::npos ? word : word.substr(slash + 1);
    }
    in.prefix = configureArg(v, "prefix");
    if (in.prefix.empty())
        in.prefix = "/usr/local/nginx";
    in.confPath = confOverride ? *confOverride : configureArg(v, "conf-path");
    if (in.confPath.empty())
        in.confPath = in.prefix + "/conf/nginx.conf";
    in.pidPath = configureArg(v, "pid-path");
    in.httpLogPath = configureArg(v, "http-log-path");
    in.errorLogPath = configureArg(v, "error-log-path");
    if (!fs::exists(in.confPath))
        throw RpcError(kNotInstalled, "the nginx main configuration is missing",
                       errorData("conf", {}, in.confPath));

    const Tree tree = loadFromDisk(in.confPath);
    walk(tree, [&](const Directive &d, const File &, const std::vector<std::string> &ctx) {
        if (d.args.empty())
            return true;
        if (d.name == "pid" && ctx.empty())
            in.pidPath = d.args[0][0] == '/' ? d.args[0] : in.prefix + "/" + d.args[0];
        if (d.name == "access_log" && ctx.size() == 1 && ctx[0] == "http" && d.args[0] != "off")
            in.httpLogPath = d.args[0];
        if (d.name == "error_log" && ctx.empty())
            in.errorLogPath = d.args[0];
        if (d.name == "include" && ctx.size() == 1 && ctx[0] == "http") {
            std::string pattern = d.args[0][0] == '/' ? d.args[0] : tree.prefix + "/" + d.args[0];
            const std::string dir = dirName(pattern);
            const std::string base = pattern.substr(dir.size() + 1);
            const bool globAll = base == "*" || base == "*.conf";
            if (globAll && dir.size() > 14 && dir.substr(dir.size() - 14) == "/sites-enabled"
                && in.layout != "sites") {
                in.layout = "sites";
                in.enabledDir = dir;
                in.siteDir = dir.substr(0, dir.size() - 14) + "/sites-available";
            } else if (globAll && base == "*.conf" && in.layout.empty()) {
                in.layout = "conf.d";
                in.siteDir = dir;
            }
        }
        return true;
    });
    if (in.layout.empty())
        in.layout = "none";
    return in;
}

int masterPid(const Install &install)
{
    if (install.pidPath.empty())
        return 0;
    const auto text = fs::readRegular(install.pidPath, 64);
    if (!text)
        return 0;
    int pid = 0;
    try {
        pid = std::stoi(*text);
    } catch (...) {
        return 0;
    }
    if (pid <= 1)
        return 0;
    // a stale pid file may name another process now: signal only an nginx master
    const auto cmdline = fs::readRegular("/proc/" + std::to_string(pid) + "/cmdline", 4096);
    if (!cmdline || cmdline->find("nginx") == std::string::npos)
        return 0;
    return pid;
}

void test(const Install &install, const std::vector<FileOp> &ops, CancelToken *cancel)
{
    Stage stage;
    const std::string main = stageTree(install, ops, stage);
    runTest(install, main, stage.root, cancel);
}

ApplyResult apply(const Install &install, const std::vector<FileOp> &ops, const std::string &action,
                  const std::string &site, CancelToken *cancel)
{
    std::lock_guard guard(g_applyMutex);
    const std::string root = versionsRoot();
    fs::makeDirs(root, 0700);
    FileLock lock(root + "/.lock");

    test(install, ops, cancel);

    // keep what is there now, then switch file by file
    ApplyResult result;
    result.version = nextVersion(root);
    json meta = {{"version", result.version}, {"time", static_cast<int64_t>(std::time(nullptr))},
                 {"action", action}, {"site", site}, {"conf", install.confPath},
                 {"files", json::array()}};
    std::vector<std::pair<std::string, FileState>> before;
    for (const auto &op : ops) {
        const FileState s = stateOf(op.path);
        before.emplace_back(op.path, s);
        meta["files"].push_back({{"path", op.path}, {"before", stateJson(s)}, {"after", stateJson(opState(op))}});
    }
    fs::writeAtomic(root + "/" + std::to_string(result.version) + ".json", meta.dump(), 0600);

    auto restore = [&] {
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
            try {
                putState(it->first, it->second);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "qwq-helper: restore %s: %s\n", it->first.c_str(), e.what());
            }
        }
        ::unlink((root + "/" + std::to_string(result.version) + ".json").c_str());
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
        if (::kill(pid, SIGHUP) != 0) {
            const std::string why = std::strerror(errno);
            restore();
            throw RpcError(kReloadFailed, "nginx could not be reloaded",
                           json{{"detail", why}, {"restored", true}});
        }
        result.reloaded = true;
    }
    // keep the newest 50 versions
    const std::vector<int> all = versionNumbers(root);
    for (std::size_t i = 0; i + 50 < all.size(); ++i)
        ::unlink((root + "/" + std::to_string(all[i]) + ".json").c_str());
    return result;
}

json versions(const Install &install)
{
    json list = json::array();
    const std::string root = versionsRoot();
    std::vector<int> all = versionNumbers(root);
    std::reverse(all.begin(), all.end());
    for (int n : all) {
        const auto text = fs::readRegular(root + "/" + std::to_string(n) + ".json", 64u << 20);
        if (!text)
            continue;
        try {
            const json meta = json::parse(*text);
            if (meta.value("conf", "") != install.confPath)
                continue;
            json files = json::array();
            for (const auto &f : meta["files"])
                files.push_back({{"path", f["path"]}, {"before", f["before"]["type"]}, {"after", f["after"]["type"]}});
            list.push_back({{"version", n}, {"time", meta["time"]}, {"action", meta["action"]},
                            {"site", meta["site"]}, {"files", files}});
        } catch (const json::exception &) {
        }
    }
    return list;
}

std::vector<FileOp> rollbackOps(const Install &install, int n)
{
    const auto text = fs::readRegular(versionsRoot() + "/" + std::to_string(n) + ".json", 64u << 20);
    json meta;
    try {
        if (text)
            meta = json::parse(*text);
    } catch (const json::exception &) {
    }
    if (!meta.is_object() || meta.value("conf", "") != install.confPath)
        throw RpcError(kSiteNotFound, "no such version", json{{"field", "version"}, {"value", n}});
    std::vector<FileOp> ops;
    for (const auto &f : meta["files"]) {
        const FileState s = stateFrom(f["before"]);
        FileOp op;
        op.path = f.value("path", "");
        if (s.type == "file") {
            op.content = s.content;
            op.mode = s.mode;
        } else if (s.type == "link") {
            op.linkTo = s.target;
        }
        ops.push_back(op);
    }
    return ops;
}

} // namespace qwqhelper::nginx
