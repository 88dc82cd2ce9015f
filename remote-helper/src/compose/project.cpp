// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/project.h"

#include "compose/spec.h"
#include "compose/store.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "fsutil.h"

namespace qwqhelper::compose {

using nlohmann::json;

std::string projectParam(const Params &params)
{
    const std::string name = params.requiredString("project");
    if (!isProjectName(name))
        throw invalidValue("project", "invalid project name",
                           "lower-case letters, digits, '_' and '-', starting with a letter or "
                           "digit, at most 63");
    return name;
}

std::vector<std::string> servicesParam(const Params &params)
{
    const auto services = params.stringList("services");
    if (services.size() > 64)
        throw invalidValue("services", "too many services", "at most 64");
    for (const auto &s : services)
        if (!isServiceName(s))
            throw invalidValue("services", "invalid service name",
                               "letters, digits, '_', '.' and '-', starting with a letter or digit");
    return services;
}

json projectContainers(docker::Engine &engine, const std::string &project)
{
    const json filters = {{"label", {"com.docker.compose.project=" + project}}};
    json list = engine.get("/containers/json", {{"all", "1"}, {"filters", filters.dump()}});
    return list.is_array() ? list : json::array();
}

Project locate(docker::Engine &engine, const std::string &name)
{
    Store store;
    Project p;
    p.name = name;
    if (store.exists(name)) {
        p.managed = true;
        p.workingDir = store.projectDir(name);
        p.configFiles = {store.composeFile(name)};
        p.filesExist = true;
        return p;
    }
    const json containers = projectContainers(engine, name);
    if (containers.empty())
        throw RpcError(4000, "no such compose project",
                       json{{"field", "project"}, {"value", name}});
    return fromLabels(name, containers[0].value("Labels", json::object()));
}

Project fromLabels(const std::string &name, const json &labels)
{
    Project p;
    p.name = name;
    if (!labels.is_object())
        return p;
    p.workingDir = labels.value("com.docker.compose.project.working_dir", std::string());
    const std::string files = labels.value("com.docker.compose.project.config_files", std::string());
    std::size_t start = 0;
    while (start < files.size()) {
        const std::size_t end = std::min(files.find(',', start), files.size());
        std::string f = files.substr(start, end - start);
        if (!f.empty() && f[0] != '/' && !p.workingDir.empty())
            f = p.workingDir + "/" + f;
        if (!f.empty())
            p.configFiles.push_back(f);
        start = end + 1;
    }
    p.filesExist = !p.configFiles.empty();
    for (const auto &f : p.configFiles)
        if (!fs::isCleanAbsolutePath(f) || !fs::readRegular(f, 1u << 20))
            p.filesExist = false;
    if (!fs::isCleanAbsolutePath(p.workingDir))
        p.workingDir.clear();
    return p;
}

} // namespace qwqhelper::compose
