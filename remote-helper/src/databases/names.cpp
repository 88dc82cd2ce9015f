// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databases/names.h"

#include "params.h"

#include <arpa/inet.h>

namespace qwqhelper::databases {

const char *engineName(Engine engine)
{
    switch (engine) {
    case Engine::PostgreSql: return "postgresql";
    case Engine::MariaDb: return "mariadb";
    case Engine::MySql: return "mysql";
    case Engine::Redis: return "redis";
    }
    return "";
}

bool isMysqlFamily(Engine engine)
{
    return engine == Engine::MariaDb || engine == Engine::MySql;
}

Engine engine(const Params &params, const char *field)
{
    const std::string value = params.requiredString(field);
    for (Engine e : {Engine::PostgreSql, Engine::MariaDb, Engine::MySql, Engine::Redis})
        if (value == engineName(e))
            return e;
    throw invalidValue(field, "unknown engine", "postgresql, mariadb, mysql or redis");
}

bool isHost(const std::string &host)
{
    if (host.empty() || host.size() > 253)
        return false;
    unsigned char buf[16];
    if (::inet_pton(AF_INET, host.c_str(), buf) == 1 || ::inet_pton(AF_INET6, host.c_str(), buf) == 1)
        return true;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        const std::size_t len = dot - start;
        if (len == 0 || len > 63)
            return false;
        if (host[start] == '-' || host[dot - 1] == '-')
            return false;
        for (std::size_t i = start; i < dot; ++i) {
            const char c = host[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                  || c == '-' || c == '_'))
                return false;
        }
        if (dot == host.size())
            return true;
        start = dot + 1;
        if (start == host.size())
            return true; // a trailing dot (fully qualified)
    }
}

std::optional<std::string> host(const Params &params, const char *field)
{
    const auto value = params.optionalString(field);
    if (value && !isHost(*value))
        throw invalidValue(field, "invalid host",
                           "an IPv4 or IPv6 address or a host name (letters, digits, '-', '.')");
    return value;
}

std::optional<int> port(const Params &params, const char *field)
{
    const auto value = params.optionalInt(field);
    if (!value)
        return std::nullopt;
    if (*value < 1 || *value > 65535)
        throw outOfRange(field, 1, 65535);
    return static_cast<int>(*value);
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i] for a code point >= U+0080 (0 if none).
std::size_t utf8Sequence(const std::string &s, std::size_t i)
{
    const auto b = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = 0;
    unsigned min = 0, cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
        return 0; // C1 controls, line separators, bidi overrides, BOM
    return n;
}

} // namespace

bool isName(const std::string &name, std::size_t maxBytes)
{
    if (name.empty() || name.size() > maxBytes || name[0] == '-')
        return false;
    for (std::size_t i = 0; i < name.size();) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                  || c == '_' || c == '$' || c == '.' || c == '-'))
                return false;
            ++i;
            continue;
        }
        const std::size_t n = utf8Sequence(name, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string name(const Params &params, const char *field, std::size_t maxBytes, bool required)
{
    const auto value = required ? std::optional(params.requiredString(field))
                                : params.optionalString(field);
    if (!value)
        return {};
    if (!isName(*value, maxBytes))
        throw invalidValue(field, std::string("invalid ") + field,
                           "1.." + std::to_string(maxBytes)
                               + " bytes of letters, digits, '_', '$', '.' and '-', not starting "
                                 "with '-'");
    return *value;
}

std::optional<std::string> password(const Params &params, const char *field)
{
    const auto value = params.optionalString(field);
    if (value && (value->size() > 1024 || value->find('\0') != std::string::npos))
        throw invalidValue(field, "invalid password", "at most 1024 bytes without NUL");
    return value;
}

} // namespace qwqhelper::databases
