// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <exception>
#include <string>

namespace qwqhelper {

// The closed list of error codes the helper sends (PROTOCOL.md has the table).
namespace Code {
inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603;
inline constexpr int NotInitialized = -32002;
inline constexpr int Cancelled = -32800;
inline constexpr int Internal = 1000;
inline constexpr int InvalidValue = 1001;
inline constexpr int Forbidden = 1003;
// Containers (Docker Engine API): see PROTOCOL.md, "containers".
inline constexpr int DockerNotFound = 4000;    // container/image/volume/network; data.field names it
inline constexpr int DockerError = 4001;       // any other failure status; data.detail is Docker's
inline constexpr int DockerConflict = 4002;    // 409: name in use, running, in use by a container
inline constexpr int DockerUnavailable = 4003; // no socket, refused, timed out, API too old
inline constexpr int ProtocolMismatch = 8006;
} // namespace Code

/// An error that becomes a JSON-RPC error object. Handlers throw it; only dispatch catches it
/// and writes it, so a handler never writes an error line itself.
struct RpcError final : std::exception
{
    RpcError(int c, std::string m, nlohmann::json d = nullptr)
        : code(c), message(std::move(m)), data(std::move(d))
    {}
    const char *what() const noexcept override { return message.c_str(); }

    nlohmann::json toJson() const
    {
        nlohmann::json e = {{"code", code}, {"message", message}};
        if (!data.is_null())
            e["data"] = data;
        return e;
    }

    int code;
    std::string message;
    nlohmann::json data;
};

// The data object of a domain error: the field at fault plus optional hint and detail.
inline nlohmann::json errorData(const std::string &field, const std::string &hint = {},
                                const std::string &detail = {})
{
    nlohmann::json d = nlohmann::json::object();
    if (!field.empty())
        d["field"] = field;
    if (!hint.empty())
        d["hint"] = hint;
    if (!detail.empty())
        d["detail"] = detail;
    return d;
}

inline RpcError invalidValue(const std::string &field, const std::string &message,
                             const std::string &hint = {})
{
    return RpcError(Code::InvalidValue, message, errorData(field, hint));
}

// A number outside its range: data also carries "min" and "max" so the app can word the
// hint in the user's language (the helper has no locale).
inline RpcError outOfRange(const std::string &field, int64_t min, int64_t max)
{
    nlohmann::json d = errorData(field, "between " + std::to_string(min) + " and "
                                            + std::to_string(max));
    d["min"] = min;
    d["max"] = max;
    return RpcError(Code::InvalidValue, field + " is out of range", d);
}

inline RpcError cancelledError()
{
    return RpcError(Code::Cancelled, "cancelled");
}

} // namespace qwqhelper
