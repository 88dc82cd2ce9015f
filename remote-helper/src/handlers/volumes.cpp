// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// volumes.*: list, create, remove, prune (with a dry run).
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <algorithm>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

std::string volumePath(const std::string &name)
{
    return "/volumes/" + docker::percentEncode(name);
}

json volumesList(const Params &params, const Context &context)
{
    docker::Engine engine(params, context);
    const json r = engine.get("/volumes");
    json out = json::array();
    if (r.is_object() && r.contains("Volumes") && r["Volumes"].is_array())
        for (const auto &vol : r["Volumes"])
            out.push_back(docker::convert::volume(vol));
    json warnings = r.is_object() && r.contains("Warnings") && r["Warnings"].is_array()
                        ? r["Warnings"]
                        : json::array();
    return {{"volumes", std::move(out)}, {"warnings", warnings}};
}

json volumesCreate(const Params &params, const Context &context)
{
    json body = json::object();
    if (params.has("name"))
        body["Name"] = v::volume(params);
    if (const auto driver = v::driver(params))
        body["Driver"] = *driver;
    body["Labels"] = v::labels(params);
    docker::Engine engine(params, context);
    return {{"volume", docker::convert::volume(engine.call("POST", "/volumes/create", {}, body).body)}};
}

json volumesRemove(const Params &params, const Context &context)
{
    const std::string name = v::volume(params);
    docker::Query query;
    if (params.optionalBool("force").value_or(false))
        query.emplace_back("force", "1");
    docker::Engine engine(params, context);
    engine.call("DELETE", volumePath(name), query, nullptr, {"name", name, "volume"});
    return {{"name", name}, {"removed", true}};
}

bool isAnonymous(const json &volume)
{
    const std::string name = volume.value("name", std::string());
    return volume["labels"].contains("com.docker.volume.anonymous")
           || (name.size() == 64 && std::all_of(name.begin(), name.end(), [](char c) {
                  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
              }));
}

// Docker's own prune changed meaning in API 1.42 (only anonymous volumes unless all=true),
// so the helper prunes the same way on every version: the unused volumes from GET /system/df
// (RefCount 0) — anonymous ones only unless `all` — each removed by name. A volume that a
// container took meanwhile answers 409 and is kept (listed in `kept`).
json volumesPrune(const Params &params, const Context &context, bool forceDryRun = false)
{
    const bool all = params.optionalBool("all").value_or(false);
    const bool dryRun = forceDryRun || params.optionalBool("dryRun").value_or(false);
    docker::Engine engine(params, context);
    const json df = engine.get("/system/df");
    json candidates = json::array();
    if (df.is_object() && df.contains("Volumes") && df["Volumes"].is_array())
        for (const auto &raw : df["Volumes"]) {
            const json vol = docker::convert::volume(raw);
            if (vol.value("refCount", int64_t(0)) == 0 && (all || isAnonymous(vol)))
                candidates.push_back(vol);
        }

    json removed = json::array();
    json kept = json::array();
    int64_t space = 0;
    for (const auto &vol : candidates) {
        const std::string name = vol["name"].get<std::string>();
        if (!dryRun) {
            context.throwIfCancelled();
            try {
                engine.call("DELETE", volumePath(name), {}, nullptr, {"name", name, "volume"});
            } catch (const RpcError &e) {
                if (e.code != Code::DockerConflict && e.code != Code::DockerNotFound)
                    throw;
                kept.push_back({{"name", name}, {"reason", e.data.value("detail", std::string())}});
                continue;
            }
        }
        space += std::max<int64_t>(0, vol.value("size", int64_t(0)));
        removed.push_back({{"name", name}, {"size", vol.value("size", int64_t(0))}});
    }
    return {{"dryRun", dryRun},
            {"volumes", removed},
            {"kept", kept},
            {dryRun ? "spaceReclaimable" : "spaceReclaimed", space}};
}

} // namespace

QWQ_STARTUP void registerVolumeMethods(Dispatcher &dispatcher)
{
    dispatcher.add("volumes.list", Risk::Read, volumesList);
    dispatcher.add("volumes.create", Risk::Mutating, volumesCreate);
    dispatcher.add("volumes.remove", Risk::Destructive, volumesRemove);
    dispatcher.add("volumes.prune", Risk::Destructive,
                   [](const Params &p, const Context &c) { return volumesPrune(p, c); });
    // The dry run changes nothing: a read method, so a read-only helper answers it too.
    dispatcher.add("volumes.pruneDryRun", Risk::Read,
                   [](const Params &p, const Context &c) { return volumesPrune(p, c, true); });
}

} // namespace qwqhelper
