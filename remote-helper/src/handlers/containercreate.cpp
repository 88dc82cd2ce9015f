// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// containers.create: a deliberately small, validated subset of Docker's create. What makes a
// container powerful over its host (privileged, capabilities, devices, bind mounts of host
// paths, host network or PID namespace) is not accepted here at all: those belong to a deploy
// that shows its findings first (SECURITY.md, E). Published ports bind to 127.0.0.1 unless
// the request names another address.
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <algorithm>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

RpcError wrongShape(const char *field, const char *what)
{
    return RpcError(Code::InvalidParams, std::string("invalid params: ") + field + " " + what,
                    errorData(field));
}

// An optional integer member of an item; -1 when absent.
int64_t member(const json &item, const char *field, const char *key, int64_t min, int64_t max)
{
    const auto it = item.find(key);
    if (it == item.end() || it->is_null())
        return -1;
    if (!it->is_number_integer())
        throw wrongShape(field, "members must be integers where numbers are expected");
    const int64_t n = it->get<int64_t>();
    if (n < min || n > max)
        throw outOfRange(field, min, max);
    return n;
}

std::string stringMember(const json &item, const char *field, const char *key)
{
    const auto it = item.find(key);
    if (it == item.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw wrongShape(field, "members must be strings where text is expected");
    return it->get<std::string>();
}

// [{"container": 80, "host": 8080, "hostIp": "127.0.0.1", "protocol": "tcp"}] → ExposedPorts
// and PortBindings. host 0 or absent: a free port; hostIp absent: 127.0.0.1.
void ports(const Params &params, json &body, json &hostConfig)
{
    const json *list = params.optionalArray("ports");
    if (!list)
        return;
    if (list->size() > 256)
        throw invalidValue("ports", "too many ports", "at most 256");
    json exposed = json::object();
    json bindings = json::object();
    for (const auto &p : *list) {
        if (!p.is_object())
            throw wrongShape("ports", "must be an array of objects");
        const int64_t container = member(p, "ports", "container", 1, 65535);
        if (container < 0)
            throw invalidValue("ports", "a port needs its container port", "container: 1 to 65535");
        const int64_t host = std::max<int64_t>(0, member(p, "ports", "host", 0, 65535));
        std::string protocol = stringMember(p, "ports", "protocol");
        if (protocol.empty())
            protocol = "tcp";
        if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
            throw invalidValue("ports", "invalid protocol", "tcp, udp or sctp");
        std::string hostIp = stringMember(p, "ports", "hostIp");
        if (hostIp.empty())
            hostIp = "127.0.0.1";
        if (!v::ipAddress(Params(json{{"ports", hostIp}}), "ports", false))
            throw invalidValue("ports", "invalid host address", "an IPv4 or IPv6 address");
        const std::string key = std::to_string(container) + "/" + protocol;
        exposed[key] = json::object();
        bindings[key].push_back({{"HostIp", hostIp},
                                 {"HostPort", host > 0 ? std::to_string(host) : std::string()}});
    }
    body["ExposedPorts"] = exposed;
    hostConfig["PortBindings"] = bindings;
}

// [{"volume": "data", "target": "/data", "readOnly": false}]: named volumes only.
json mounts(const Params &params)
{
    json out = json::array();
    const json *list = params.optionalArray("volumes");
    if (!list)
        return out;
    for (const auto &m : *list) {
        if (!m.is_object())
            throw wrongShape("volumes", "must be an array of objects");
        const std::string volume = stringMember(m, "volumes", "volume");
        const std::string target = stringMember(m, "volumes", "target");
        if (volume.empty() || !v::isContainerName(volume) || volume.size() < 2)
            throw invalidValue("volumes", "invalid volume name",
                               "a named volume: letters, digits, '_', '.' and '-'");
        if (!v::isContainerPath(target))
            throw invalidValue("volumes", "invalid mount target",
                               "an absolute path inside the container, without '..'");
        const auto ro = m.find("readOnly");
        if (ro != m.end() && !ro->is_null() && !ro->is_boolean())
            throw wrongShape("volumes", "readOnly must be true or false");
        out.push_back({{"Type", "volume"}, {"Source", volume}, {"Target", target},
                       {"ReadOnly", ro != m.end() && ro->is_boolean() && ro->get<bool>()}});
    }
    return out;
}

json containersCreate(const Params &params, const Context &context)
{
    const std::string image = v::image(params);
    docker::Query query;
    std::string name;
    if (params.has("name")) {
        name = v::container(params, "name");
        query.emplace_back("name", name);
    }
    json body = {{"Image", image}, {"Labels", v::labels(params)}};
    if (params.has("cmd"))
        body["Cmd"] = v::argv(params, "cmd");
    body["Env"] = v::environment(params, "env");
    json hostConfig = json::object();
    ports(params, body, hostConfig);
    hostConfig["Mounts"] = mounts(params);
    const std::string restart = params.optionalString("restart").value_or("no");
    if (restart != "no" && restart != "always" && restart != "unless-stopped"
        && restart != "on-failure")
        throw invalidValue("restart", "invalid restart policy",
                           "no, always, unless-stopped or on-failure");
    hostConfig["RestartPolicy"] = {{"Name", restart}};
    if (const auto init = params.optionalBool("init"))
        hostConfig["Init"] = *init;
    if (params.has("network")) {
        const std::string network = v::network(params);
        if (network == "host")
            throw invalidValue("network", "the host network is not offered here",
                               "a bridge or user-defined network, or none");
        hostConfig["NetworkMode"] = network;
    }
    body["HostConfig"] = hostConfig;

    docker::Engine engine(params, context);
    const json r = engine.call("POST", "/containers/create", query, body, {"image", image, "image"})
                       .body;
    return {{"id", r.value("Id", std::string())},
            {"name", name},
            {"warnings", r.value("Warnings", json::array()).is_array()
                             ? r.value("Warnings", json::array())
                             : json::array()}};
}

} // namespace

QWQ_STARTUP void registerContainerCreateMethods(Dispatcher &dispatcher)
{
    dispatcher.add("containers.create", Risk::Mutating, containersCreate);
}

} // namespace qwqhelper
