// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatch.h"
#include "compose/cli.h"
#include "docker/engine.h"
#include "handlers/handlers.h"
#include "hostfacts.h"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;

namespace {

constexpr int kProtocolVersion = 1;
constexpr int kDockerPingTimeoutMs = 1500;

bool isExecutableFile(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// PATH as the helper got it (an SSH exec channel often has a short one), then the admin
// directories it may lack, then every installed PostgreSQL version's bin directory.
std::vector<std::string> searchDirectories()
{
    std::vector<std::string> dirs;
    auto addDir = [&dirs](const std::string &d) {
        if (!d.empty() && std::find(dirs.begin(), dirs.end(), d) == dirs.end())
            dirs.push_back(d);
    };
    const char *path = std::getenv("PATH");
    std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    for (std::size_t pos; (pos = p.find(':', start)) != std::string::npos; start = pos + 1)
        addDir(p.substr(start, pos - start));
    addDir(p.substr(start));
    for (const char *d : {"/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/bin"})
        addDir(d);
    if (DIR *dir = ::opendir("/usr/lib/postgresql")) {
        std::vector<std::string> versions;
        while (const dirent *e = ::readdir(dir)) {
            const std::string name = e->d_name;
            if (name != "." && name != "..")
                versions.push_back(name);
        }
        ::closedir(dir);
        std::sort(versions.rbegin(), versions.rend()); // newest first
        for (const auto &v : versions)
            addDir("/usr/lib/postgresql/" + v + "/bin");
    }
    return dirs;
}

json findBinary(const std::vector<std::string> &dirs, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        for (const auto &dir : dirs)
            if (const std::string candidate = dir + "/" + name; isExecutableFile(candidate))
                return candidate;
    return nullptr;
}

struct Detection
{
    json capabilities = json::array();
    json details = json::object();
};

Detection detect()
{
    // The compose probes take a while (v1 is a Python program): in parallel with the rest.
    auto composeProbe = std::async(std::launch::async, [] { compose::detect(); });
    const auto dirs = searchDirectories();
    Detection d;

    struct stat st{};
    // "docker" means the Engine API answers, not that a socket file or a CLI exists: a stopped
    // daemon leaves its socket behind, and a user outside the docker group cannot connect.
    const std::string socketPath = docker::findSocket();
    const bool socket = ::stat(socketPath.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
    const json dockerCli = findBinary(dirs, {"docker"});
    json dockerDetails = {{"socket", socket ? json(socketPath) : json(nullptr)},
                          {"cli", dockerCli},
                          {"api", nullptr}};
    if (socket) {
        const docker::Ping ping = docker::ping(socketPath, kDockerPingTimeoutMs);
        if (ping.ok) {
            d.capabilities.push_back("docker");
            dockerDetails["api"] = ping.apiVersion;
        } else {
            dockerDetails["error"] = ping.error;
        }
    }
    d.details["docker"] = std::move(dockerDetails);
    composeProbe.wait();

    // The compose probes run `version --short` (started before the Docker ping in initialize,
    // see composeProbe); only a CLI that answers with a version counts.
    const compose::Tools &tools = compose::detect();
    auto path = [](const std::optional<compose::Tool> &t) { return t ? json(t->path) : json(nullptr); };
    auto version = [](const std::optional<compose::Tool> &t) { return t ? json(t->version) : json(nullptr); };
    d.details["compose"] = {{"v1", path(tools.v1)}, {"v2", path(tools.v2)},
                            {"v1Version", version(tools.v1)}, {"v2Version", version(tools.v2)}};
    if (tools.v1)
        d.capabilities.push_back("compose-v1");
    if (tools.v2)
        d.capabilities.push_back("compose-v2");

    auto single = [&](const char *capability, const char *key,
                      std::initializer_list<const char *> names) {
        const json found = findBinary(dirs, names);
        d.details[key] = found;
        if (!found.is_null())
            d.capabilities.push_back(capability);
    };
    single("nginx", "nginx", {"nginx", "openresty"});

    const bool systemd = ::stat("/run/systemd/system", &st) == 0 && S_ISDIR(st.st_mode);
    d.details["systemd"] = systemd;
    if (systemd)
        d.capabilities.push_back("systemd");

    single("cron", "cron", {"crontab", "cron"});
    single("postgresql", "postgresql", {"postgres", "psql", "pg_ctl"});
    single("mysql", "mysql", {"mariadbd", "mysqld", "mariadb", "mysql"});
    single("redis", "redis", {"redis-server"});
    return d;
}

json initialize(const Params &params, const Context &context)
{
    params.requiredString("client");
    if (const auto protocol = params.optionalInt("protocol"); protocol && *protocol != kProtocolVersion)
        throw RpcError(Code::ProtocolMismatch, "protocol mismatch",
                       errorData("protocol", "update qwq or the helper",
                                 "helper speaks " + std::to_string(kProtocolVersion)));

    const Detection detection = detect();
    return {{"helper", QWQ_HELPER_VERSION},
            {"protocol", kProtocolVersion},
            {"os", host::osRelease()},
            {"kernel", host::kernelRelease()},
            {"arch", host::machine()},
            {"hostname", host::hostname()},
            {"user", host::currentUser()},
            {"privileges",
             {{"root", ::geteuid() == 0}, {"readOnly", context.dispatcher.readOnly()}}},
            {"capabilities", detection.capabilities},
            {"details", detection.details},
            {"methods", context.dispatcher.methodList()}};
}

} // namespace

QWQ_STARTUP void registerSessionMethods(Dispatcher &dispatcher)
{
    dispatcher.add("initialize", Risk::Read, initialize);
}

} // namespace qwqhelper
