// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// images.*: list, inspect, remove, prune (with a dry run) and pull (streamed progress).
#include "base64.h"
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <algorithm>
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

// X-Registry-Auth: base64url of {"username","password","serveraddress"} or
// {"identitytoken","serveraddress"}. The values are checked and never logged or echoed.
std::string registryAuth(const Params &params)
{
    const json *auth = params.optionalObject("auth");
    if (!auth)
        return {};
    json out = json::object();
    for (const char *key : {"username", "password", "serveraddress", "identitytoken"}) {
        if (!auth->contains(key) || (*auth)[key].is_null())
            continue;
        const auto &value = (*auth)[key];
        if (!value.is_string())
            throw RpcError(Code::InvalidParams, std::string("invalid params: auth.") + key
                                                    + " must be a string",
                           errorData("auth"));
        const auto &text = value.get_ref<const std::string &>();
        if (text.size() > 4096
            || std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
            throw invalidValue("auth", std::string("invalid ") + key,
                               "at most 4096 bytes without control characters");
        out[key] = text;
    }
    if (!out.contains("identitytoken") && !(out.contains("username") && out.contains("password")))
        throw invalidValue("auth", "incomplete credentials",
                           "username and password, or identitytoken");
    return base64::encode(out.dump(), true);
}

// Failures worth another attempt: the network or the registry hiccuped.
bool isTransient(const std::string &message)
{
    static const char *kSigns[] = {"timeout", "timed out", "connection reset", "connection refused",
                                   "TLS handshake", "i/o timeout", "EOF", "toomanyrequests",
                                   "too many requests", "429", "500 Internal", "502", "503", "504",
                                   "temporary failure", "Service Unavailable", "Bad Gateway"};
    std::string lower = message;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower.find("not found") != std::string::npos || lower.find("unauthorized") != std::string::npos
        || lower.find("denied") != std::string::npos || lower.find("no such host") != std::string::npos)
        return false;
    for (const char *sign : kSigns) {
        std::string s = sign;
        std::transform(s.begin(), s.end(), s.begin(), ::tolower);
        if (lower.find(s) != std::string::npos)
            return true;
    }
    return false;
}

// Docker's pull progress: one JSON object per line, e.g.
//   {"status":"Downloading","progressDetail":{"current":1,"total":2},"id":"a1b2c3"}
// Layers (with an id) are coalesced to their latest state and sent at most every 200 ms;
// messages without an id ("Pulling from …", "Digest: …") are sent in order.
json pullOnce(docker::Engine &engine, const std::string &ref, const std::string &auth,
              const Context &context)
{
    docker::Query query = {{"fromImage", ref}};
    if (!v::hasTagOrDigest(ref))
        query.emplace_back("tag", "latest"); // without a tag Docker would pull every tag
    docker::UnixHttp::Headers headers;
    if (!auth.empty())
        headers.emplace_back("X-Registry-Auth", auth);
    auto http = engine.begin("POST", "/images/create", query, headers, "application/json", 0,
                             kPullIdleTimeoutMs);
    engine.finish(*http, "POST", {"image", ref});

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
        docker::UnixHttp::Read r;
        try {
            r = http->readSome(pending);
        } catch (const docker::HttpError &e) {
            throw docker::unavailable(e.what());
        }
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

json imagesPull(const Params &params, const Context &context)
{
    const std::string ref = v::image(params);
    const std::string auth = registryAuth(params);
    const int retries = static_cast<int>(v::intInRange(params, "retries", 0, 10).value_or(3));
    docker::Engine engine(params, context);
    for (int attempt = 1;; ++attempt) {
        try {
            json result = pullOnce(engine, ref, auth, context);
            result["attempts"] = attempt;
            return result;
        } catch (const RpcError &e) {
            const std::string detail = e.data.is_object() && e.data.contains("detail")
                                               && e.data["detail"].is_string()
                                           ? e.data["detail"].get<std::string>()
                                           : e.message;
            const bool retryable = (e.code == Code::DockerError || e.code == Code::DockerUnavailable)
                                   && isTransient(detail);
            if (!retryable || attempt > retries)
                throw;
            const int wait = std::min(30, 1 << (attempt - 1));
            context.stream({{"retry", {{"attempt", attempt + 1}, {"of", retries + 1},
                                       {"inSeconds", wait}, {"reason", detail.substr(0, 512)}}}});
            if (context.cancel.waitFor(std::chrono::seconds(wait)))
                throw cancelledError();
        }
    }
}

} // namespace

QWQ_STARTUP void registerImageMethods(Dispatcher &dispatcher)
{
    dispatcher.add("images.list", Risk::Read, imagesList);
    // An image's Config.Env may hold what its builder baked in: treated like a container's.
    dispatcher.add("images.inspect", Risk::SecretRead, imagesInspect);
    dispatcher.add("images.remove", Risk::Destructive, imagesRemove);
    dispatcher.add("images.prune", Risk::Destructive, imagesPrune);
    dispatcher.add("images.pull", Risk::Mutating, imagesPull);
    // The dry run changes nothing: a read method, so a read-only helper answers it too.
    dispatcher.add("images.pruneDryRun", Risk::Read, [](const Params &params, const Context &context) {
        docker::Engine engine(params, context);
        return pruneDryRun(engine, params.optionalBool("all").value_or(false));
    });
    registerImageIoMethods(dispatcher);
}

} // namespace qwqhelper
