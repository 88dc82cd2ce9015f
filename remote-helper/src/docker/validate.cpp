// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/validate.h"

#include "params.h"

#include <algorithm>
#include <arpa/inet.h>
#include <string_view>

namespace qwqhelper::docker::validate {

using nlohmann::json;

namespace {

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
bool allOf(std::string_view s, bool (*pred)(char))
{
    return std::all_of(s.begin(), s.end(), pred);
}

// [alnum][alnum _ . -]{0,maxRest}
bool isName(std::string_view s, std::size_t minRest, std::size_t maxRest)
{
    if (s.empty() || !isAlnum(s[0]) || s.size() - 1 < minRest || s.size() - 1 > maxRest)
        return false;
    return std::all_of(s.begin() + 1, s.end(),
                       [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

// A registry host: DNS labels separated by '.', each [A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?,
// then an optional :port (1..65535). IPv6 literals are not accepted.
bool isRegistry(std::string_view s)
{
    std::string_view host = s;
    if (const auto colon = s.find(':'); colon != std::string_view::npos) {
        host = s.substr(0, colon);
        const std::string_view port = s.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !allOf(port, [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        const int p = std::stoi(std::string(port));
        if (p < 1 || p > 65535)
            return false;
    }
    if (host.empty() || host.size() > 253)
        return false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = host.find('.', start);
        const std::string_view label = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63 || !isAlnum(label.front()) || !isAlnum(label.back())
            || !allOf(label, [](char c) { return isAlnum(c) || c == '-'; }))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// A path component: [a-z0-9]+ ((\.|_|__|-+)[a-z0-9]+)*
bool isPathComponent(std::string_view s)
{
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (std::size_t i = 0; i < s.size();) {
        if (isLowerAlnum(s[i])) {
            ++i;
            continue;
        }
        // a separator run, then an alphanumeric must follow (the back is alphanumeric)
        if (s[i] == '.') {
            ++i;
        } else if (s[i] == '_') {
            i += (i + 1 < s.size() && s[i + 1] == '_') ? 2 : 1;
        } else if (s[i] == '-') {
            while (i < s.size() && s[i] == '-')
                ++i;
        } else {
            return false;
        }
        if (i >= s.size() || !isLowerAlnum(s[i]))
            return false;
    }
    return true;
}

bool isTag(std::string_view s)
{
    if (s.empty() || s.size() > 128 || !(isAlnum(s[0]) || s[0] == '_'))
        return false;
    return allOf(s, [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool isDigest(std::string_view s)
{
    return s.size() == 7 + 64 && s.substr(0, 7) == "sha256:" && allOf(s.substr(7), isHex);
}

bool isImageId(std::string_view s)
{
    if (s.substr(0, 7) == "sha256:")
        return isDigest(s);
    return s.size() >= 12 && s.size() <= 64 && allOf(s, isHex);
}

RpcError bad(const char *field, const std::string &what, const std::string &hint)
{
    return invalidValue(field, std::string("invalid ") + what, hint);
}

const char *const kSignals[] = {
    "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV",
    "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
    "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS"};

} // namespace

bool isContainerName(const std::string &name)
{
    return isName(name, 0, 127);
}

std::string container(const Params &params, const char *field)
{
    std::string v = params.requiredString(field);
    if (!isContainerName(v))
        throw bad(field, "container id or name",
                  "letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128");
    return v;
}

bool isImageReference(const std::string &ref)
{
    if (ref.empty() || ref.size() > 255)
        return false;
    if (isImageId(ref))
        return true;
    std::string_view rest = ref;
    if (const auto at = rest.find('@'); at != std::string_view::npos) {
        if (!isDigest(rest.substr(at + 1)))
            return false;
        rest = rest.substr(0, at);
    }
    // A tag is after the last ':' that comes after the last '/'.
    const auto slash = rest.rfind('/');
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
        if (!isTag(rest.substr(colon + 1)))
            return false;
        rest = rest.substr(0, colon);
    }
    // The first component is a registry when it has a '.' or ':' or is "localhost" (Docker's
    // rule); otherwise every component is a path component.
    const auto first = rest.find('/');
    if (first != std::string_view::npos) {
        const std::string_view head = rest.substr(0, first);
        if (head.find_first_of(".:") != std::string_view::npos || head == "localhost") {
            if (!isRegistry(head))
                return false;
            rest = rest.substr(first + 1);
        }
    }
    if (rest.empty())
        return false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t s = rest.find('/', start);
        if (!isPathComponent(rest.substr(start, s == std::string_view::npos ? std::string_view::npos : s - start)))
            return false;
        if (s == std::string_view::npos)
            return true;
        start = s + 1;
    }
}

bool hasTagOrDigest(const std::string &ref)
{
    if (ref.find('@') != std::string::npos)
        return true;
    const auto slash = ref.rfind('/');
    const auto colon = ref.rfind(':');
    return colon != std::string::npos && (slash == std::string::npos || colon > slash);
}

std::string image(const Params &params, const char *field)
{
    std::string v = params.requiredString(field);
    if (!isImageReference(v))
        throw bad(field, "image reference",
                  "[registry[:port]/]path[:tag][@sha256:digest] with a lower-case path, or an "
                  "image id");
    return v;
}

std::string volume(const Params &params, const char *field)
{
    std::string v = params.requiredString(field);
    if (!isName(v, 1, 254))
        throw bad(field, "volume name",
                  "letters, digits, '_', '.' and '-', starting with a letter or digit, 2 to 255");
    return v;
}

std::string network(const Params &params, const char *field)
{
    std::string v = params.requiredString(field);
    if (!isName(v, 0, 127))
        throw bad(field, "network id or name",
                  "letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128");
    return v;
}

std::optional<std::string> driver(const Params &params, const char *field)
{
    auto v = params.optionalString(field);
    if (v && (v->empty() || v->size() > 64 || !isLowerAlnum((*v)[0])
              || !allOf(*v, [](char c) { return isLowerAlnum(c) || c == '_' || c == '.' || c == '-'; })))
        throw bad(field, "driver name", "lower-case letters, digits, '_', '.' and '-'");
    return v;
}

std::string signal(const Params &params, const char *field)
{
    const auto v = params.optionalString(field);
    if (!v)
        return "SIGKILL";
    const std::string &s = *v;
    if (!s.empty() && s.size() <= 2 && allOf(s, [](char c) { return c >= '0' && c <= '9'; })
        && s[0] != '0') {
        const int n = std::stoi(s);
        if (n >= 1 && n <= 64)
            return s;
    }
    const std::string bare = s.rfind("SIG", 0) == 0 ? s.substr(3) : s;
    for (const char *name : kSignals)
        if (bare == name)
            return "SIG" + bare;
    // Real-time signals: RTMIN, RTMIN+n, RTMAX-n (n 1..15).
    if (bare == "RTMIN" || bare == "RTMAX")
        return "SIG" + bare;
    if ((bare.rfind("RTMIN+", 0) == 0 || bare.rfind("RTMAX-", 0) == 0) && bare.size() <= 8) {
        const std::string n = bare.substr(6);
        if (!n.empty() && allOf(n, [](char c) { return c >= '0' && c <= '9'; }) && n[0] != '0'
            && std::stoi(n) <= 15)
            return "SIG" + bare;
    }
    throw bad(field, "signal", "a signal name such as SIGTERM, TERM or KILL, or a number 1 to 64");
}

json labels(const Params &params, const char *field)
{
    json out = json::object();
    const json *obj = params.optionalObject(field);
    if (!obj)
        return out;
    if (obj->size() > 256)
        throw bad(field, "labels", "at most 256 labels");
    for (const auto &[key, value] : obj->items()) {
        const bool keyOk = !key.empty() && key.size() <= 255 && isAlnum(key[0])
                           && allOf(key, [](char c) {
                                  return isAlnum(c) || c == '.' || c == '_' || c == '/' || c == '-';
                              });
        if (!keyOk)
            throw bad(field, "label key",
                      "letters, digits, '.', '_', '/' and '-', starting with a letter or digit");
        if (!value.is_string())
            throw RpcError(Code::InvalidParams, std::string("invalid params: ") + field
                               + " values must be strings", errorData(field));
        const std::string text = value.get<std::string>();
        if (text.size() > 4096
            || std::any_of(text.begin(), text.end(),
                           [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
            throw bad(field, "label value", "at most 4096 bytes without control characters");
        out[key] = text;
    }
    return out;
}

std::optional<std::string> ipAddress(const Params &params, const char *field, bool cidr)
{
    auto v = params.optionalString(field);
    if (!v)
        return v;
    std::string addr = *v;
    int maxPrefix = -1;
    int prefix = -1;
    if (cidr) {
        const auto slash = addr.find('/');
        const std::string bits = slash == std::string::npos ? "" : addr.substr(slash + 1);
        if (bits.empty() || bits.size() > 3
            || !allOf(bits, [](char c) { return c >= '0' && c <= '9'; }))
            throw bad(field, "subnet", "an address with a prefix length, e.g. 172.30.0.0/16");
        prefix = std::stoi(bits);
        addr = addr.substr(0, slash);
    }
    unsigned char buf[16];
    if (::inet_pton(AF_INET, addr.c_str(), buf) == 1)
        maxPrefix = 32;
    else if (::inet_pton(AF_INET6, addr.c_str(), buf) == 1)
        maxPrefix = 128;
    if (maxPrefix < 0 || prefix > maxPrefix)
        throw bad(field, cidr ? "subnet" : "address",
                  cidr ? "an address with a prefix length, e.g. 172.30.0.0/16"
                       : "an IPv4 or IPv6 address");
    return v;
}

std::optional<int64_t> intInRange(const Params &params, const char *field, int64_t min,
                                  int64_t max)
{
    const auto v = params.optionalInt(field);
    if (v && (*v < min || *v > max))
        throw outOfRange(field, min, max);
    return v;
}

json argv(const Params &params, const char *field)
{
    const auto args = params.stringList(field);
    if (args.size() > 256)
        throw invalidValue(field, "too many arguments", "at most 256");
    for (const auto &a : args)
        if (a.size() > 32 * 1024 || a.find('\0') != std::string::npos)
            throw invalidValue(field, "invalid argument", "at most 32 KiB each, no NUL");
    return args; // argv for the container's entrypoint: no shell is involved
}

json environment(const Params &params, const char *field)
{
    json env = json::array();
    for (const auto &e : params.stringList(field)) {
        const auto eq = e.find('=');
        const std::string key = e.substr(0, eq);
        const bool keyOk = eq != std::string::npos && !key.empty() && key.size() <= 255
                           && !std::isdigit(static_cast<unsigned char>(key[0]))
                           && std::all_of(key.begin(), key.end(), [](unsigned char c) {
                                  return std::isalnum(c) || c == '_';
                              });
        if (!keyOk || e.size() > 32 * 1024 || e.find('\0') != std::string::npos)
            throw invalidValue(field, "invalid environment entry",
                               "KEY=value, KEY of letters, digits and '_' not starting with a digit");
        env.push_back(e);
    }
    return env;
}

bool isContainerPath(const std::string &path)
{
    if (path.empty() || path[0] != '/' || path.size() > 4096 || path.find("/../") != std::string::npos
        || (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0))
        return false;
    return std::none_of(path.begin(), path.end(),
                        [](unsigned char c) { return c < 0x20 || c == 0x7f || c == ','; });
}

std::optional<std::string> user(const Params &params, const char *field)
{
    const auto u = params.optionalString(field);
    if (!u)
        return std::nullopt;
    const auto part = [](const std::string &s) {
        return !s.empty() && s[0] != '-' && std::all_of(s.begin(), s.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '.' || c == '-';
        });
    };
    const auto colon = u->find(':');
    const bool ok = u->size() <= 64
                    && (colon == std::string::npos
                            ? part(*u)
                            : part(u->substr(0, colon)) && part(u->substr(colon + 1)));
    if (!ok)
        throw invalidValue(field, "invalid user", "name or uid, optionally :group or :gid");
    return u;
}

} // namespace qwqhelper::docker::validate
