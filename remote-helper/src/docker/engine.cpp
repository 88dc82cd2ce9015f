// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/engine.h"

#include "dispatch.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sys/stat.h>

namespace qwqhelper::docker {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxBody = 64u << 20;

bool isSocket(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

// Negotiated versions per socket path: one GET /version per daemon for the helper's life,
// not per call (the docker CLI pays a /_ping on every run). Dropped when a connect fails, so a
// restarted, upgraded daemon is negotiated again.
std::mutex g_versionMutex;
std::map<std::string, int> g_versions;

void forgetVersion(const std::string &socket)
{
    std::lock_guard lock(g_versionMutex);
    g_versions.erase(socket);
}

// "1.41" → 41; -1 when it is not "1.N".
int parseMinor(const std::string &version)
{
    if (version.rfind("1.", 0) != 0 || version.size() < 3 || version.size() > 6)
        return -1;
    int minor = 0;
    for (std::size_t i = 2; i < version.size(); ++i) {
        if (version[i] < '0' || version[i] > '9')
            return -1;
        minor = minor * 10 + (version[i] - '0');
    }
    return minor;
}

std::string dockerMessage(const std::string &body)
{
    // Docker answers errors as {"message": "..."}; Podman adds "cause" and "response".
    try {
        const json j = json::parse(body);
        if (j.is_object() && j.contains("message") && j["message"].is_string())
            return j["message"].get<std::string>();
    } catch (const json::exception &) {
    }
    return body.substr(0, 4096);
}

std::string validatedSocketParam(const std::string &path)
{
    const bool ok = !path.empty() && path[0] == '/' && path.size() < 108
                    && std::none_of(path.begin(), path.end(),
                                    [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (!ok)
        throw invalidValue("socket", "invalid socket path",
                           "an absolute path of at most 107 bytes without control characters");
    return path;
}

} // namespace

std::string findSocket(const std::optional<std::string> &explicitPath)
{
    if (explicitPath)
        return *explicitPath;
    std::vector<std::string> candidates;
    if (const char *host = std::getenv("DOCKER_HOST"); host && std::string(host).rfind("unix://", 0) == 0)
        candidates.push_back(std::string(host).substr(7));
    candidates.push_back("/var/run/docker.sock");
    candidates.push_back("/run/podman/podman.sock");
    if (const char *xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg == '/')
        candidates.push_back(std::string(xdg) + "/podman/podman.sock");
    for (const auto &c : candidates)
        if (isSocket(c))
            return c;
    return candidates.front();
}

Ping ping(const std::string &socketPath, int timeoutMs)
{
    Ping result;
    try {
        UnixHttp http(socketPath, nullptr, timeoutMs);
        http.request("GET", "/_ping");
        const std::string body = http.readAll(4096);
        result.apiVersion = http.header("api-version");
        result.ok = http.status() == 200;
        if (!result.ok)
            result.error = "HTTP " + std::to_string(http.status()) + ": " + dockerMessage(body);
    } catch (const std::exception &e) {
        result.error = e.what();
    }
    return result;
}

RpcError notFound(const Subject &subject, const std::string &detail)
{
    json data = errorData(subject.field, {}, detail);
    if (!subject.value.empty())
        data["value"] = subject.value;
    std::string what = subject.what;
    if (what.empty())
        what = subject.field == "id" || subject.field == "container" ? "container"
               : subject.field.empty()                                ? "object"
                                                                      : subject.field;
    return RpcError(Code::DockerNotFound, "no such " + what, data);
}

RpcError unavailable(const std::string &detail)
{
    return RpcError(Code::DockerUnavailable, "Docker is not available",
                    errorData({}, "is the Docker (or Podman) service running, and may this user "
                                  "use its socket?",
                              detail));
}

std::string filtersJson(const json &filters)
{
    return filters.dump();
}

Engine::Engine(const Params &params, const Context &context) : m_cancel(context.cancel)
{
    const auto explicitPath = params.optionalString("socket");
    m_socket = findSocket(explicitPath ? std::optional(validatedSocketParam(*explicitPath))
                                       : std::nullopt);
}

int Engine::apiMinor()
{
    if (m_minor == 0)
        negotiate();
    return m_minor;
}

void Engine::negotiate()
{
    {
        std::lock_guard lock(g_versionMutex);
        if (const auto it = g_versions.find(m_socket); it != g_versions.end())
            m_minor = it->second;
    }
    if (m_minor == 0) {
        std::string version;
        try {
            UnixHttp http(m_socket, &m_cancel, 15000);
            http.request("GET", "/version");
            const std::string body = http.readAll(1 << 20);
            if (http.status() != 200)
                throw unavailable("GET /version answered HTTP " + std::to_string(http.status())
                                  + ": " + dockerMessage(body));
            const json j = json::parse(body, nullptr, false);
            if (j.is_object() && j.contains("ApiVersion") && j["ApiVersion"].is_string())
                version = j["ApiVersion"].get<std::string>();
        } catch (const HttpError &e) {
            throw unavailable(e.what());
        }
        const int minor = parseMinor(version);
        if (minor < 0)
            throw unavailable("GET /version gave no usable ApiVersion");
        if (minor < kMinApiMinor)
            throw unavailable("the daemon speaks API " + version + "; qwq needs 1."
                              + std::to_string(kMinApiMinor) + " or newer (Docker 20.10)");
        std::lock_guard lock(g_versionMutex);
        g_versions[m_socket] = minor;
        m_minor = minor;
    }
    m_prefix = "/v1." + std::to_string(m_minor);
}

std::string Engine::target(const std::string &path, const Query &query)
{
    if (m_prefix.empty())
        negotiate();
    std::string t = m_prefix + path;
    char sep = '?';
    for (const auto &[key, value] : query) {
        t += sep;
        t += percentEncode(key);
        t += '=';
        t += percentEncode(value);
        sep = '&';
    }
    return t;
}

void Engine::throwStatus(int status, const std::string &body, const Subject &subject)
{
    const std::string message = dockerMessage(body);
    if (status == 404)
        throw notFound(subject, message);
    if (status == 409) {
        json data = errorData(subject.field, {}, message);
        if (!subject.value.empty())
            data["value"] = subject.value;
        throw RpcError(Code::DockerConflict, "Docker refused: conflict", data);
    }
    json data = errorData({}, {}, message);
    data["status"] = status;
    throw RpcError(Code::DockerError, "Docker failed (HTTP " + std::to_string(status) + ")", data);
}

Engine::Response Engine::call(const std::string &method, const std::string &path,
                              const Query &query, const json &body, const Subject &subject,
                              int timeoutMs)
{
    const std::string t = target(path, query);
    Response r;
    std::string text;
    try {
        UnixHttp http(m_socket, &m_cancel, timeoutMs);
        http.request(method, t, body.is_null() ? std::string() : body.dump());
        r.status = http.status();
        text = http.readAll(kMaxBody);
    } catch (const HttpError &e) {
        forgetVersion(m_socket);
        throw unavailable(e.what());
    }
    if (r.status < 200 || (r.status >= 300 && r.status != 304))
        throwStatus(r.status, text, subject);
    if (!text.empty()) {
        r.body = json::parse(text, nullptr, false);
        if (r.body.is_discarded())
            throw unavailable(method + " " + path + " did not answer JSON");
    }
    return r;
}

std::unique_ptr<UnixHttp> Engine::open(const std::string &method, const std::string &path,
                                       const Query &query, const Subject &subject,
                                       int idleTimeoutMs, const json &body)
{
    const std::string t = target(path, query);
    std::unique_ptr<UnixHttp> http;
    try {
        http = std::make_unique<UnixHttp>(m_socket, &m_cancel, 30000);
        http->request(method, t, body.is_null() ? std::string() : body.dump());
        if (http->status() < 200 || http->status() >= 300) {
            const std::string text = http->readAll(1 << 20);
            throwStatus(http->status(), text, subject);
        }
    } catch (const HttpError &e) {
        forgetVersion(m_socket);
        throw unavailable(e.what());
    }
    http->setIdleTimeout(idleTimeoutMs);
    return http;
}

std::unique_ptr<UnixHttp> Engine::begin(const std::string &method, const std::string &path,
                                        const Query &query, const UnixHttp::Headers &headers,
                                        const std::string &contentType, long long bodyLength,
                                        int idleTimeoutMs)
{
    const std::string t = target(path, query);
    try {
        auto http = std::make_unique<UnixHttp>(m_socket, &m_cancel, idleTimeoutMs);
        http->sendHead(method, t, headers, contentType, bodyLength);
        return http;
    } catch (const HttpError &e) {
        forgetVersion(m_socket);
        throw unavailable(e.what());
    }
}

void Engine::finish(UnixHttp &http, const std::string &method, const Subject &subject)
{
    try {
        http.readHead(method);
        if (http.status() != 101 && (http.status() < 200 || http.status() >= 300)) {
            const std::string text = http.readAll(1 << 20);
            throwStatus(http.status(), text, subject);
        }
    } catch (const HttpError &e) {
        throw unavailable(e.what());
    }
}

} // namespace qwqhelper::docker
