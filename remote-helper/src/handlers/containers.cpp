// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// containers.*: list, inspect, top and the lifecycle calls, over the Docker Engine API.
// Streams (logs, stats) are in containerstreams.cpp. Every id and value is validated
// (docker/validate.h) before it reaches a URL; nothing runs through a shell.
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

constexpr int64_t kMaxStopTimeout = 3600;

std::string containerPath(const std::string &id, const char *suffix = "")
{
    return "/containers/" + docker::percentEncode(id) + suffix;
}

json containersList(const Params &params, const Context &context)
{
    docker::Engine engine(params, context);
    docker::Query query;
    if (params.optionalBool("all").value_or(true))
        query.emplace_back("all", "1");
    if (const auto project = params.optionalString("project")) {
        // Only the containers of one compose project (its label), e.g. for a project view.
        if (!v::isContainerName(*project))
            throw invalidValue("project", "invalid compose project name",
                               "letters, digits, '_', '.' and '-'");
        query.emplace_back("filters", docker::filtersJson(
                                          {{"label", {"com.docker.compose.project=" + *project}}}));
    }
    const json list = engine.get("/containers/json", query);
    json out = json::array();
    if (list.is_array())
        for (const auto &c : list)
            out.push_back(docker::convert::container(c));
    return {{"containers", std::move(out)}};
}

json containersInspect(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    docker::Engine engine(params, context);
    return {{"container", engine.get(containerPath(id, "/json"), {}, {"id", id})}};
}

json containersTop(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    docker::Engine engine(params, context);
    const json top = engine.get(containerPath(id, "/top"), {}, {"id", id});
    return {{"titles", top.value("Titles", json::array())},
            {"processes", top.value("Processes", json::array())}};
}

// POST /containers/{id}/<action>: 204 done, 304 nothing to do (already started/stopped).
json lifecycle(const Params &params, const Context &context, const char *action,
               docker::Query query = {}, int timeoutMs = docker::Engine::kDefaultTimeoutMs)
{
    const std::string id = v::container(params);
    docker::Engine engine(params, context);
    const auto r = engine.call("POST", containerPath(id, action), query, nullptr, {"id", id},
                               timeoutMs);
    return {{"id", id}, {"changed", r.status != 304}};
}

json stopLike(const Params &params, const Context &context, const char *action)
{
    v::container(params); // a bad id is named before a bad timeout
    docker::Query query;
    int timeoutMs = docker::Engine::kDefaultTimeoutMs;
    if (const auto t = v::intInRange(params, "timeout", 0, kMaxStopTimeout)) {
        query.emplace_back("t", std::to_string(*t));
        timeoutMs += static_cast<int>(*t) * 1000; // Docker answers only once it has stopped
    }
    return lifecycle(params, context, action, query, timeoutMs);
}

json containersStart(const Params &p, const Context &c) { return lifecycle(p, c, "/start"); }
json containersStop(const Params &p, const Context &c) { return stopLike(p, c, "/stop"); }
json containersRestart(const Params &p, const Context &c) { return stopLike(p, c, "/restart"); }
json containersPause(const Params &p, const Context &c) { return lifecycle(p, c, "/pause"); }
json containersUnpause(const Params &p, const Context &c) { return lifecycle(p, c, "/unpause"); }

json containersKill(const Params &params, const Context &context)
{
    v::container(params); // validated first, so a bad id is named before a bad signal
    const std::string signal = v::signal(params);
    return lifecycle(params, context, "/kill", {{"signal", signal}});
}

json containersRemove(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    docker::Query query;
    if (params.optionalBool("force").value_or(false))
        query.emplace_back("force", "1");
    if (params.optionalBool("volumes").value_or(false))
        query.emplace_back("v", "1");
    docker::Engine engine(params, context);
    engine.call("DELETE", containerPath(id), query, nullptr, {"id", id});
    return {{"id", id}, {"removed", true}};
}

json containersRename(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    const std::string name = v::container(params, "name");
    docker::Engine engine(params, context);
    engine.call("POST", containerPath(id, "/rename"), {{"name", name}}, nullptr, {"id", id});
    return {{"id", id}, {"name", name}};
}

} // namespace

QWQ_STARTUP void registerContainerMethods(Dispatcher &dispatcher)
{
    dispatcher.add("containers.list", Risk::Read, containersList);
    // Inspect carries Config.Env, where passwords live: secret-read.
    dispatcher.add("containers.inspect", Risk::SecretRead, containersInspect);
    dispatcher.add("containers.top", Risk::Read, containersTop);
    dispatcher.add("containers.start", Risk::Mutating, containersStart);
    dispatcher.add("containers.stop", Risk::Mutating, containersStop);
    dispatcher.add("containers.restart", Risk::Mutating, containersRestart);
    dispatcher.add("containers.kill", Risk::Mutating, containersKill);
    dispatcher.add("containers.pause", Risk::Mutating, containersPause);
    dispatcher.add("containers.unpause", Risk::Mutating, containersUnpause);
    dispatcher.add("containers.rename", Risk::Mutating, containersRename);
    dispatcher.add("containers.remove", Risk::Destructive, containersRemove);
    registerContainerStreamMethods(dispatcher);
    registerContainerCreateMethods(dispatcher);
    registerContainerExecMethods(dispatcher);
}

} // namespace qwqhelper
