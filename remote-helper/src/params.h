// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errors.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qwqhelper {

/// Typed, read-only access to a request's params. Every accessor throws RpcError -32602 naming
/// the field when the JSON shape or type is wrong; range and grammar checks are the handler's
/// (they answer 1001). Unknown fields are ignored so a newer app can talk to an older helper.
class Params final
{
public:
    explicit Params(const nlohmann::json &params) : m_params(params) {}

    bool has(const char *field) const
    {
        return m_params.is_object() && m_params.contains(field) && !m_params[field].is_null();
    }

    std::string requiredString(const char *field) const
    {
        if (!has(field))
            throw wrongType(field, "is required");
        return stringField(field);
    }

    std::optional<std::string> optionalString(const char *field) const
    {
        if (!has(field))
            return std::nullopt;
        return stringField(field);
    }

    std::optional<int64_t> optionalInt(const char *field) const
    {
        if (!has(field))
            return std::nullopt;
        const auto &v = m_params[field];
        if (v.is_number_integer())
            return v.get<int64_t>();
        if (v.is_number_unsigned())
            return INT64_MAX; // larger than any range a handler accepts
        // 1000.0 is an integer in JSON terms; 1000.5 is not.
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (d == static_cast<double>(static_cast<int64_t>(d)) && d > -9e18 && d < 9e18)
                return static_cast<int64_t>(d);
        }
        throw wrongType(field, "must be an integer");
    }

    int64_t intOr(const char *field, int64_t fallback) const
    {
        return optionalInt(field).value_or(fallback);
    }

    std::optional<bool> optionalBool(const char *field) const
    {
        if (!has(field))
            return std::nullopt;
        const auto &v = m_params[field];
        if (!v.is_boolean())
            throw wrongType(field, "must be true or false");
        return v.get<bool>();
    }

    // The field's JSON object (nullptr when absent); its members are the caller's to check.
    const nlohmann::json *optionalObject(const char *field) const
    {
        if (!has(field))
            return nullptr;
        const auto &v = m_params[field];
        if (!v.is_object())
            throw wrongType(field, "must be an object");
        return &v;
    }

    // The field's JSON array (nullptr when absent); its items are the caller's to check.
    const nlohmann::json *optionalArray(const char *field) const
    {
        if (!has(field))
            return nullptr;
        const auto &v = m_params[field];
        if (!v.is_array())
            throw wrongType(field, "must be an array");
        return &v;
    }

    // An array of strings; empty when absent.
    std::vector<std::string> stringList(const char *field) const
    {
        std::vector<std::string> list;
        if (!has(field))
            return list;
        const auto &v = m_params[field];
        if (!v.is_array())
            throw wrongType(field, "must be an array of strings");
        for (const auto &item : v) {
            if (!item.is_string())
                throw wrongType(field, "must be an array of strings");
            list.push_back(item.get<std::string>());
        }
        return list;
    }

    // The params as given (for a handler that calls another with one field changed).
    const nlohmann::json &raw() const { return m_params; }

private:
    std::string stringField(const char *field) const
    {
        const auto &v = m_params[field];
        if (!v.is_string())
            throw wrongType(field, "must be a string");
        return v.get<std::string>();
    }

    static RpcError wrongType(const char *field, const std::string &what)
    {
        return RpcError(Code::InvalidParams, std::string("invalid params: ") + field + " " + what,
                        errorData(field));
    }

    const nlohmann::json &m_params;
};

} // namespace qwqhelper
