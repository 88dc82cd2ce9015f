// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// databases.discover's containers: running containers whose image or exposed ports say which
// engine they run, with the address the server reaches them at.
#include "databases/discover.h"

#include "docker/engine.h"

#include <set>

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

} // namespace

std::string engineOfImage(const std::string &image)
{
    std::string path = image;
    if (const std::size_t at = path.find('@'); at != std::string::npos)
        path.resize(at);
    const std::size_t slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (const std::size_t colon = name.find(':'); colon != std::string::npos)
        name.resize(colon);
    static const std::pair<const char *, const char *> kNames[] = {
        {"postgres", "postgresql"}, {"postgresql", "postgresql"}, {"postgis", "postgresql"},
        {"timescaledb", "postgresql"}, {"timescaledb-ha", "postgresql"},
        {"mariadb", "mariadb"}, {"mariadb-server", "mariadb"},
        {"mysql", "mysql"}, {"mysql-server", "mysql"}, {"percona", "mysql"},
        {"percona-server", "mysql"},
        {"redis", "redis"}, {"redis-stack", "redis"}, {"redis-stack-server", "redis"},
        {"valkey", "redis"}, {"keydb", "redis"}};
    for (const auto &[n, engine] : kNames)
        if (name == n)
            return engine;
    return {};
}

json discoverContainers(docker::Engine &engine)
{
    const json list = engine.get("/containers/json");
    json instances = json::array();
    if (!list.is_array())
        return instances;
    for (const auto &c : list) {
        if (!c.is_object())
            continue;
        const std::string id = c.value("Id", std::string());
        std::string name;
        if (c.contains("Names") && c["Names"].is_array() && !c["Names"].empty() && c["Names"][0].is_string()) {
            name = c["Names"][0].get<std::string>();
            if (!name.empty() && name[0] == '/')
                name.erase(0, 1);
        }
        const std::string image = c.value("Image", std::string());

        json networks = json::array();
        bool hostNetwork = false;
        if (c.contains("HostConfig") && c["HostConfig"].is_object())
            hostNetwork = c["HostConfig"].value("NetworkMode", std::string()) == "host";
        if (c.contains("NetworkSettings") && c["NetworkSettings"].is_object()
            && c["NetworkSettings"].contains("Networks") && c["NetworkSettings"]["Networks"].is_object())
            for (const auto &[net, info] : c["NetworkSettings"]["Networks"].items()) {
                if (!info.is_object())
                    continue;
                const std::string ip = info.value("IPAddress", std::string());
                const std::string ip6 = info.value("GlobalIPv6Address", std::string());
                networks.push_back({{"name", net}, {"ip", ip.empty() ? json(nullptr) : json(ip)},
                                    {"ipv6", ip6.empty() ? json(nullptr) : json(ip6)}});
            }
        json ports = json::array();
        std::set<int> exposed;
        if (c.contains("Ports") && c["Ports"].is_array())
            for (const auto &p : c["Ports"]) {
                if (!p.is_object() || p.value("Type", std::string("tcp")) != "tcp"
                    || !p.contains("PrivatePort") || !p["PrivatePort"].is_number_integer())
                    continue;
                const int priv = p["PrivatePort"].get<int>();
                exposed.insert(priv);
                if (p.contains("PublicPort") && p["PublicPort"].is_number_integer())
                    ports.push_back({{"port", priv}, {"hostIp", p.value("IP", std::string())},
                                     {"hostPort", p["PublicPort"].get<int>()}});
            }

        // Which engines: the image's, else each well-known port the container exposes.
        std::vector<std::pair<std::string, int>> engines;
        if (const std::string e = engineOfImage(image); !e.empty())
            engines.emplace_back(e, defaultPort(e));
        else
            for (const char *e : {"postgresql", "mysql", "redis"})
                if (exposed.count(defaultPort(e)))
                    engines.emplace_back(e, defaultPort(e));

        // The image tag as the version ("postgres:15.5" → "15.5"; not "latest").
        json version = nullptr;
        {
            std::string ref = image.substr(0, image.find('@'));
            const std::size_t slash = ref.rfind('/');
            const std::size_t colon = ref.rfind(':');
            if (colon != std::string::npos && (slash == std::string::npos || colon > slash)
                && ref.compare(0, 7, "sha256:") != 0) {
                const std::string tag = ref.substr(colon + 1);
                if (tag != "latest" && !tag.empty())
                    version = tag;
            }
        }
        for (const auto &[e, port] : engines) {
            json entry = {{"engine", e}, {"source", "container"}, {"host", nullptr}, {"port", nullptr},
                          {"addresses", json::array()}, {"unixSocket", nullptr}, {"pid", nullptr},
                          {"binary", nullptr}, {"version", version}};
            // Reachable from the server: a published port first (IPv4 before IPv6), then the
            // host network, then the container's address on its first network.
            json published = nullptr;
            for (const auto &p : ports)
                if (p["port"] == port && (published.is_null()
                                          || (published["hostIp"].get<std::string>().find(':') != std::string::npos
                                              && p["hostIp"].get<std::string>().find(':') == std::string::npos)))
                    published = p;
            if (!published.is_null()) {
                const std::string hostIp = published["hostIp"].get<std::string>();
                entry["host"] = hostIp.empty() ? "127.0.0.1" : reachableHost({hostIp});
                entry["port"] = published["hostPort"];
                entry["addresses"] = json::array({hostIp.empty() ? "0.0.0.0" : hostIp});
            } else if (hostNetwork) {
                entry["host"] = "127.0.0.1";
                entry["port"] = port;
            } else {
                for (const auto &n : networks)
                    if (!n["ip"].is_null()) {
                        entry["host"] = n["ip"];
                        entry["port"] = port;
                        break;
                    }
            }
            entry["container"] = {{"id", id}, {"name", name}, {"image", image},
                                  {"port", port}, {"networks", networks}, {"ports", ports},
                                  {"hostNetwork", hostNetwork}};
            instances.push_back(std::move(entry));
        }
    }
    return instances;
}

} // namespace qwqhelper::databases
