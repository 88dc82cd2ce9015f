// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/spec.h"

#include "errors.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace qwqhelper::compose {

using nlohmann::json;

namespace {

// Service keys of the Compose Specification and of the older 2.x/3.x file formats (compose
// v1 still reads those): anything else is a typo or a key this compose will not understand.
// The key sets are made on first use, not as the helper starts (see QWQ_STARTUP in dispatch.h).
const std::set<std::string> &serviceKeys()
{
    static const std::set<std::string> keys = {
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
        "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
        "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec",
        "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
        "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends",
        "external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image",
        "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
        "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode",
        "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
        "post_start", "pre_stop", "privileged", "profiles", "pull_policy", "read_only", "restart",
        "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
        "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
        "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir", "volume_driver",
        "log_driver", "log_opt", "net", "dockerfile", "use_api_socket", "models", "provider"};
    return keys;
}

const std::set<std::string> &topKeys()
{
    static const std::set<std::string> keys = {"version", "services", "networks", "volumes", "configs",
                                               "secrets", "name", "include", "models"};
    return keys;
}

const std::set<std::string> &highCaps()
{
    static const std::set<std::string> caps = {"SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_ADMIN",
                                               "DAC_READ_SEARCH", "SYS_RAWIO", "SYS_BOOT"};
    return caps;
}
const char *kSensitive[] = {"/etc", "/root", "/var/lib/docker", "/proc", "/sys", "/dev",
                            "/boot", "/usr", "/var/run", "/run"};

[[noreturn]] void invalid(const std::string &message, const YAML::Mark &mark,
                          const std::string &key = {}, const std::string &service = {})
{
    json data = errorData("yaml", {}, message);
    if (!mark.is_null()) {
        data["line"] = mark.line + 1;
        data["column"] = mark.column + 1;
    }
    if (!key.empty())
        data["key"] = key;
    if (!service.empty())
        data["service"] = service;
    throw RpcError(4004, "invalid compose file: " + message, data);
}

std::string scalar(const YAML::Node &n)
{
    return n.IsScalar() ? n.Scalar() : std::string();
}

bool truthy(const YAML::Node &n)
{
    if (!n.IsScalar())
        return false;
    std::string s = n.Scalar();
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    return s == "true" || s == "yes" || s == "on" || s == "1";
}

std::string normalizePath(std::string p)
{
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

class Linter
{
public:
    explicit Linter(json &findings) : m_findings(findings) {}

    void add(const char *rule, const char *severity, const std::string &service,
             const std::string &path, const YAML::Mark &mark, const std::string &message)
    {
        json f = {{"rule", rule}, {"severity", severity}, {"service", service},
                  {"path", path}, {"message", message}};
        if (!mark.is_null()) {
            f["line"] = mark.line + 1;
            f["column"] = mark.column + 1;
        }
        m_findings.push_back(std::move(f));
    }

    void service(const std::string &name, const YAML::Node &s)
    {
        const std::string base = "services." + name;
        if (const auto n = s["privileged"]; n && truthy(n))
            add("privileged", "high", name, base + ".privileged", n.Mark(),
                "runs privileged: full access to the host");
        if (const auto n = s["network_mode"]; n && scalar(n) == "host")
            add("network-host", "medium", name, base + ".network_mode", n.Mark(),
                "uses the host's network stack");
        if (const auto n = s["pid"]; n && scalar(n) == "host")
            add("pid-host", "high", name, base + ".pid", n.Mark(),
                "sees and can signal every process of the host");
        if (const auto n = s["ipc"]; n && scalar(n) == "host")
            add("ipc-host", "medium", name, base + ".ipc", n.Mark(), "shares the host's IPC namespace");
        if (const auto n = s["userns_mode"]; n && scalar(n) == "host")
            add("userns-host", "medium", name, base + ".userns_mode", n.Mark(),
                "does not use user namespace remapping");
        if (const auto n = s["devices"]; n && n.IsSequence() && n.size() > 0)
            add("devices", "medium", name, base + ".devices", n.Mark(), "has host devices");
        if (const auto n = s["cap_add"]; n && n.IsSequence())
            for (const auto &c : n) {
                std::string cap = scalar(c);
                std::transform(cap.begin(), cap.end(), cap.begin(), ::toupper);
                if (cap.rfind("CAP_", 0) == 0)
                    cap = cap.substr(4);
                if (cap == "ALL")
                    add("cap-all", "high", name, base + ".cap_add", c.Mark(),
                        "adds every capability");
                else
                    add("cap-add", highCaps().count(cap) ? "high" : "medium", name,
                        base + ".cap_add", c.Mark(), "adds capability " + cap);
            }
        if (const auto n = s["security_opt"]; n && n.IsSequence())
            for (const auto &o : n) {
                const std::string opt = scalar(o);
                if (opt.find("unconfined") != std::string::npos)
                    add("security-unconfined", "medium", name, base + ".security_opt", o.Mark(),
                        "turns off a security profile: " + opt);
            }
        if (const auto n = s["volumes"]; n && n.IsSequence())
            for (const auto &v : n)
                volume(name, base + ".volumes", v);
    }

    void volume(const std::string &name, const std::string &path, const YAML::Node &v)
    {
        std::string source, mode;
        bool readOnly = false;
        if (v.IsScalar()) {
            const std::string text = v.Scalar();
            const auto first = text.find(':');
            if (first == std::string::npos)
                return; // an anonymous volume
            source = text.substr(0, first);
            const auto second = text.find(':', first + 1);
            if (second != std::string::npos)
                mode = text.substr(second + 1);
            readOnly = mode == "ro" || mode.rfind("ro,", 0) == 0
                       || mode.find(",ro") != std::string::npos;
        } else if (v.IsMap()) {
            if (const auto t = v["type"]; t && scalar(t) != "bind")
                return;
            source = scalar(v["source"]);
            readOnly = v["read_only"] && truthy(v["read_only"]);
        }
        if (source.empty() || source[0] != '/')
            return; // a named volume or a relative path inside the project
        const std::string src = normalizePath(source);
        if (src == "/") {
            add("mount-host-root", "high", name, path, v.Mark(),
                "mounts the host's root filesystem");
        } else if (src == "/var/run/docker.sock" || src == "/run/docker.sock"
                   || src == "/var/run" || src == "/run") {
            add("mount-docker-socket", "high", name, path, v.Mark(),
                "mounts the Docker socket: root on the host");
        } else if (!readOnly) {
            for (const char *s : kSensitive) {
                const std::string dir = s;
                if (src == dir || src.rfind(dir + "/", 0) == 0) {
                    add("mount-sensitive", "high", name, path, v.Mark(),
                        "mounts " + src + " writable");
                    break;
                }
            }
        }
    }

private:
    json &m_findings;
};

// "8080:80", "127.0.0.1:8080:80/udp", "[::1]:8080-8081:80-81", "80": host ports only.
void shortPort(const std::string &service, const YAML::Node &n, std::vector<Spec::Port> &out,
               Linter &lint)
{
    std::string text = n.Scalar();
    std::string protocol = "tcp";
    if (const auto slash = text.rfind('/'); slash != std::string::npos) {
        protocol = text.substr(slash + 1);
        text = text.substr(0, slash);
    }
    std::string ip;
    if (!text.empty() && text[0] == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos)
            return;
        ip = text.substr(1, close - 1);
        text = text.substr(close + 1);
        if (!text.empty() && text[0] == ':')
            text = text.substr(1);
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t pos; (pos = text.find(':', start)) != std::string::npos; start = pos + 1)
        parts.push_back(text.substr(start, pos - start));
    parts.push_back(text.substr(start));
    if (parts.size() == 1)
        return; // container port only: Docker picks a free host port
    std::string host;
    if (parts.size() == 2) {
        host = parts[0];
    } else if (parts.size() == 3) {
        ip = parts[0];
        host = parts[1];
    } else {
        return;
    }
    if (host.empty() || host.find('$') != std::string::npos)
        return; // a variable: known only to compose
    int from = 0, to = 0;
    try {
        const auto dash = host.find('-');
        from = std::stoi(host.substr(0, dash));
        to = dash == std::string::npos ? from : std::stoi(host.substr(dash + 1));
    } catch (const std::exception &) {
        return; // compose config reports it
    }
    if (from < 1 || to > 65535 || to < from || to - from >= 100)
        return;
    if (ip.empty()) {
        lint.add("port-all-interfaces", "low", service, "services." + service + ".ports",
                 n.Mark(), "port " + host + " is published on every interface");
        ip = "0.0.0.0";
    }
    for (int p = from; p <= to; ++p)
        out.push_back({service, ip, p, protocol, n.Mark().line + 1, n.Mark().column + 1});
}

void longPort(const std::string &service, const YAML::Node &n, std::vector<Spec::Port> &out,
              Linter &lint)
{
    const std::string published = scalar(n["published"]);
    if (published.empty() || published.find('$') != std::string::npos)
        return;
    std::string ip = scalar(n["host_ip"]);
    const std::string protocol = n["protocol"] ? scalar(n["protocol"]) : "tcp";
    int from = 0, to = 0;
    try {
        const auto dash = published.find('-');
        from = std::stoi(published.substr(0, dash));
        to = dash == std::string::npos ? from : std::stoi(published.substr(dash + 1));
    } catch (const std::exception &) {
        return;
    }
    if (from < 1 || to > 65535 || to < from || to - from >= 100)
        return;
    if (ip.empty()) {
        lint.add("port-all-interfaces", "low", service, "services." + service + ".ports",
                 n.Mark(), "port " + published + " is published on every interface");
        ip = "0.0.0.0";
    }
    for (int p = from; p <= to; ++p)
        out.push_back({service, ip, p, protocol, n.Mark().line + 1, n.Mark().column + 1});
}

} // namespace

bool isProjectName(const std::string &name)
{
    if (name.empty() || name.size() > 63 || !(std::islower(static_cast<unsigned char>(name[0]))
                                              || std::isdigit(static_cast<unsigned char>(name[0]))))
        return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::islower(c) || std::isdigit(c) || c == '_' || c == '-';
    });
}

bool isServiceName(const std::string &name)
{
    if (name.empty() || name.size() > 63 || !std::isalnum(static_cast<unsigned char>(name[0])))
        return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '.' || c == '-';
    });
}

Spec parse(const std::string &yaml)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::ParserException &e) {
        invalid(e.msg, e.mark);
    } catch (const YAML::Exception &e) {
        invalid(e.msg, e.mark);
    }
    Spec spec;
    try {
        if (!root.IsMap())
            invalid("the file must be a mapping with a services key", root.Mark());
        for (const auto &item : root) {
            const std::string key = scalar(item.first);
            if (!topKeys().count(key) && key.rfind("x-", 0) != 0)
                invalid("unknown top-level key '" + key + "'", item.first.Mark(), key);
        }
        const YAML::Node services = root["services"];
        if (!services || !services.IsMap())
            invalid("services must be a mapping of service names to services",
                    services ? services.Mark() : root.Mark(), "services");
        Linter lint(spec.findings);
        for (const auto &item : services) {
            const std::string name = scalar(item.first);
            if (!isServiceName(name))
                invalid("invalid service name '" + name + "'", item.first.Mark(), name);
            const YAML::Node &s = item.second;
            if (!s.IsMap())
                invalid("service '" + name + "' must be a mapping", s.Mark(), {}, name);
            for (const auto &k : s) {
                const std::string key = scalar(k.first);
                if (!serviceKeys().count(key) && key.rfind("x-", 0) != 0 && key != "<<")
                    invalid("unknown key '" + key + "' in service '" + name + "'",
                            k.first.Mark(), key, name);
            }
            if (!s["image"] && !s["build"] && !s["extends"])
                invalid("service '" + name + "' has neither image nor build", item.first.Mark(),
                        {}, name);
            spec.services.push_back(name);
            lint.service(name, s);
            if (const auto ports = s["ports"]; ports && ports.IsSequence())
                for (const auto &p : ports) {
                    if (p.IsScalar())
                        shortPort(name, p, spec.ports, lint);
                    else if (p.IsMap())
                        longPort(name, p, spec.ports, lint);
                }
        }
    } catch (const YAML::Exception &e) {
        invalid(e.msg, e.mark);
    }
    return spec;
}

json composeErrorData(const std::string &text)
{
    json data = errorData("yaml", {}, text.size() > 4096 ? text.substr(text.size() - 4096) : text);
    std::smatch m;
    static const std::regex lineColumn(R"(line (\d+), column (\d+))");
    static const std::regex lineOnly(R"(line (\d+))");
    if (std::regex_search(text, m, lineColumn)) {
        data["line"] = std::stoi(m[1]);
        data["column"] = std::stoi(m[2]);
    } else if (std::regex_search(text, m, lineOnly)) {
        data["line"] = std::stoi(m[1]);
    }
    static const std::regex v1Key(R"(Unsupported config option for services\.([A-Za-z0-9_.-]+): '([^']+)')");
    static const std::regex v2Key(R"(services\.([A-Za-z0-9_.-]+) additional propert(?:y|ies) '([^']+)')");
    if (std::regex_search(text, m, v1Key) || std::regex_search(text, m, v2Key)) {
        data["service"] = m[1].str();
        data["key"] = m[2].str();
    }
    return data;
}

} // namespace qwqhelper::compose
