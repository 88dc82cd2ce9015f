// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docker/http.h"
#include "errors.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qwqhelper {
class Params;
struct Context;
} // namespace qwqhelper

namespace qwqhelper::docker {

// The lowest Engine API version the helper speaks (Docker 20.10; Podman's compat API says the
// same). Newer daemons are addressed with their own version, as the docker CLI does.
inline constexpr int kMinApiMinor = 41;

using Query = std::vector<std::pair<std::string, std::string>>;

// Where the Engine API listens, in this order: `explicitPath` (the request's `socket` param),
// DOCKER_HOST=unix://PATH, /var/run/docker.sock, /run/podman/podman.sock,
// $XDG_RUNTIME_DIR/podman/podman.sock. Returns the first that is a socket, else
// /var/run/docker.sock (so the error names the usual path).
std::string findSocket(const std::optional<std::string> &explicitPath = std::nullopt);

struct Ping
{
    bool ok = false;
    std::string apiVersion; // the Api-Version header, when it came
    std::string error;      // why not, in English
};
// GET /_ping with a short timeout; never throws.
Ping ping(const std::string &socketPath, int timeoutMs);

/// Which request field a 404 is about, so "not found" names it (data.field) and its value.
struct Subject
{
    Subject() = default;
    Subject(std::string f, std::string v, std::string w = {})
        : field(std::move(f)), value(std::move(v)), what(std::move(w))
    {}
    std::string field;
    std::string value;
    std::string what; // "container", "image", "volume", "network"; empty: from the field
};

/// The Engine API for one request: the socket from the request's `socket` param (validated) or
/// findSocket(), the API version negotiated once per socket with GET /version and cached, and
/// calls that turn Docker's answers into the protocol's errors:
///   404 → 4000 not found (data.field and data.value name what), 409 → 4002 conflict,
///   other non-2xx → 4001 Docker error (data.detail: Docker's message, data.status),
///   no socket / refused / timeout / API older than 1.41 → 4003 Docker unavailable.
/// Every connection honours the request's CancelToken.
class Engine final
{
public:
    Engine(const Params &params, const Context &context);

    struct Response
    {
        int status = 0;
        nlohmann::json body; // parsed JSON, or null for an empty body
    };

    // A call whose whole answer is read (at most 64 MiB). Statuses outside 2xx and 304 throw
    // the mapped error.
    Response call(const std::string &method, const std::string &path, const Query &query = {},
                  const nlohmann::json &body = nullptr, const Subject &subject = {},
                  int timeoutMs = kDefaultTimeoutMs);
    nlohmann::json get(const std::string &path, const Query &query = {},
                       const Subject &subject = {})
    {
        return call("GET", path, query, nullptr, subject).body;
    }

    // A streaming call: the connection after a 2xx status line, for the handler to read.
    // Error statuses are read and thrown here. idleTimeoutMs -1 waits forever.
    std::unique_ptr<UnixHttp> open(const std::string &method, const std::string &path,
                                   const Query &query, const Subject &subject,
                                   int idleTimeoutMs, const nlohmann::json &body = nullptr);

    // For requests the caller drives (a streamed upload, a hijacked exec): begin() connects
    // and sends the head only; the caller sends the body, then finish() reads the answer's head
    // and throws the mapped error unless it is 2xx or 101. HttpError becomes 4003 in both.
    std::unique_ptr<UnixHttp> begin(const std::string &method, const std::string &path,
                                    const Query &query, const UnixHttp::Headers &headers,
                                    const std::string &contentType, long long bodyLength,
                                    int idleTimeoutMs);
    void finish(UnixHttp &http, const std::string &method, const Subject &subject);

    const std::string &socketPath() const { return m_socket; }
    // The versioned, encoded request target: "/v1.41/containers/json?all=1".
    std::string target(const std::string &path, const Query &query);
    int apiMinor(); // negotiated minor version (41 for v1.41)

    static constexpr int kDefaultTimeoutMs = 60000;

private:

    void negotiate();
    [[noreturn]] void throwStatus(int status, const std::string &body, const Subject &subject);

    std::string m_socket;
    CancelToken &m_cancel;
    std::string m_prefix; // "/v1.41"
    int m_minor = 0;
};

// The protocol errors of the 4000 range (PROTOCOL.md, "containers").
RpcError notFound(const Subject &subject, const std::string &detail);
RpcError unavailable(const std::string &detail);

// Builds a query string's filters parameter: {"label":["a=b"]} → JSON text.
std::string filtersJson(const nlohmann::json &filters);

} // namespace qwqhelper::docker
