// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// images.*: list, inspect, remove, prune (with a dry run) and pull (streamed progress).
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <chrono>
#include <map>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

constexpr auto kProgressEvery = std::chrono::milliseconds(200);
constexpr std::size_t kMaxJsonLine = 1u << 20;
constexpr int kPullIdleTimeoutMs = 300000; // a registry that sends nothing for 5 min

// Image references keep their '/' and ':' in the path: Docker routes /images/{name:.*}/json.
std::string imagePath(const std::string &ref, const char *suffix = "")
{
    return "/images/" + docker::percentEncode(ref, true) + suffix;
}

json imagesList(const Params &params, const Context &context)
{
    docker::Engine engine(params, context);
    docker::Query query;
    if (params.optionalBool("all").value_or(false))
        query.emplace_back("all", "1");
    const json list = engine.get("/images/json", query);
    json out = json::array();
    if (list.is_array())
        for (const auto &i : list)
            out.push_back(docker::convert::image(i));
    return {{"images", std::move(out)}};
}

json imagesInspect(const Params &params, const Context &context)
{
    const std::string ref = v::image(params);
    docker::Engine engine(params, context);
    return {{"image", engine.get(imagePath(ref, "/json"), {}, {"image", ref})}};
}

// Docker's [{"Untagged": x} | {"Deleted": y}] as two lists.
json deletedLists(const json &items)
{
    json untagged = json::array();
    json deleted = json::array();
    if (items.is_array())
        for (const auto &i : items) {
            if (i.contains("Untagged") && i["Untagged"].is_string())
                untagged.push_back(i["Untagged"]);
            if (i.contains("Deleted") && i["Deleted"].is_string())
                deleted.push_back(i["Deleted"]);
        }
    return {{"untagged", untagged}, {"deleted", deleted}};
}

json imagesRemove(const Params &params, const Context &context)
{
    const std::string ref = v::image(params);
    docker::Query query;
    if (params.optionalBool("force").value_or(false))
        query.emplace_back("force", "1");
    if (params.optionalBool("noPrune").value_or(false))
        query.emplace_back("noprune", "1");
    docker::Engine engine(params, context);
    const json r = engine.call("DELETE", imagePath(ref), query, nullptr, {"image", ref}).body;
    return deletedLists(r);
}

// What a prune would remove, from GET /system/df (which counts the containers using each
// image): images no container uses — only untagged ones unless `all`. The space is the sum of
// each image's unique size (size less the layers it shares), so it is a lower bound: layers
// shared only among the removed images are freed too.
json pruneDryRun(docker::Engine &engine, bool all)
{
    const json df = engine.get("/system/df");
    json images = json::array();
    int64_t space = 0;
    if (df.is_object() && df.contains("Images") && df["Images"].is_array())
        for (const auto &i : df["Images"]) {
            const json img = docker::convert::image(i);
            if (img["containers"].get<int64_t>() > 0 || (!all && !img["dangling"].get<bool>()))
                continue;
            const int64_t size = img["size"].get<int64_t>();
            const int64_t shared = std::max<int64_t>(0, img["sharedSize"].get<int64_t>());
            const int64_t unique = std::max<int64_t>(0, size - shared);
            space += unique;
            images.push_back({{"id", img["id"]}, {"repoTags", img["repoTags"]},
                              {"size", size}, {"uniqueSize", unique}});
        }
    return {{"dryRun", true}, {"images", images}, {"spaceReclaimable", space}};
}

json imagesPrune(const Params &params, const Context &context)
{
    const bool all = params.optionalBool("all").value_or(false);
    const bool dryRun = params.optionalBool("dryRun").value_or(false);
    docker::Engine engine(params, context);
    if (dryRun)
        return pruneDryRun(engine, all);
    const json filters = {{"dangling", {all ? "false" : "true"}}};
    const json r = engine.call("POST", "/images/prune",
                               {{"filters", docker::filtersJson(filters)}}, nullptr, {},
                               600000).body;
    json out = deletedLists(r.value("ImagesDeleted", json::array()));
    out["dryRun"] = false;
    out["spaceReclaimed"] = r.value("SpaceReclaimed", int64_t(0));
    return out;
}

// Docker's pull progress: one JSON object per line, e.g.
//   {"status":"Downloading","progressDetail":{"current":1,"total":2},"id":"a1b2c3"}
// Layers (with an id) are coalesced to their latest state and sent at most every 200 ms;
// messages without an id ("Pulling from …", "Digest: …") are sent in order.
json imagesPull(const Params &params, const Context &context)
{
    std::string ref = v::image(params);
    docker::Engine engine(params, context);
    docker::Query query = {{"fromImage", ref}};
    if (!v::hasTagOrDigest(ref))
        query.emplace_back("tag", "latest"); // without a tag Docker would pull every tag
    auto http = engine.open("POST", "/images/create", query, {"image", ref}, kPullIdleTimeoutMs);

    std::map<std::string, json> layers; // changed since the last message
    json messages = json::array();
    std::string digest, lastStatus;
    auto last = std::chrono::steady_clock::now();
    auto send = [&] {
        if (layers.empty() && messages.empty())
            return;
        json data = {{"layers", json::array()}, {"messages", messages}};
        for (auto &[id, state] : layers)
            data["layers"].push_back(std::move(state));
        layers.clear();
        messages = json::array();
        context.stream(std::move(data));
        last = std::chrono::steady_clock::now();
    };

    std::string pending;
    for (;;) {
        const auto r = http->readSome(pending);
        if (r == docker::UnixHttp::Read::End)
            break;
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
            const json e = json::parse(pending.begin() + start, pending.begin() + nl, nullptr, false);
            if (e.is_discarded() || !e.is_object())
                continue;
            if (e.contains("error")) {
                send();
                json data = errorData("image", {}, e.value("error", std::string()));
                data["value"] = ref;
                throw RpcError(Code::DockerError, "pull failed", data);
            }
            const std::string status = e.value("status", std::string());
            const std::string id = e.value("id", std::string());
            if (status.rfind("Digest: ", 0) == 0)
                digest = status.substr(8);
            if (id.empty() || status.rfind("Pulling from", 0) == 0) {
                messages.push_back(id.empty() ? status : id + ": " + status); // as docker pull says
                lastStatus = status;
                continue;
            }
            json layer = {{"id", id}, {"status", status}};
            const json detail = e.value("progressDetail", json::object());
            if (detail.is_object() && detail.contains("total")) {
                layer["current"] = detail.value("current", int64_t(0));
                layer["total"] = detail.value("total", int64_t(0));
            }
            layers[id] = std::move(layer);
        }
        pending.erase(0, start);
        if (pending.size() > kMaxJsonLine)
            throw docker::unavailable("pull: a progress line exceeds 1 MiB");
        if (std::chrono::steady_clock::now() - last >= kProgressEvery)
            send();
    }
    send();
    return {{"image", ref}, {"digest", digest}, {"status", lastStatus}};
}

} // namespace

void registerImageMethods(Dispatcher &dispatcher)
{
    dispatcher.add("images.list", Risk::Read, imagesList);
    // An image's Config.Env may hold what its builder baked in: treated like a container's.
    dispatcher.add("images.inspect", Risk::SecretRead, imagesInspect);
    dispatcher.add("images.remove", Risk::Destructive, imagesRemove);
    dispatcher.add("images.prune", Risk::Destructive, imagesPrune);
    dispatcher.add("images.pull", Risk::Mutating, imagesPull);
}

} // namespace qwqhelper
