// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/cli.h"

#include "dispatch.h"
#include "errors.h"
#include "fsutil.h"

#include <cstdlib>
#include <future>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::compose {

using nlohmann::json;

namespace {

constexpr int kProbeTimeoutMs = 5000;

bool isExecutable(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> probe(const std::vector<std::string> &prefix)
{
    try {
        process::Spec spec;
        spec.argv = prefix;
        spec.argv.push_back("version");
        spec.argv.push_back("--short");
        spec.timeoutMs = kProbeTimeoutMs;
        const auto r = process::run(spec, nullptr, {}, 4096);
        if (r.exitCode != 0 || r.timedOut)
            return std::nullopt;
        std::string v = r.out;
        while (!v.empty() && (v.back() == '\n' || v.back() == '\r' || v.back() == ' '))
            v.pop_back();
        if (!v.empty() && v[0] == 'v')
            v.erase(0, 1);
        if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0])) || v.size() > 64)
            return std::nullopt;
        return v;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

// docker-compose v1 is a Python program that takes half a second to say its version, and
// every session's initialize asks: the answer is kept in <dataRoot>/cache/compose-version.json
// keyed by the binary's path, inode, size and mtime, so it is asked once per installed binary.
std::string cacheKey(const std::string &path)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        return {};
    return path + "|" + std::to_string(st.st_ino) + "|" + std::to_string(st.st_size) + "|"
           + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

std::optional<std::string> cachedProbe(const std::string &binary)
{
    const std::string file = fs::dataRoot() + "/cache/compose-version.json";
    const std::string key = cacheKey(binary);
    if (key.empty())
        return probe({binary});
    const auto text = fs::readRegular(file, 64 * 1024);
    const json cache = text ? json::parse(*text, nullptr, false) : json();
    if (cache.is_object() && cache.value("key", std::string()) == key && cache.contains("version")
        && cache["version"].is_string())
        return cache["version"].get<std::string>();
    auto version = probe({binary});
    if (version) {
        try {
            fs::makeDirs(fs::dataRoot() + "/cache");
            fs::writeAtomic(file, json{{"key", key}, {"version", *version}}.dump() + "\n");
        } catch (const std::exception &) {
            // a cache: without it the next initialize asks again
        }
    }
    return version;
}

std::string pluginPath()
{
    std::vector<std::string> dirs = {"/usr/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins",
                                     "/usr/local/lib/docker/cli-plugins"};
    if (const char *home = std::getenv("HOME"); home && *home == '/')
        dirs.insert(dirs.begin(), std::string(home) + "/.docker/cli-plugins");
    for (const auto &d : dirs)
        if (isExecutable(d + "/docker-compose"))
            return d + "/docker-compose";
    return {};
}

Tools probeAll()
{
    const auto docker = process::findExecutable("docker");
    const auto v1bin = process::findExecutable("docker-compose");
    const std::string plugin = pluginPath();

    auto v2future = std::async(std::launch::async, [&]() -> std::optional<Tool> {
        if (docker)
            if (auto v = probe({*docker, "compose"}))
                return Tool{"v2", {*docker, "compose"}, plugin.empty() ? *docker : plugin, *v};
        if (!plugin.empty())
            if (auto v = probe({plugin}))
                return Tool{"v2", {plugin}, plugin, *v};
        return std::nullopt;
    });
    std::optional<Tool> standalone;
    if (v1bin)
        if (auto v = cachedProbe(*v1bin))
            standalone = Tool{(*v)[0] == '1' ? "v1" : "v2", {*v1bin}, *v1bin, *v};

    Tools tools;
    tools.v2 = v2future.get();
    if (standalone && standalone->kind == "v1")
        tools.v1 = standalone;
    else if (standalone && !tools.v2)
        tools.v2 = standalone; // a standalone v2 installed as docker-compose
    return tools;
}

} // namespace

const Tools &detect()
{
    static std::once_flag once;
    static Tools tools;
    std::call_once(once, [] { tools = probeAll(); });
    return tools;
}

Tool choose(const Params &params)
{
    const auto wanted = params.optionalString("compose");
    if (wanted && *wanted != "v1" && *wanted != "v2")
        throw invalidValue("compose", "invalid compose version", "v1 or v2");
    const Tools &tools = detect();
    if (wanted) {
        const auto &t = *wanted == "v1" ? tools.v1 : tools.v2;
        if (!t)
            throw RpcError(4007, "compose " + *wanted + " is not installed",
                           errorData("compose", "install docker-compose or the compose plugin"));
        return *t;
    }
    if (tools.v2)
        return *tools.v2;
    if (tools.v1)
        return *tools.v1;
    throw RpcError(4007, "compose is not installed",
                   errorData({}, "install docker-compose or the docker compose plugin",
                             "neither `docker compose version` nor `docker-compose version` answered"));
}

std::vector<std::string> argv(const Tool &tool, const Project &project,
                              const std::vector<std::string> &args)
{
    std::vector<std::string> a = tool.prefix;
    a.insert(a.end(), {"--ansi", "never", "--project-name", project.name});
    for (const auto &f : project.configFiles) {
        a.push_back("--file");
        a.push_back(f);
    }
    if (!project.workingDir.empty()) {
        a.push_back("--project-directory");
        a.push_back(project.workingDir);
    }
    a.insert(a.end(), args.begin(), args.end());
    return a;
}

std::vector<std::string> socketEnv(const Params &params)
{
    if (const auto socket = params.optionalString("socket")) {
        if (socket->empty() || (*socket)[0] != '/' || socket->size() > 107
            || socket->find_first_of(std::string("\0\n\r", 3)) != std::string::npos)
            throw invalidValue("socket", "invalid socket path", "an absolute path");
        return {"DOCKER_HOST=unix://" + *socket};
    }
    return {};
}

void throwFailed(const std::string &what, int exitCode, const std::string &errTail)
{
    json data = errorData({}, {}, errTail.size() > 4096 ? errTail.substr(errTail.size() - 4096)
                                                         : errTail);
    data["exitCode"] = exitCode;
    throw RpcError(4006, what + " failed (exit code " + std::to_string(exitCode) + ")", data);
}

RunResult run(const Tool &tool, const Project &project, const std::vector<std::string> &args,
              const Params &params, const Context &context, bool stream, bool allowFailure)
{
    process::Spec spec;
    spec.argv = argv(tool, project, args);
    spec.extraEnv = socketEnv(params);
    spec.extraEnv.push_back("COMPOSE_INTERACTIVE_NO_CLI=1");
    if (!project.workingDir.empty() && ::access(project.workingDir.c_str(), X_OK) == 0)
        spec.cwd = project.workingDir;

    std::string partial[2];
    auto onOutput = [&](process::Stream s, std::string_view bytes) {
        if (!stream)
            return;
        std::string &buf = partial[s == process::Stream::Stdout ? 0 : 1];
        buf.append(bytes);
        const auto last = buf.rfind('\n');
        if (last == std::string::npos && buf.size() < 64 * 1024)
            return;
        const std::size_t cut = last == std::string::npos ? buf.size() : last + 1;
        context.stream({{"text", buf.substr(0, cut)},
                        {"stream", s == process::Stream::Stdout ? "stdout" : "stderr"}});
        buf.erase(0, cut);
    };
    process::Result r;
    try {
        r = process::run(spec, &context.cancel, onOutput, 256 * 1024);
    } catch (const RpcError &) {
        throw;
    } catch (const std::exception &e) {
        throw RpcError(4007, "cannot run compose", errorData({}, {}, e.what()));
    }
    for (int i = 0; i < 2; ++i)
        if (stream && !partial[i].empty())
            context.stream({{"text", partial[i] + "\n"}, {"stream", i == 0 ? "stdout" : "stderr"}});
    if (r.exitCode != 0 && !allowFailure)
        throwFailed("compose " + (args.empty() ? std::string() : args[0]), r.exitCode, r.err);
    return {r.exitCode, r.err};
}

} // namespace qwqhelper::compose
