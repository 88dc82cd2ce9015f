// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// networks.*: list, create, remove, connect, disconnect.
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <set>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

std::string networkPath(const std::string &name, const char *suffix = "")
{
    return "/networks/" + docker::percentEncode(name) + suffix;
}

json networksList(const Params &params, const Context &context)
{
    docker::Engine engine(params, context);
    const json list = engine.get("/networks");
    json out = json::array();
    if (list.is_array())
        for (const auto &n : list)
            out.push_back(docker::convert::network(n));
    return {{"networks", std::move(out)}};
}

json networksCreate(const Params &params, const Context &context)
{
    const std::string name = v::network(params, "name");
    json body = {{"Name", name}, {"CheckDuplicate", true}};
    if (const auto driver = v::driver(params))
        body["Driver"] = *driver;
    if (const auto internal = params.optionalBool("internal"))
        body["Internal"] = *internal;
    if (const auto attachable = params.optionalBool("attachable"))
        body["Attachable"] = *attachable;
    body["Labels"] = v::labels(params);
    const auto subnet = v::ipAddress(params, "subnet", true);
    const auto gateway = v::ipAddress(params, "gateway", false);
    if (gateway && !subnet)
        throw invalidValue("subnet", "a gateway needs a subnet", "give the subnet too");
    if (subnet) {
        json config = {{"Subnet", *subnet}};
        if (gateway)
            config["Gateway"] = *gateway;
        body["IPAM"] = {{"Driver", "default"}, {"Config", json::array({config})}};
    }
    docker::Engine engine(params, context);
    const json r = engine.call("POST", "/networks/create", {}, body, {"name", name}).body;
    return {{"id", r.value("Id", std::string())}, {"name", name},
            {"warning", r.value("Warning", std::string())}};
}

json networksRemove(const Params &params, const Context &context)
{
    const std::string network = v::network(params);
    docker::Engine engine(params, context);
    engine.call("DELETE", networkPath(network), {}, nullptr, {"network", network});
    return {{"network", network}, {"removed", true}};
}

// A 404 from connect/disconnect may be about either object; Docker's message says which.
void connectCall(docker::Engine &engine, const std::string &network, const char *action,
                 const json &body, const std::string &container)
{
    try {
        engine.call("POST", networkPath(network, action), {}, body, {"network", network});
    } catch (const RpcError &e) {
        const std::string detail = e.data.value("detail", std::string());
        if (e.code == Code::DockerNotFound && detail.find("ontainer") != std::string::npos)
            throw docker::notFound({"container", container}, detail);
        throw;
    }
}

json networksConnect(const Params &params, const Context &context)
{
    const std::string network = v::network(params);
    const std::string container = v::container(params, "container");
    json aliases = json::array();
    for (const auto &alias : params.stringList("aliases")) {
        if (!v::isContainerName(alias))
            throw invalidValue("aliases", "invalid network alias",
                               "letters, digits, '_', '.' and '-', starting with a letter or digit");
        aliases.push_back(alias);
    }
    json body = {{"Container", container}};
    if (!aliases.empty())
        body["EndpointConfig"] = {{"Aliases", aliases}};
    docker::Engine engine(params, context);
    connectCall(engine, network, "/connect", body, container);
    return {{"network", network}, {"container", container}, {"connected", true}};
}

json networksDisconnect(const Params &params, const Context &context)
{
    const std::string network = v::network(params);
    const std::string container = v::container(params, "container");
    const json body = {{"Container", container},
                       {"Force", params.optionalBool("force").value_or(false)}};
    docker::Engine engine(params, context);
    connectCall(engine, network, "/disconnect", body, container);
    return {{"network", network}, {"container", container}, {"connected", false}};
}

} // namespace

// Networks no container uses, running or stopped (Docker's own prune also takes those of
// stopped containers, which then cannot start again): Docker's predefined ones never.
json unusedNetworks(docker::Engine &engine)
{
    std::set<std::string> used;
    const json containers = engine.get("/containers/json", {{"all", "1"}});
    if (containers.is_array())
        for (const auto &c : containers)
            if (c.contains("NetworkSettings") && c["NetworkSettings"].is_object()
                && c["NetworkSettings"].contains("Networks")
                && c["NetworkSettings"]["Networks"].is_object())
                for (const auto &[name, n] : c["NetworkSettings"]["Networks"].items()) {
                    used.insert(name);
                    if (n.is_object() && n.contains("NetworkID") && n["NetworkID"].is_string())
                        used.insert(n["NetworkID"].get<std::string>());
                }
    json unused = json::array();
    const json list = engine.get("/networks");
    if (list.is_array())
        for (const auto &n : list) {
            const std::string name = n.value("Name", std::string());
            const std::string id = n.value("Id", std::string());
            if (name == "bridge" || name == "host" || name == "none" || name == "ingress"
                || n.value("Scope", std::string("local")) == "swarm" || used.count(name)
                || used.count(id))
                continue;
            unused.push_back({{"id", id}, {"name", name}});
        }
    return unused;
}

json networksPrune(const Params &params, const Context &context, bool forceDryRun)
{
    const bool dryRun = forceDryRun || params.optionalBool("dryRun").value_or(false);
    docker::Engine engine(params, context);
    json names = json::array();
    for (const auto &n : unusedNetworks(engine)) {
        if (!dryRun) {
            context.throwIfCancelled();
            try {
                engine.call("DELETE", "/networks/" + docker::percentEncode(n["id"].get<std::string>()),
                            {}, nullptr, {"network", n["name"].get<std::string>()});
            } catch (const RpcError &e) {
                // Taken meanwhile (409/403 "has active endpoints") or gone: kept, not an error.
                if (e.code != Code::DockerConflict && e.code != Code::DockerNotFound
                    && e.code != Code::DockerError)
                    throw;
                continue;
            }
        }
        names.push_back(n["name"]);
    }
    return {{"dryRun", dryRun}, {"networks", names}};
}

QWQ_STARTUP void registerNetworkMethods(Dispatcher &dispatcher)
{
    dispatcher.add("networks.list", Risk::Read, networksList);
    dispatcher.add("networks.create", Risk::Mutating, networksCreate);
    dispatcher.add("networks.remove", Risk::Destructive, networksRemove);
    dispatcher.add("networks.connect", Risk::Mutating, networksConnect);
    dispatcher.add("networks.prune", Risk::Destructive,
                   [](const Params &p, const Context &c) { return networksPrune(p, c, false); });
    dispatcher.add("networks.pruneDryRun", Risk::Read,
                   [](const Params &p, const Context &c) { return networksPrune(p, c, true); });
    dispatcher.add("networks.disconnect", Risk::Mutating, networksDisconnect);
}

} // namespace qwqhelper
