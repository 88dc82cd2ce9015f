// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "selfheal/run.h"

#include "dispatch.h"
#include "docker/engine.h"
#include "docker/logstream.h"
#include "docker/validate.h"
#include "framing.h"
#include "fsutil.h"
#include "selfheal/state.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qwqhelper::selfheal {

using nlohmann::json;

namespace {

constexpr off_t kRotateBytes = 4 << 20;
constexpr int kLogLines = 50;

// The last log lines of a container (both streams, in order), before it is restarted.
json lastLogs(docker::Engine &engine, const std::string &id, bool tty)
{
    json lines = json::array();
    try {
        auto http = engine.open("GET", "/containers/" + id + "/logs",
                                {{"stdout", "1"}, {"stderr", "1"}, {"tail", std::to_string(kLogLines)}},
                                {"id", id}, 15000);
        const std::string body = http->readAll(8u << 20);
        docker::Demuxer demuxer(tty);
        docker::LogBatcher batcher([&lines](json data) {
            for (const auto &run : data["runs"])
                for (const auto &l : run["lines"])
                    lines.push_back(l);
        });
        demuxer.feed(body, [&batcher](docker::StdStream s, std::string_view b) { batcher.add(s, b); });
        batcher.finish();
    } catch (const std::exception &e) {
        lines.push_back(std::string("(logs unavailable: ") + e.what() + ")");
    }
    return lines;
}

void writeLastRun(const json &lastRun)
{
    try {
        fs::makeDirs(directory());
        fs::writeAtomic(directory() + "/last-run.json", lastRun.dump() + "\n");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "qwq-helper selfheal-run: %s\n", e.what());
    }
}

} // namespace

std::string defaultConfigPath()
{
    return directory() + "/config.json";
}

std::string incidentsPath()
{
    return directory() + "/incidents.jsonl";
}

void appendIncident(const json &incident)
{
    fs::makeDirs(directory());
    const std::string path = incidentsPath();
    struct stat st{};
    if (::stat(path.c_str(), &st) == 0 && st.st_size > kRotateBytes)
        ::rename(path.c_str(), (path + ".1").c_str());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    // One write per record: O_APPEND keeps concurrent writers' lines whole.
    const std::string line = incident.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    const ssize_t n = ::write(fd, line.data(), line.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(line.size()))
        throw std::runtime_error("cannot append to " + path);
}

int runOnce(const std::string &configPath)
{
    if (const auto slash = configPath.rfind('/'); slash != std::string::npos && slash > 0)
        setDirectory(configPath.substr(0, slash));
    const auto text = fs::readRegular(configPath, 1 << 20);
    const json config = text ? json::parse(*text, nullptr, false) : json();
    if (!config.is_object() || !config.contains("projects") || !config["projects"].is_array()) {
        std::fprintf(stderr, "qwq-helper selfheal-run: cannot read the config %s\n", configPath.c_str());
        writeLastRun({{"time", std::time(nullptr)}, {"checked", 0}, {"restarted", 0},
                      {"error", "cannot read " + configPath}});
        return 1;
    }

    fs::makeDirs(directory());
    const int lock = ::open((directory() + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock < 0 || ::flock(lock, LOCK_EX | LOCK_NB) != 0) {
        std::fputs("qwq-helper selfheal-run: another run is in progress\n", stderr);
        return 0;
    }

    // The Engine wants a request's params and context: a quiet one (nothing is streamed).
    json paramsJson = json::object();
    if (config.contains("socket") && config["socket"].is_string())
        paramsJson["socket"] = config["socket"];
    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    LineWriter writer(devNull);
    Dispatcher dispatcher(writer, false);
    CancelToken cancel;
    const json requestId = "selfheal-run";
    const Context context{requestId, cancel, writer, dispatcher};
    const Params params(paramsJson);

    int checked = 0, restarted = 0;
    std::string error;
    try {
        docker::Engine engine(params, context);
        for (const auto &p : config["projects"]) {
            if (!p.is_string())
                continue;
            const std::string project = p.get<std::string>();
            if (isPaused(project))
                continue;
            const json filters = {{"label", {"com.docker.compose.project=" + project}}};
            const json list = engine.get("/containers/json", {{"all", "1"}, {"filters", filters.dump()}});
            if (!list.is_array())
                continue;
            for (const auto &c : list) {
                const std::string id = c.value("Id", std::string());
                const json labels = c.value("Labels", json::object());
                if (!docker::validate::isContainerName(id)
                    || (labels.is_object() && labels.value("qwq.selfheal", std::string()) == "off"))
                    continue;
                ++checked;
                const json inspect = engine.get("/containers/" + id + "/json", {}, {"id", id});
                const json state = inspect.value("State", json::object());
                const std::string status = state.value("Status", std::string());
                const int exitCode = state.value("ExitCode", 0);
                const bool oom = state.value("OOMKilled", false);
                json health = nullptr;
                if (state.contains("Health") && state["Health"].is_object())
                    health = state["Health"].value("Status", std::string());
                std::string reason;
                if ((status == "exited" || status == "dead") && (exitCode != 0 || oom))
                    reason = status;
                else if (status == "running" && health == "unhealthy")
                    reason = "unhealthy";
                if (reason.empty())
                    continue;

                const bool tty = inspect.contains("Config") && inspect["Config"].is_object()
                                 && inspect["Config"].value("Tty", false);
                std::string name = inspect.value("Name", std::string());
                if (!name.empty() && name[0] == '/')
                    name.erase(0, 1);
                json incident = {{"time", std::time(nullptr)},
                                 {"project", project},
                                 {"service", labels.value("com.docker.compose.service", std::string())},
                                 {"container", name},
                                 {"containerId", id},
                                 {"reason", reason},
                                 {"exitCode", exitCode},
                                 {"oomKilled", oom},
                                 {"health", health},
                                 {"action", "restart"},
                                 {"ok", true},
                                 {"error", nullptr},
                                 {"logs", lastLogs(engine, id, tty)}};
                try {
                    engine.call("POST", "/containers/" + id + "/restart", {{"t", "10"}}, nullptr,
                                {"id", id}, 120000);
                    ++restarted;
                } catch (const RpcError &e) {
                    incident["ok"] = false;
                    incident["error"] = e.message + (e.data.is_object() && e.data.contains("detail")
                                                         ? ": " + e.data["detail"].get<std::string>()
                                                         : std::string());
                }
                appendIncident(incident);
            }
        }
    } catch (const RpcError &e) {
        error = e.message;
        if (e.data.is_object() && e.data.contains("detail") && e.data["detail"].is_string())
            error += ": " + e.data["detail"].get<std::string>();
    } catch (const std::exception &e) {
        error = e.what();
    }
    writeLastRun({{"time", std::time(nullptr)}, {"checked", checked}, {"restarted", restarted},
                  {"error", error.empty() ? json(nullptr) : json(error)}});
    ::close(lock);
    if (!error.empty()) {
        std::fprintf(stderr, "qwq-helper selfheal-run: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

} // namespace qwqhelper::selfheal
