// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/validate.h"

#include "errors.h"
#include "fsutil.h"

#include <arpa/inet.h>
#include <idn2.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

bool isPlainPathChars(const std::string &p)
{
    return std::all_of(p.begin(), p.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '+'
               || c == '@' || c == '~';
    });
}

bool isHost(const std::string &h)
{
    if (h.size() > 2 && h.front() == '[' && h.back() == ']') {
        in6_addr a6{};
        return ::inet_pton(AF_INET6, h.substr(1, h.size() - 2).c_str(), &a6) == 1;
    }
    in_addr a4{};
    if (::inet_pton(AF_INET, h.c_str(), &a4) == 1)
        return true;
    return isDomain(h, false) || h == "localhost";
}

} // namespace

std::string str(const json &spec, const std::string &key, const std::string &field)
{
    if (!spec.contains(key) || spec[key].is_null())
        return {};
    if (!spec[key].is_string())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be a string",
                       errorData(field));
    return spec[key].get<std::string>();
}

bool flag(const json &spec, const std::string &key, const std::string &field)
{
    if (!spec.contains(key) || spec[key].is_null())
        return false;
    if (!spec[key].is_boolean())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be true or false",
                       errorData(field));
    return spec[key].get<bool>();
}

int64_t integer(const json &spec, const std::string &key, const std::string &field, int64_t min,
                int64_t max, int64_t fallback)
{
    if (!spec.contains(key) || spec[key].is_null())
        return fallback;
    if (!spec[key].is_number_integer())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be an integer",
                       errorData(field));
    const int64_t v = spec[key].get<int64_t>();
    if (v < min || v > max)
        throw outOfRange(field, min, max);
    return v;
}

const json &array(const json &spec, const std::string &key, const std::string &field)
{
    static const json empty = json::array();
    if (!spec.contains(key) || spec[key].is_null())
        return empty;
    if (!spec[key].is_array())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be an array",
                       errorData(field));
    return spec[key];
}

void requireSafe(const std::string &value, const std::string &field)
{
    if (!isSafeValue(value))
        throw invalidValue(field, "invalid " + field,
                           "printable ASCII without ; { } quotes \\ $ # or line breaks");
}

std::string domainField(const std::string &value, const std::string &field, bool wildcard)
{
    std::string name = value;
    if (std::any_of(value.begin(), value.end(), [](unsigned char c) { return c >= 0x80; })) {
        // IDNA2008 (libidn2): NFC, lower-cased, non-transitional (UTS #46), then punycode
        const bool star = wildcard && value.rfind("*.", 0) == 0;
        char *ascii = nullptr;
        const int rc = ::idn2_to_ascii_8z(value.c_str() + (star ? 2 : 0), &ascii,
                                          IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
        if (rc != IDN2_OK || !ascii)
            throw invalidValue(field, "invalid " + field,
                               std::string("not a valid internationalised domain name: ")
                                   + ::idn2_strerror(rc));
        name = (star ? "*." : "") + std::string(ascii);
        ::idn2_free(ascii);
    }
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    if (!isDomain(name, wildcard))
        throw invalidValue(field, "invalid " + field, "letters, digits, hyphens and dots only");
    return name;
}

std::string pathField(const std::string &value, const std::string &field,
                      const std::vector<std::string> &roots)
{
    if (!fs::isCleanAbsolutePath(value) || !isPlainPathChars(value))
        throw invalidValue(field, "invalid " + field,
                           "an absolute path of letters, digits and / . _ - + @ ~ without ..");
    if (!roots.empty() && !isPathUnder(value, roots)) {
        std::string list;
        for (const auto &r : roots)
            list += (list.empty() ? "" : ", ") + r;
        throw invalidValue(field, field + " is outside the allowed directories", "under " + list);
    }
    return value;
}

bool isHostPort(const std::string &s, bool portRequired)
{
    const auto close = s.rfind(']');
    const auto colon = s.rfind(':');
    std::string host = s, port;
    if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
        host = s.substr(0, colon);
        port = s.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), ::isdigit)
            || std::stoi(port) < 1 || std::stoi(port) > 65535)
            return false;
    } else if (portRequired) {
        return false;
    }
    return isHost(host);
}

std::string urlField(const std::string &value, const std::string &field)
{
    std::string rest;
    if (value.rfind("http://", 0) == 0)
        rest = value.substr(7);
    else if (value.rfind("https://", 0) == 0)
        rest = value.substr(8);
    else
        throw invalidValue(field, "invalid " + field, "http:// or https:// followed by a host");
    const auto slash = rest.find('/');
    const std::string hostPort = rest.substr(0, slash);
    const std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    const bool pathOk = std::all_of(path.begin(), path.end(), [](unsigned char c) {
        return std::isalnum(c) || std::string_view("/._~%-=&?+,:@!*").find(static_cast<char>(c))
                                      != std::string_view::npos;
    });
    if (!isHostPort(hostPort, false) || !pathOk || value.size() > 2048)
        throw invalidValue(field, "invalid " + field,
                           "http(s)://host[:port][/path] with URL-safe characters only");
    return value;
}

std::string sizeField(const std::string &value, const std::string &field)
{
    const bool ok = !value.empty() && value.size() <= 12
                    && std::all_of(value.begin(), value.end() - 1, ::isdigit)
                    && (std::isdigit(static_cast<unsigned char>(value.back()))
                        || std::string_view("kKmMgG").find(value.back()) != std::string_view::npos)
                    && std::isdigit(static_cast<unsigned char>(value.front()));
    if (!ok)
        throw invalidValue(field, "invalid " + field, "a number with an optional k, m or g suffix");
    return value;
}

std::string addressField(const std::string &value, const std::string &field)
{
    if (value == "all")
        return value;
    const auto slash = value.find('/');
    const std::string ip = value.substr(0, slash);
    in_addr a4{};
    in6_addr a6{};
    const bool v4 = ::inet_pton(AF_INET, ip.c_str(), &a4) == 1;
    const bool v6 = !v4 && ::inet_pton(AF_INET6, ip.c_str(), &a6) == 1;
    bool ok = v4 || v6;
    if (ok && slash != std::string::npos) {
        const std::string bits = value.substr(slash + 1);
        ok = !bits.empty() && bits.size() <= 3 && std::all_of(bits.begin(), bits.end(), ::isdigit)
             && std::stoi(bits) <= (v4 ? 32 : 128);
    }
    if (!ok)
        throw invalidValue(field, "invalid " + field, "an IPv4/IPv6 address, a CIDR range or all");
    return value;
}
bool isDomain(const std::string &s, bool allowWildcard)
{
    std::string name = s;
    if (allowWildcard && name.rfind("*.", 0) == 0)
        name = name.substr(2);
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const auto dot = name.find('.', start);
        const std::string label = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (unsigned char c : label)
            if (!(std::isalnum(c) || c == '-'))
                return false;
        if (dot == std::string::npos)
            return true;
        start = dot + 1;
    }
}

bool isSafeValue(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return c >= 0x20 && c < 0x7f && c != ';' && c != '{' && c != '}' && c != '"' && c != '\''
               && c != '\\' && c != '$' && c != '#';
    });
}

bool isPathUnder(const std::string &path, const std::vector<std::string> &roots)
{
    for (auto root : roots) {
        while (root.size() > 1 && root.back() == '/')
            root.pop_back();
        if (path == root || (path.rfind(root, 0) == 0 && (root == "/" || path[root.size()] == '/')))
            return true;
    }
    return false;
}

const json *object(const json &spec, const std::string &key, const std::string &field)
{
    if (!spec.contains(key) || spec[key].is_null())
        return nullptr;
    if (!spec[key].is_object())
        throw RpcError(Code::InvalidParams, "invalid params: " + field + " must be an object",
                       errorData(field));
    return &spec[key];
}

std::string listenField(const std::string &value, const std::string &field)
{
    const auto close = value.rfind(']');
    const auto colon = value.rfind(':');
    std::string host, port = value;
    if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
        host = value.substr(0, colon);
        port = value.substr(colon + 1);
    }
    in_addr a4{};
    in6_addr a6{};
    const bool hostOk = host.empty() || host == "*" || ::inet_pton(AF_INET, host.c_str(), &a4) == 1
                        || (host.size() > 2 && host.front() == '[' && host.back() == ']'
                            && ::inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &a6) == 1);
    const bool portOk = !port.empty() && port.size() <= 5
                        && std::all_of(port.begin(), port.end(), ::isdigit) && std::stoi(port) >= 1
                        && std::stoi(port) <= 65535;
    if (!hostOk || !portOk)
        throw invalidValue(field, "invalid " + field, "[address:]port, the address IPv4 or [IPv6]");
    return value;
}

} // namespace qwqhelper::nginx
