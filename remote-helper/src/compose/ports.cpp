// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/ports.h"

#include "docker/engine.h"
#include "hostfacts.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstdint>
#include <cstring>

namespace qwqhelper::compose {

using nlohmann::json;

namespace {

bool isWildcard(const std::string &ip)
{
    return ip == "0.0.0.0" || ip == "::" || ip.empty();
}

bool overlaps(const std::string &a, const std::string &b)
{
    return isWildcard(a) || isWildcard(b) || a == b
           || (a == "::ffff:" + b) || (b == "::ffff:" + a);
}

uint32_t hexWord(const std::string &s)
{
    return static_cast<uint32_t>(std::stoul(s, nullptr, 16));
}

} // namespace

std::vector<Listener> parseProcNet(const std::string &text, const std::string &protocol, bool v6)
{
    std::vector<Listener> out;
    std::size_t start = text.find('\n'); // skip the header line
    while (start != std::string::npos && start + 1 < text.size()) {
        const std::size_t end = text.find('\n', start + 1);
        const auto fields = host::splitWhitespace(text.substr(start + 1, end - start - 1));
        start = end;
        if (fields.size() < 4)
            continue;
        const std::string &state = fields[3];
        if ((protocol == "tcp" && state != "0A") || (protocol == "udp" && state != "07"))
            continue;
        const auto colon = fields[1].find(':');
        if (colon == std::string::npos)
            continue;
        const std::string addr = fields[1].substr(0, colon);
        Listener l;
        l.protocol = protocol;
        try {
            l.port = static_cast<int>(std::stoul(fields[1].substr(colon + 1), nullptr, 16));
            char buf[INET6_ADDRSTRLEN] = {};
            if (!v6 && addr.size() == 8) {
                const uint32_t raw = hexWord(addr); // in host (little-endian) order as printed
                in_addr a{};
                std::memcpy(&a, &raw, 4);
                inet_ntop(AF_INET, &a, buf, sizeof buf);
            } else if (v6 && addr.size() == 32) {
                in6_addr a{};
                for (int w = 0; w < 4; ++w) {
                    const uint32_t raw = hexWord(addr.substr(w * 8, 8));
                    std::memcpy(reinterpret_cast<unsigned char *>(&a) + w * 4, &raw, 4);
                }
                inet_ntop(AF_INET6, &a, buf, sizeof buf);
            } else {
                continue;
            }
            l.ip = buf;
        } catch (const std::exception &) {
            continue;
        }
        out.push_back(l);
    }
    return out;
}

std::vector<Listener> hostListeners()
{
    std::vector<Listener> all;
    const struct
    {
        const char *path;
        const char *protocol;
        bool v6;
    } files[] = {{"/proc/net/tcp", "tcp", false}, {"/proc/net/tcp6", "tcp", true},
                 {"/proc/net/udp", "udp", false}, {"/proc/net/udp6", "udp", true}};
    for (const auto &f : files)
        if (const auto text = host::readFile(f.path)) {
            auto part = parseProcNet(*text, f.protocol, f.v6);
            all.insert(all.end(), part.begin(), part.end());
        }
    return all;
}

json checkPorts(const std::vector<Spec::Port> &ports, docker::Engine *engine,
                const std::string &project)
{
    json out = json::array();
    if (ports.empty())
        return out;
    const auto listeners = hostListeners();

    struct Published
    {
        std::string ip;
        int port;
        std::string protocol;
        std::string container;
    };
    std::vector<Published> published;
    std::vector<Published> own; // the project's: a listener on one of these is Docker's, for it
    if (engine) {
        const json list = engine->get("/containers/json");
        if (list.is_array())
            for (const auto &c : list) {
                const json labels = c.value("Labels", json::object());
                const bool mine = labels.is_object()
                    && labels.value("com.docker.compose.project", std::string()) == project;
                std::string name;
                if (c.contains("Names") && c["Names"].is_array() && !c["Names"].empty()
                    && c["Names"][0].is_string())
                    name = c["Names"][0].get<std::string>();
                if (!name.empty() && name[0] == '/')
                    name.erase(0, 1);
                if (c.contains("Ports") && c["Ports"].is_array())
                    for (const auto &p : c["Ports"])
                        if (p.contains("PublicPort") && p["PublicPort"].is_number_integer())
                            (mine ? own : published).push_back({p.value("IP", std::string()),
                                                 p["PublicPort"].get<int>(),
                                                 p.value("Type", std::string("tcp")), name});
            }
    }

    for (const auto &p : ports) {
        json entry = {{"service", p.service}, {"hostIp", p.hostIp}, {"port", p.port},
                      {"protocol", p.protocol}, {"inUse", false}, {"by", nullptr},
                      {"line", p.line}, {"column", p.column}};
        for (const auto &c : published)
            if (c.port == p.port && c.protocol == p.protocol && overlaps(c.ip, p.hostIp)) {
                entry["inUse"] = true;
                entry["by"] = "container " + c.container;
                break;
            }
        if (!entry["inUse"].get<bool>())
            for (const auto &l : listeners)
                if (l.port == p.port && l.protocol == p.protocol && overlaps(l.ip, p.hostIp)
                    && std::none_of(own.begin(), own.end(), [&l](const Published &o) {
                           // Docker holds the ports it publishes open itself
                           return o.port == l.port && o.protocol == l.protocol
                                  && (o.ip == l.ip || isWildcard(o.ip));
                       })) {
                    entry["inUse"] = true;
                    entry["by"] = "process";
                    break;
                }
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace qwqhelper::compose
