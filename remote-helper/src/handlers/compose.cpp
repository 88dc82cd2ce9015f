// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// compose.list and the per-project commands (up, down, restart, stop, start, pull, logs).
#include "compose/cli.h"
#include "compose/project.h"
#include "compose/spec.h"
#include "compose/store.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "fsutil.h"
#include "handlers/handlers.h"
#include "selfheal/state.h"

#include <map>
#include <regex>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

std::string containerName(const json &c)
{
    std::string name;
    if (c.contains("Names") && c["Names"].is_array() && !c["Names"].empty()
        && c["Names"][0].is_string())
        name = c["Names"][0].get<std::string>();
    if (!name.empty() && name[0] == '/')
        name.erase(0, 1);
    return name;
}

// Docker's list gives health and exit code only inside the Status text:
// "Up 2 hours (healthy)", "Exited (137) 5 seconds ago".
json healthOf(const std::string &status)
{
    if (status.find("(healthy)") != std::string::npos)
        return "healthy";
    if (status.find("(unhealthy)") != std::string::npos)
        return "unhealthy";
    if (status.find("(health: starting)") != std::string::npos)
        return "starting";
    return nullptr;
}

json exitCodeOf(const std::string &state, const std::string &status)
{
    static const std::regex exited(R"(^Exited \((-?\d+)\))");
    std::smatch m;
    if (state == "exited" && std::regex_search(status, m, exited))
        return std::stoi(m[1]);
    return nullptr;
}

std::string summarize(int running, int total)
{
    if (total == 0)
        return "down";
    if (running == total)
        return "running";
    return running == 0 ? "exited" : "partial";
}

json composeList(const Params &params, const Context &context)
{
    docker::Engine engine(params, context);
    const json filters = {{"label", {"com.docker.compose.project"}}};
    const json list = engine.get("/containers/json", {{"all", "1"}, {"filters", filters.dump()}});
    compose::Store store;

    struct ProjectInfo
    {
        json labels;
        std::map<std::string, std::vector<json>> services;
        std::map<std::string, std::string> images;
        std::map<std::string, int> counts;
        int running = 0, total = 0;
    };
    std::map<std::string, ProjectInfo> projects;
    if (list.is_array())
        for (const auto &c : list) {
            const json labels = c.value("Labels", json::object());
            if (!labels.is_object())
                continue;
            const std::string project = labels.value("com.docker.compose.project", std::string());
            if (project.empty())
                continue;
            auto &info = projects[project];
            if (info.labels.is_null())
                info.labels = labels;
            const std::string service = labels.value("com.docker.compose.service", std::string());
            const std::string state = c.value("State", std::string());
            const std::string status = c.value("Status", std::string());
            json number = nullptr;
            try {
                number = std::stoi(labels.value("com.docker.compose.container-number", std::string()));
            } catch (const std::exception &) {
            }
            info.services[service].push_back({{"id", c.value("Id", std::string())},
                                              {"name", containerName(c)},
                                              {"state", state},
                                              {"status", status},
                                              {"health", healthOf(status)},
                                              {"exitCode", exitCodeOf(state, status)},
                                              {"number", number}});
            info.images.emplace(service, c.value("Image", std::string()));
            ++info.counts[state];
            ++info.total;
            if (state == "running")
                ++info.running;
        }
    for (const auto &name : store.projects())
        projects.try_emplace(name);

    json out = json::array();
    for (auto &[name, info] : projects) {
        const bool managed = store.exists(name);
        json p = {{"name", name}, {"managed", managed}};
        compose::Project where;
        if (managed) {
            where.workingDir = store.projectDir(name);
            where.configFiles = {store.composeFile(name)};
            where.filesExist = true;
        } else {
            // as locate() does, without a second list call: the labels are here already
            where = compose::fromLabels(name, info.labels);
        }
        p["workingDir"] = where.workingDir;
        p["configFiles"] = where.configFiles;
        p["filesExist"] = where.filesExist;
        p["version"] = managed ? json(store.currentVersion(name)) : json(nullptr);
        p["composeVersion"] = info.labels.is_object()
                                  ? info.labels.value("com.docker.compose.version", std::string())
                                  : std::string();
        if (p["composeVersion"] == "")
            p["composeVersion"] = nullptr;
        p["state"] = summarize(info.running, info.total);
        p["counts"] = info.counts;
        p["paused"] = selfheal::isPaused(name);

        // A managed project that is down still shows the services its file defines.
        if (managed && info.total == 0)
            if (const auto files = store.current(name)) {
                try {
                    for (const auto &s : compose::parse(files->yaml).services)
                        info.services.try_emplace(s);
                } catch (const RpcError &) {
                }
            }
        json services = json::array();
        for (auto &[service, containers] : info.services) {
            int running = 0;
            for (const auto &c : containers)
                running += c["state"] == "running";
            const auto image = info.images.find(service);
            services.push_back({{"name", service},
                                {"state", summarize(running, static_cast<int>(containers.size()))},
                                {"image", image == info.images.end() ? json(nullptr) : json(image->second)},
                                {"containers", containers}});
        }
        p["services"] = std::move(services);
        out.push_back(std::move(p));
    }
    return {{"projects", std::move(out)}};
}

// Stop, start, restart or remove a project's containers through the Engine API, for projects
// whose files are gone (compose needs them even to stop).
json fallback(docker::Engine &engine, const std::string &project,
              const std::vector<std::string> &services, const std::string &action,
              std::optional<int64_t> timeout)
{
    for (const auto &c : compose::projectContainers(engine, project)) {
        const json labels = c.value("Labels", json::object());
        const std::string service = labels.value("com.docker.compose.service", std::string());
        if (!services.empty() && std::find(services.begin(), services.end(), service) == services.end())
            continue;
        const std::string id = c.value("Id", std::string());
        if (!v::isContainerName(id))
            continue;
        docker::Query q;
        if (timeout && action != "start")
            q.emplace_back("t", std::to_string(*timeout));
        if (action == "remove") {
            engine.call("POST", "/containers/" + id + "/stop", q, nullptr, {"id", id}, 120000);
            engine.call("DELETE", "/containers/" + id, {}, nullptr, {"id", id});
        } else {
            engine.call("POST", "/containers/" + id + "/" + action, q, nullptr, {"id", id}, 120000);
        }
    }
    return {{"project", project}, {"exitCode", 0}, {"fallback", true}};
}

// The common shape of up/down/restart/stop/start/pull.
json projectCommand(const Params &params, const Context &context, const std::string &verb)
{
    const std::string name = compose::projectParam(params);
    const auto services = compose::servicesParam(params);
    const auto timeout = v::intInRange(params, "timeout", 0, 3600);
    docker::Engine engine(params, context);
    compose::Project project = compose::locate(engine, name);

    std::vector<std::string> args;
    if (verb == "up") {
        args = {"up", "-d"};
        const std::string pull = params.optionalString("pull").value_or("missing");
        if (pull != "missing" && pull != "always" && pull != "never")
            throw invalidValue("pull", "invalid pull policy", "missing, always or never");
        if (params.optionalBool("removeOrphans").value_or(false))
            args.push_back("--remove-orphans");
        const compose::Tool tool = compose::choose(params);
        if (tool.kind == "v2" && pull != "missing")
            args.insert(args.end(), {"--pull", pull});
        args.insert(args.end(), services.begin(), services.end());
        if (!project.filesExist)
            throw RpcError(4006, "the project's compose files are gone",
                           json{{"field", "project"}, {"detail", "up needs the compose files"}});
        const auto r = compose::run(tool, project, args, params, context);
        selfheal::setPaused(name, false);
        return {{"project", name}, {"exitCode", r.exitCode}};
    }
    if (verb == "down") {
        args = {"down"};
        if (params.optionalBool("volumes").value_or(false))
            args.push_back("--volumes");
        if (params.optionalBool("removeOrphans").value_or(false))
            args.push_back("--remove-orphans");
    } else if (verb == "restart" || verb == "stop") {
        args = {verb};
        if (timeout)
            args.insert(args.end(), {"--timeout", std::to_string(*timeout)});
        args.insert(args.end(), services.begin(), services.end());
    } else { // start, pull
        args = {verb};
        args.insert(args.end(), services.begin(), services.end());
    }

    json result;
    if (!project.filesExist) {
        if (verb == "pull")
            throw RpcError(4006, "the project's compose files are gone",
                           json{{"field", "project"}, {"detail", "pull needs the compose files"}});
        result = fallback(engine, name, services, verb == "down" ? "remove" : verb, timeout);
    } else {
        const auto r = compose::run(compose::choose(params), project, args, params, context);
        result = {{"project", name}, {"exitCode", r.exitCode}};
        if (verb != "pull")
            result["fallback"] = false;
    }
    if ((verb == "stop" || verb == "down") && services.empty())
        selfheal::setPaused(name, true);
    else if (verb == "start" || verb == "restart")
        selfheal::setPaused(name, false);
    return result;
}

json composeLogs(const Params &params, const Context &context)
{
    const std::string name = compose::projectParam(params);
    const auto services = compose::servicesParam(params);
    const auto tail = v::intInRange(params, "tail", 0, 100000).value_or(200);
    docker::Engine engine(params, context);
    const compose::Project project = compose::locate(engine, name);
    if (!project.filesExist)
        throw RpcError(4006, "the project's compose files are gone",
                       json{{"field", "project"}, {"detail", "use containers.logs per container"}});
    std::vector<std::string> args = {"logs", "--no-color", "--tail", std::to_string(tail)};
    if (params.optionalBool("follow").value_or(false))
        args.push_back("--follow");
    if (params.optionalBool("timestamps").value_or(false))
        args.push_back("--timestamps");
    args.insert(args.end(), services.begin(), services.end());
    const auto r = compose::run(compose::choose(params), project, args, params, context);
    return {{"project", name}, {"exitCode", r.exitCode}};
}

} // namespace

QWQ_STARTUP void registerComposeMethods(Dispatcher &dispatcher)
{
    dispatcher.add("compose.list", Risk::Read, composeList);
    for (const auto &[verb, risk] : std::initializer_list<std::pair<const char *, Risk>>{
             {"up", Risk::Mutating}, {"down", Risk::Destructive}, {"restart", Risk::Mutating},
             {"stop", Risk::Mutating}, {"start", Risk::Mutating}, {"pull", Risk::Mutating}}) {
        const std::string v = verb;
        dispatcher.add(("compose." + v).c_str(), risk, [v](const Params &p, const Context &c) {
            return projectCommand(p, c, v);
        });
    }
    dispatcher.add("compose.logs", Risk::Read, composeLogs);
}

} // namespace qwqhelper
