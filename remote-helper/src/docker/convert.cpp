// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/convert.h"

#include <cctype>

namespace qwqhelper::docker::convert {

using nlohmann::json;

namespace {

std::string str(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t num(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<int64_t>() : 0;
}

double real(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

const json &member(const json &j, const char *key)
{
    static const json empty = json::object();
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}

json stringArray(const json &j, const char *key)
{
    json out = json::array();
    if (const auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string())
                out.push_back(v);
    return out;
}

json objectOrEmpty(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : json::object();
}

std::string stripSlash(std::string s)
{
    if (!s.empty() && s[0] == '/')
        s.erase(0, 1);
    return s;
}

} // namespace

json compose(const json &labels)
{
    const std::string project = str(labels, "com.docker.compose.project");
    if (project.empty())
        return nullptr;
    json files = json::array();
    const std::string list = str(labels, "com.docker.compose.project.config_files");
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos)
            comma = list.size();
        if (comma > start)
            files.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    json c = {{"project", project},
              {"service", str(labels, "com.docker.compose.service")},
              {"workingDir", str(labels, "com.docker.compose.project.working_dir")},
              {"configFiles", files},
              {"version", str(labels, "com.docker.compose.version")}};
    const std::string number = str(labels, "com.docker.compose.container-number");
    c["number"] = !number.empty() && std::isdigit(static_cast<unsigned char>(number[0]))
                      ? json(std::atoi(number.c_str()))
                      : json(nullptr);
    return c;
}

json container(const json &c)
{
    json names = json::array();
    if (const auto it = c.find("Names"); it != c.end() && it->is_array())
        for (const auto &n : *it)
            if (n.is_string())
                names.push_back(stripSlash(n.get<std::string>()));
    json ports = json::array();
    if (const auto it = c.find("Ports"); it != c.end() && it->is_array())
        for (const auto &p : *it) {
            json port = {{"privatePort", num(p, "PrivatePort")}, {"type", str(p, "Type")}};
            port["ip"] = p.contains("IP") ? json(str(p, "IP")) : json(nullptr);
            port["publicPort"] = p.contains("PublicPort") ? json(num(p, "PublicPort")) : json(nullptr);
            ports.push_back(std::move(port));
        }
    json networks = json::array();
    for (const auto &[name, n] : member(member(c, "NetworkSettings"), "Networks").items())
        networks.push_back({{"name", name}, {"ip", str(n, "IPAddress")}});
    json mounts = json::array();
    if (const auto it = c.find("Mounts"); it != c.end() && it->is_array())
        for (const auto &m : *it)
            mounts.push_back({{"type", str(m, "Type")},
                              {"name", str(m, "Name")},
                              {"source", str(m, "Source")},
                              {"destination", str(m, "Destination")},
                              {"rw", m.value("RW", true)}});
    const json labels = objectOrEmpty(c, "Labels");
    return {{"id", str(c, "Id")},
            {"name", names.empty() ? std::string() : names[0].get<std::string>()},
            {"names", names},
            {"image", str(c, "Image")},
            {"imageId", str(c, "ImageID")},
            {"command", str(c, "Command")},
            {"created", num(c, "Created")},
            {"state", str(c, "State")},
            {"status", str(c, "Status")},
            {"ports", ports},
            {"labels", labels},
            {"compose", compose(labels)},
            {"networks", networks},
            {"mounts", mounts}};
}

json image(const json &i)
{
    // Docker writes "<none>:<none>" / "<none>@<none>" for untagged images; leave them out.
    json tags = json::array();
    for (const auto &t : stringArray(i, "RepoTags"))
        if (t != "<none>:<none>")
            tags.push_back(t);
    json digests = json::array();
    for (const auto &d : stringArray(i, "RepoDigests"))
        if (d != "<none>@<none>")
            digests.push_back(d);
    return {{"id", str(i, "Id")},
            {"parentId", str(i, "ParentId")},
            {"repoTags", tags},
            {"repoDigests", digests},
            {"dangling", tags.empty()},
            {"created", num(i, "Created")},
            {"size", num(i, "Size")},
            {"sharedSize", num(i, "SharedSize")},
            {"containers", num(i, "Containers")},
            {"labels", objectOrEmpty(i, "Labels")}};
}

json volume(const json &v)
{
    const json &usage = member(v, "UsageData");
    json out = {{"name", str(v, "Name")},
                {"driver", str(v, "Driver")},
                {"mountpoint", str(v, "Mountpoint")},
                {"createdAt", str(v, "CreatedAt")},
                {"scope", str(v, "Scope")},
                {"labels", objectOrEmpty(v, "Labels")},
                {"options", objectOrEmpty(v, "Options")}};
    if (!usage.empty()) {
        out["size"] = num(usage, "Size");
        out["refCount"] = num(usage, "RefCount");
    }
    return out;
}

json network(const json &n)
{
    json subnets = json::array();
    if (const auto it = member(n, "IPAM").find("Config"); it != member(n, "IPAM").end() && it->is_array())
        for (const auto &c : *it)
            subnets.push_back({{"subnet", str(c, "Subnet")}, {"gateway", str(c, "Gateway")}});
    json containers = json::array();
    for (const auto &[id, c] : member(n, "Containers").items())
        containers.push_back({{"id", id}, {"name", str(c, "Name")},
                              {"ipv4", str(c, "IPv4Address")}});
    return {{"id", str(n, "Id")},
            {"name", str(n, "Name")},
            {"driver", str(n, "Driver")},
            {"scope", str(n, "Scope")},
            {"created", str(n, "Created")},
            {"internal", n.value("Internal", false)},
            {"attachable", n.value("Attachable", false)},
            {"ipv6", n.value("EnableIPv6", false)},
            {"subnets", subnets},
            {"containers", containers},
            {"labels", objectOrEmpty(n, "Labels")}};
}

json stats(const json &s)
{
    const json &cpu = member(s, "cpu_stats");
    const json &pre = member(s, "precpu_stats");
    const double cpuDelta = real(member(cpu, "cpu_usage"), "total_usage")
                            - real(member(pre, "cpu_usage"), "total_usage");
    const double systemDelta = real(cpu, "system_cpu_usage") - real(pre, "system_cpu_usage");
    double online = real(cpu, "online_cpus");
    if (online == 0.0)
        if (const auto it = member(cpu, "cpu_usage").find("percpu_usage");
            it != member(cpu, "cpu_usage").end() && it->is_array())
            online = static_cast<double>(it->size());
    double cpuPercent = 0.0;
    // Without a previous sample (the first of a stream) the delta would be since boot: say 0.
    if (real(pre, "system_cpu_usage") > 0.0 && systemDelta > 0.0 && cpuDelta > 0.0)
        cpuPercent = cpuDelta / systemDelta * online * 100.0;

    const json &mem = member(s, "memory_stats");
    const json &memStats = member(mem, "stats");
    int64_t usage = num(mem, "usage");
    if (memStats.contains("total_inactive_file") && num(memStats, "total_inactive_file") < usage)
        usage -= num(memStats, "total_inactive_file"); // cgroup v1
    else if (memStats.contains("inactive_file") && num(memStats, "inactive_file") < usage)
        usage -= num(memStats, "inactive_file"); // cgroup v2
    const int64_t limit = num(mem, "limit");

    int64_t rx = 0, tx = 0;
    for (const auto &[name, n] : member(s, "networks").items()) {
        rx += num(n, "rx_bytes");
        tx += num(n, "tx_bytes");
    }
    int64_t blkRead = 0, blkWrite = 0;
    if (const auto it = member(s, "blkio_stats").find("io_service_bytes_recursive");
        it != member(s, "blkio_stats").end() && it->is_array())
        for (const auto &e : *it) {
            std::string op = str(e, "op");
            for (auto &ch : op)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (op == "read")
                blkRead += num(e, "value");
            else if (op == "write")
                blkWrite += num(e, "value");
        }

    return {{"read", str(s, "read")},
            {"cpuPercent", cpuPercent},
            {"onlineCpus", online},
            {"memory", {{"usage", usage},
                        {"limit", limit},
                        {"percent", limit > 0 ? 100.0 * double(usage) / double(limit) : 0.0}}},
            {"net", {{"rxBytes", rx}, {"txBytes", tx}}},
            {"block", {{"readBytes", blkRead}, {"writeBytes", blkWrite}}},
            {"pids", num(member(s, "pids_stats"), "current")}};
}

} // namespace qwqhelper::docker::convert
