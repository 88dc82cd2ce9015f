// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databases/discover.h"

#include "databases/tools.h"
#include "docker/engine.h"
#include "fsutil.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <future>
#include <set>
#include <sstream>
#include <unistd.h>

namespace qwqhelper::databases {

using nlohmann::json;

namespace {

int defaultPort(const std::string &engine)
{
    if (engine == "postgresql")
        return 5432;
    if (engine == "mariadb" || engine == "mysql")
        return 3306;
    if (engine == "redis")
        return 6379;
    return 0;
}

std::string readSmall(const std::string &path)
{
    return fs::readRegular(path, 16u << 20).value_or(std::string());
}

std::string readLink(const std::string &path)
{
    char buf[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

std::string baseName(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isLoopbackOrWildcard4(const std::string &ip)
{
    return ip == "0.0.0.0" || ip.rfind("127.", 0) == 0;
}

struct Process
{
    int pid = 0;
    std::string engine;
    std::string exe;            // resolved path ("" when unreadable)
    bool fdsReadable = false;
    long long uid = -1;         // effective uid (from status, readable for anyone's process)
    std::vector<uint64_t> sockets;
};

} // namespace

std::map<uint64_t, TcpListener> parseTcpListeners(const std::string &text, bool v6)
{
    std::map<uint64_t, TcpListener> result;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string sl, local, remote, state, queues, timer, retr, uid, timeout, inode;
        if (!(fields >> sl >> local >> remote >> state >> queues >> timer >> retr >> uid >> timeout >> inode))
            continue;
        if (state != "0A") // TCP_LISTEN
            continue;
        try {
            const std::size_t colon = local.find(':');
            if (colon == std::string::npos)
                continue;
            const std::string addrHex = local.substr(0, colon);
            char text_[INET6_ADDRSTRLEN] = {};
            if (!v6 && addrHex.size() == 8) {
                in_addr a{};
                a.s_addr = static_cast<uint32_t>(std::stoul(addrHex, nullptr, 16));
                ::inet_ntop(AF_INET, &a, text_, sizeof text_);
            } else if (v6 && addrHex.size() == 32) {
                in6_addr a{};
                for (int i = 0; i < 4; ++i) {
                    const uint32_t word = static_cast<uint32_t>(std::stoul(addrHex.substr(i * 8, 8), nullptr, 16));
                    std::memcpy(&a.s6_addr[i * 4], &word, 4);
                }
                ::inet_ntop(AF_INET6, &a, text_, sizeof text_);
            } else {
                continue;
            }
            std::string ip = text_;
            if (ip.rfind("::ffff:", 0) == 0 && ip.find('.') != std::string::npos)
                ip = ip.substr(7); // an IPv4-mapped listener
            TcpListener l{ip, static_cast<int>(std::stoul(local.substr(colon + 1), nullptr, 16)),
                          std::stoll(uid)};
            const uint64_t ino = std::stoull(inode);
            if (ino != 0)
                result[ino] = l;
        } catch (const std::exception &) {
            continue; // a line not in the kernel's format: skipped
        }
    }
    return result;
}

std::map<uint64_t, std::string> parseUnixListeners(const std::string &text)
{
    std::map<uint64_t, std::string> result;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string num, refs, protocol, flags, type, state, inode, path;
        if (!(fields >> num >> refs >> protocol >> flags >> type >> state >> inode))
            continue;
        fields >> path;
        // __SO_ACCEPTCON (0x10000): a listening socket; a path in the filesystem, not abstract.
        try {
            if ((std::stoul(flags, nullptr, 16) & 0x10000) == 0 || path.empty() || path[0] != '/')
                continue;
            result[std::stoull(inode)] = path;
        } catch (const std::exception &) {
            continue;
        }
    }
    return result;
}

std::string reachableHost(const std::vector<std::string> &addresses)
{
    for (const auto &a : addresses)
        if (isLoopbackOrWildcard4(a))
            return "127.0.0.1";
    for (const auto &a : addresses)
        if (a == "::" || a == "::1")
            return "::1";
    for (const auto &a : addresses)
        if (a.find(':') == std::string::npos)
            return a;
    return addresses.empty() ? std::string() : addresses.front();
}

std::string engineOfProgram(const std::string &name)
{
    if (name == "postgres" || name == "postmaster")
        return "postgresql";
    if (name == "mariadbd")
        return "mariadb";
    if (name == "mysqld")
        return "mysql";
    if (name == "redis-server")
        return "redis";
    return {};
}

json discoverServices()
{
    std::map<uint64_t, TcpListener> tcp = parseTcpListeners(readSmall("/proc/net/tcp"), false);
    for (auto &[ino, l] : parseTcpListeners(readSmall("/proc/net/tcp6"), true))
        tcp[ino] = l;
    const std::map<uint64_t, std::string> unixSockets = parseUnixListeners(readSmall("/proc/net/unix"));

    // The server processes, lowest PID first (a parent before the children it forked, so a
    // socket both hold is the parent's).
    std::vector<Process> processes;
    std::vector<int> pids;
    if (DIR *dir = ::opendir("/proc")) {
        while (const dirent *e = ::readdir(dir)) {
            char *end = nullptr;
            const long pid = std::strtol(e->d_name, &end, 10);
            if (end && *end == '\0' && pid > 0)
                pids.push_back(static_cast<int>(pid));
        }
        ::closedir(dir);
    }
    std::sort(pids.begin(), pids.end());
    std::set<uint64_t> claimed;
    for (int pid : pids) {
        const std::string base = "/proc/" + std::to_string(pid);
        std::string comm = readSmall(base + "/comm");
        while (!comm.empty() && comm.back() == '\n')
            comm.pop_back();
        std::string exe = readLink(base + "/exe");
        if (const std::size_t d = exe.find(" (deleted)"); d != std::string::npos)
            exe.clear(); // replaced by an upgrade: nothing to ask for a version
        std::string engine = engineOfProgram(baseName(exe));
        if (engine.empty())
            engine = engineOfProgram(comm);
        if (engine.empty())
            continue;
        Process p{pid, engine, exe, true, -1, {}};
        {
            const std::string status = readSmall(base + "/status");
            if (const std::size_t at = status.find("\nUid:"); at != std::string::npos) {
                std::istringstream uids(status.substr(at + 5, 64));
                long long real = -1, effective = -1;
                if (uids >> real >> effective)
                    p.uid = effective;
            }
        }
        DIR *fds = ::opendir((base + "/fd").c_str());
        if (!fds && (errno == EACCES || errno == EPERM))
            p.fdsReadable = false; // another user's process (a zombie's just has none)
        if (fds) {
            while (const dirent *e = ::readdir(fds)) {
                const std::string target = readLink(base + "/fd/" + e->d_name);
                if (target.rfind("socket:[", 0) != 0)
                    continue;
                const uint64_t ino = std::strtoull(target.c_str() + 8, nullptr, 10);
                if ((tcp.count(ino) || unixSockets.count(ino)) && claimed.insert(ino).second)
                    p.sockets.push_back(ino);
            }
            ::closedir(fds);
        }
        processes.push_back(std::move(p));
    }

    // Versions: one `--version` per distinct binary, in parallel.
    std::map<std::string, std::shared_future<std::optional<std::string>>> versions;
    for (const auto &p : processes)
        if (!p.exe.empty() && !p.sockets.empty() && !versions.count(p.exe))
            versions[p.exe] = std::async(std::launch::async, [exe = p.exe] { return versionLine(exe); }).share();

    json instances = json::array();
    auto makeEntry = [](const std::string &engine) {
        return json{{"engine", engine}, {"source", "service"}, {"host", nullptr}, {"port", nullptr},
                    {"addresses", json::array()}, {"unixSocket", nullptr}, {"pid", nullptr},
                    {"binary", nullptr}, {"version", nullptr}, {"container", nullptr}};
    };
    std::set<uint64_t> attributed;
    for (const auto &p : processes) {
        if (p.sockets.empty())
            continue;
        std::string engine = p.engine;
        std::string version;
        if (!p.exe.empty()) {
            if (const auto line = versions[p.exe].get()) {
                version = parseVersion(*line);
                if (engine == "mysql" && line->find("MariaDB") != std::string::npos)
                    engine = "mariadb";
            }
        }
        // Group by port: one entry per port, with every address bound on it.
        std::map<int, std::vector<std::string>> byPort;
        std::vector<std::string> paths;
        for (uint64_t ino : p.sockets) {
            attributed.insert(ino);
            if (const auto t = tcp.find(ino); t != tcp.end()) {
                auto &list = byPort[t->second.port];
                if (std::find(list.begin(), list.end(), t->second.ip) == list.end())
                    list.push_back(t->second.ip);
            } else {
                paths.push_back(unixSockets.at(ino));
            }
        }
        std::sort(paths.begin(), paths.end());
        auto socketFor = [&](int port) -> json {
            for (const auto &s : paths) {
                if (engine == "postgresql") {
                    if (baseName(s) == ".s.PGSQL." + std::to_string(port))
                        return s;
                } else {
                    return s;
                }
            }
            return nullptr;
        };
        auto fill = [&](json &e) {
            e["pid"] = p.pid;
            e["binary"] = p.exe.empty() ? json(nullptr) : json(p.exe);
            e["version"] = version.empty() ? json(nullptr) : json(version);
        };
        for (auto &[port, addresses] : byPort) {
            json e = makeEntry(engine);
            e["host"] = reachableHost(addresses);
            e["port"] = port;
            e["addresses"] = addresses;
            e["unixSocket"] = socketFor(port);
            fill(e);
            instances.push_back(std::move(e));
        }
        if (byPort.empty()) { // listening on unix sockets only
            for (const auto &s : paths) {
                json e = makeEntry(engine);
                e["unixSocket"] = s;
                const std::string name = baseName(s);
                if (engine == "postgresql" && name.rfind(".s.PGSQL.", 0) == 0)
                    e["port"] = std::atoi(name.c_str() + 9);
                fill(e);
                instances.push_back(std::move(e));
                if (engine != "postgresql")
                    break;
            }
        }
    }

    // Server processes whose descriptors cannot be read (another user's, and the helper is not
    // root). /proc/net/tcp names each socket's owner: an unattributed listener owned by a
    // non-root user whose server processes are all of one engine is that engine's; otherwise
    // (root's sockets: sshd and the like) only a listener on the engine's default port counts.
    // Unix sockets by their well-known names. No PID: which process holds it is not known.
    std::map<std::string, std::set<long long>> hiddenUids;    // engine → uids
    std::map<long long, std::set<std::string>> enginesOfUid; // uid → engines (all processes)
    for (const auto &p : processes) {
        enginesOfUid[p.uid].insert(p.engine);
        if (!p.fdsReadable)
            hiddenUids[p.engine].insert(p.uid);
    }
    for (const auto &[engine, uids] : hiddenUids) {
        std::map<int, std::vector<std::string>> byPort;
        for (const auto &[ino, l] : tcp) {
            if (attributed.count(ino))
                continue;
            const bool owner = l.uid > 0 && uids.count(l.uid) && enginesOfUid[l.uid].size() == 1;
            if (!owner && l.port != defaultPort(engine))
                continue;
            attributed.insert(ino);
            auto &list = byPort[l.port];
            if (std::find(list.begin(), list.end(), l.ip) == list.end())
                list.push_back(l.ip);
        }
        auto socketFor = [&](int port) -> json {
            for (const auto &[ino, path] : unixSockets) {
                if (attributed.count(ino))
                    continue;
                const std::string name = baseName(path);
                if ((engine == "postgresql" && name == ".s.PGSQL." + std::to_string(port))
                    || ((engine == "mysql" || engine == "mariadb") && name == "mysqld.sock")
                    || (engine == "redis" && name.rfind("redis", 0) == 0 && path.size() > 5
                        && path.compare(path.size() - 5, 5, ".sock") == 0)) {
                    attributed.insert(ino);
                    return path;
                }
            }
            return nullptr;
        };
        for (const auto &[port, addresses] : byPort) {
            json e = makeEntry(engine);
            e["host"] = reachableHost(addresses);
            e["port"] = port;
            e["addresses"] = addresses;
            e["unixSocket"] = socketFor(port);
            instances.push_back(std::move(e));
        }
        if (byPort.empty())
            if (json socket = socketFor(defaultPort(engine)); !socket.is_null()) {
                json e = makeEntry(engine);
                e["unixSocket"] = socket;
                if (engine == "postgresql")
                    e["port"] = defaultPort(engine);
                instances.push_back(std::move(e));
            }
    }
    return instances;
}

} // namespace qwqhelper::databases
