// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/store.h"

#include "compose/spec.h"
#include "errors.h"
#include "fsutil.h"

#include <algorithm>
#include <ctime>

namespace qwqhelper::compose {

using nlohmann::json;

namespace {
constexpr std::size_t kMaxFile = 1u << 20;

int toInt(const std::string &s)
{
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), ::isdigit))
        return 0;
    return std::stoi(s);
}
} // namespace

Store::Store() : m_root(fs::dataRoot() + "/compose") {}

std::string Store::projectDir(const std::string &project) const
{
    return m_root + "/" + project;
}

std::string Store::composeFile(const std::string &project) const
{
    return projectDir(project) + "/compose.yml";
}

bool Store::exists(const std::string &project) const
{
    return fs::readRegular(composeFile(project), kMaxFile).has_value();
}

std::vector<std::string> Store::projects() const
{
    std::vector<std::string> names;
    for (const auto &n : fs::listDir(m_root))
        if (isProjectName(n) && exists(n))
            names.push_back(n);
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<Store::Files> Store::current(const std::string &project) const
{
    auto yaml = fs::readRegular(composeFile(project), kMaxFile);
    if (!yaml)
        return std::nullopt;
    return Files{*yaml, fs::readRegular(projectDir(project) + "/.env", kMaxFile)};
}

int Store::currentVersion(const std::string &project) const
{
    const auto v = fs::readRegular(projectDir(project) + "/.qwq-version", 64);
    return v ? toInt(v->substr(0, v->find('\n'))) : 0;
}

std::optional<Store::Files> Store::version(const std::string &project, int version) const
{
    const std::string dir = projectDir(project) + "/.versions/" + std::to_string(version);
    auto yaml = fs::readRegular(dir + "/compose.yml", kMaxFile);
    if (!yaml)
        return std::nullopt;
    return Files{*yaml, fs::readRegular(dir + "/.env", kMaxFile)};
}

json Store::versions(const std::string &project) const
{
    std::vector<int> numbers;
    for (const auto &n : fs::listDir(projectDir(project) + "/.versions"))
        if (const int v = toInt(n); v > 0)
            numbers.push_back(v);
    std::sort(numbers.rbegin(), numbers.rend());
    const int cur = currentVersion(project);
    json list = json::array();
    for (const int v : numbers) {
        const auto meta = fs::readRegular(projectDir(project) + "/.versions/" + std::to_string(v)
                                              + "/meta.json", 64 * 1024);
        json m = meta ? json::parse(*meta, nullptr, false) : json::object();
        if (!m.is_object())
            m = json::object();
        list.push_back({{"version", v}, {"time", m.value("time", int64_t(0))},
                        {"sha256", m.value("sha256", std::string())},
                        {"bytes", m.value("bytes", int64_t(0))}, {"current", v == cur}});
    }
    return list;
}

std::string Store::hash(const Files &files)
{
    return fs::sha256Hex(files.yaml + std::string("\0", 1) + (files.env ? "1" + *files.env : "0"));
}

int Store::commit(const std::string &project, const Files &files)
{
    const std::string dir = projectDir(project);
    fs::makeDirs(dir + "/.versions");
    int next = 1;
    for (const auto &n : fs::listDir(dir + "/.versions"))
        next = std::max(next, toInt(n) + 1);
    const std::string vdir = dir + "/.versions/" + std::to_string(next);
    fs::makeDirs(vdir);
    fs::writeAtomic(vdir + "/compose.yml", files.yaml);
    if (files.env)
        fs::writeAtomic(vdir + "/.env", *files.env);
    fs::writeAtomic(vdir + "/meta.json",
                    json{{"time", static_cast<int64_t>(std::time(nullptr))},
                         {"sha256", hash(files)},
                         {"bytes", files.yaml.size()}}
                        .dump());

    fs::writeAtomic(dir + "/compose.yml", files.yaml);
    if (files.env)
        fs::writeAtomic(dir + "/.env", *files.env);
    else
        fs::removeTree(dir + "/.env");
    fs::writeAtomic(dir + "/.qwq-version", std::to_string(next) + "\n");

    // Old versions beyond the last kKeepVersions go.
    std::vector<int> numbers;
    for (const auto &n : fs::listDir(dir + "/.versions"))
        if (const int v = toInt(n); v > 0)
            numbers.push_back(v);
    std::sort(numbers.rbegin(), numbers.rend());
    for (std::size_t i = kKeepVersions; i < numbers.size(); ++i)
        fs::removeTree(dir + "/.versions/" + std::to_string(numbers[i]));
    return next;
}

void Store::restore(const std::string &project, const std::optional<Files> &previous,
                    int previousVersion, int failed)
{
    const std::string dir = projectDir(project);
    if (!previous) {
        fs::removeTree(dir);
        return;
    }
    fs::writeAtomic(dir + "/compose.yml", previous->yaml);
    if (previous->env)
        fs::writeAtomic(dir + "/.env", *previous->env);
    else
        fs::removeTree(dir + "/.env");
    if (previousVersion > 0)
        fs::writeAtomic(dir + "/.qwq-version", std::to_string(previousVersion) + "\n");
    if (failed > 0)
        fs::removeTree(dir + "/.versions/" + std::to_string(failed));
}

std::string Store::stage(const Files &files) const
{
    const std::string dir = fs::makeTempDir(m_root + "/.staging", "stage-");
    fs::writeAtomic(dir + "/compose.yml", files.yaml);
    if (files.env)
        fs::writeAtomic(dir + "/.env", *files.env);
    return dir;
}

std::string Store::envText(const json &env)
{
    if (!env.is_object())
        throw RpcError(-32602, "invalid params: env must be an object", errorData("env"));
    if (env.size() > 256)
        throw invalidValue("env", "too many variables", "at most 256");
    std::string text;
    for (const auto &[key, value] : env.items()) {
        const bool keyOk = !key.empty() && key.size() <= 255
                           && !std::isdigit(static_cast<unsigned char>(key[0]))
                           && std::all_of(key.begin(), key.end(), [](unsigned char c) {
                                  return std::isalnum(c) || c == '_';
                              });
        if (!keyOk)
            throw invalidValue("env", "invalid variable name " + key.substr(0, 64),
                               "letters, digits and _, not starting with a digit");
        if (!value.is_string())
            throw RpcError(-32602, "invalid params: env values must be strings", errorData("env"));
        const auto &v = value.get_ref<const std::string &>();
        if (v.size() > 4096 || v.find_first_of(std::string("\0\r\n", 3)) != std::string::npos)
            throw invalidValue("env", "invalid value for " + key,
                               "at most 4096 bytes without NUL, CR or LF");
        text += key + "=" + v + "\n";
    }
    return text;
}

json Store::envObject(const std::string &text)
{
    json env = json::object();
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line[0] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            env[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return env;
}

} // namespace qwqhelper::compose
