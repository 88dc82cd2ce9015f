// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfacts.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <set>
#include <sstream>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace qwqhelper::host {

using nlohmann::json;

std::optional<std::string> readFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string text;
    char chunk[8192];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        text.append(chunk, static_cast<std::size_t>(n));
        if (text.size() > (4u << 20)) // nothing we read here is that large
            break;
    }
    ::close(fd);
    return text;
}

std::vector<std::string> splitWhitespace(const std::string &text)
{
    std::vector<std::string> parts;
    std::istringstream in(text);
    for (std::string part; in >> part;)
        parts.push_back(part);
    return parts;
}

static std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

static std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// os-release values are shell-quoted: strip one level of quotes and backslash escapes.
static std::string unquote(std::string value)
{
    value = trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')
        && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size())
            ++i;
        out.push_back(value[i]);
    }
    return out;
}

json osRelease()
{
    auto text = readFile("/etc/os-release");
    if (!text)
        text = readFile("/usr/lib/os-release");
    std::map<std::string, std::string> values;
    for (const auto &line : lines(text.value_or(""))) {
        const auto eq = line.find('=');
        if (eq == std::string::npos || line.empty() || line[0] == '#')
            continue;
        values[trim(line.substr(0, eq))] = unquote(line.substr(eq + 1));
    }
    auto get = [&](const char *key, const std::string &fallback) {
        const auto it = values.find(key);
        return it == values.end() || it->second.empty() ? fallback : it->second;
    };
    const std::string name = get("NAME", "Linux");
    return {{"id", get("ID", "linux")},
            {"name", name},
            {"version", get("VERSION_ID", "")},
            {"prettyName", get("PRETTY_NAME", name)}};
}

static utsname unameInfo()
{
    utsname u{};
    ::uname(&u);
    return u;
}

std::string kernelRelease() { return unameInfo().release; }
std::string machine() { return unameInfo().machine; }
std::string hostname() { return unameInfo().nodename; }

json currentUser()
{
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    json user = {{"uid", uid}, {"gid", gid}, {"name", nullptr}, {"home", nullptr}};
    // name:password:uid:gid:gecos:home:shell
    for (const auto &line : lines(readFile("/etc/passwd").value_or(""))) {
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t pos; (pos = line.find(':', start)) != std::string::npos;
             start = pos + 1)
            f.push_back(line.substr(start, pos - start));
        f.push_back(line.substr(start));
        if (f.size() < 7 || f[2] != std::to_string(uid))
            continue;
        user["name"] = f[0];
        user["home"] = f[5];
        return user;
    }
    if (const char *home = std::getenv("HOME"))
        user["home"] = home;
    return user;
}

json memoryAndSwap()
{
    std::map<std::string, uint64_t> kb;
    for (const auto &line : lines(readFile("/proc/meminfo").value_or(""))) {
        const auto parts = splitWhitespace(line);
        if (parts.size() >= 2 && parts[0].back() == ':')
            kb[parts[0].substr(0, parts[0].size() - 1)] = std::strtoull(parts[1].c_str(), nullptr, 10);
    }
    const uint64_t total = kb["MemTotal"] * 1024;
    uint64_t available = kb["MemAvailable"] * 1024;
    if (!kb.count("MemAvailable")) // kernels before 3.14
        available = (kb["MemFree"] + kb["Buffers"] + kb["Cached"]) * 1024;
    const uint64_t swapTotal = kb["SwapTotal"] * 1024;
    const uint64_t swapFree = kb["SwapFree"] * 1024;
    return {{"memory",
             {{"total", total},
              {"available", available},
              {"used", total > available ? total - available : 0}}},
            {"swap",
             {{"total", swapTotal},
              {"free", swapFree},
              {"used", swapTotal > swapFree ? swapTotal - swapFree : 0}}}};
}

json loadAverage()
{
    const auto parts = splitWhitespace(readFile("/proc/loadavg").value_or(""));
    json load = json::array();
    for (std::size_t i = 0; i < 3; ++i)
        load.push_back(i < parts.size() ? std::strtod(parts[i].c_str(), nullptr) : 0.0);
    return load;
}

double uptimeSeconds()
{
    const auto parts = splitWhitespace(readFile("/proc/uptime").value_or(""));
    return parts.empty() ? 0.0 : std::strtod(parts[0].c_str(), nullptr);
}

json cpuInfo()
{
    std::string model;
    double mhz = 0;
    long processors = 0;
    for (const auto &line : lines(readFile("/proc/cpuinfo").value_or(""))) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = trim(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        if (key == "processor")
            ++processors;
        else if (model.empty() && (key == "model name" || key == "Hardware" || key == "cpu model"))
            model = value;
        else if (mhz == 0 && key == "cpu MHz")
            mhz = std::strtod(value.c_str(), nullptr);
    }
    const long online = ::sysconf(_SC_NPROCESSORS_ONLN);
    json cpu = {{"model", model}, {"cores", std::max({processors, online, 1L})}};
    if (mhz > 0)
        cpu["mhz"] = mhz;
    return cpu;
}

std::string unescapeMountField(const std::string &field)
{
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && field[i + 1] >= '0' && field[i + 1] <= '3'
            && field[i + 2] >= '0' && field[i + 2] <= '7' && field[i + 3] >= '0'
            && field[i + 3] <= '7') {
            out.push_back(static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8
                                            + (field[i + 3] - '0')));
            i += 3;
        } else {
            out.push_back(field[i]);
        }
    }
    return out;
}

json filesystems()
{
    static const std::set<std::string> pseudo = {
        "proc",    "sysfs",     "cgroup",      "cgroup2",    "devpts",   "mqueue",
        "debugfs", "tracefs",   "securityfs",  "pstore",     "bpf",      "configfs",
        "fusectl", "hugetlbfs", "autofs",      "binfmt_misc", "nsfs",    "rpc_pipefs",
        "efivarfs"};
    // Later mounts hide earlier ones on the same mount point: keep the last, in mount order.
    std::vector<std::string> order;
    std::map<std::string, json> byMount;
    for (const auto &line : lines(readFile("/proc/self/mounts").value_or(""))) {
        const auto f = splitWhitespace(line);
        if (f.size() < 4 || pseudo.count(f[2]))
            continue;
        const std::string mount = unescapeMountField(f[1]);
        struct statvfs st{};
        if (::statvfs(mount.c_str(), &st) != 0 || st.f_blocks == 0)
            continue;
        const uint64_t unit = st.f_frsize ? st.f_frsize : st.f_bsize;
        const uint64_t total = uint64_t(st.f_blocks) * unit;
        const uint64_t used = uint64_t(st.f_blocks - st.f_bfree) * unit;
        const auto opts = "," + f[3] + ",";
        if (!byMount.count(mount))
            order.push_back(mount);
        byMount[mount] = {{"device", unescapeMountField(f[0])},
                          {"mount", mount},
                          {"type", f[2]},
                          {"total", total},
                          {"used", used},
                          {"available", uint64_t(st.f_bavail) * unit},
                          {"readOnly", (st.f_flag & ST_RDONLY) != 0
                                           || opts.find(",ro,") != std::string::npos}};
    }
    json list = json::array();
    for (const auto &mount : order)
        list.push_back(byMount[mount]);
    return list;
}

} // namespace qwqhelper::host
