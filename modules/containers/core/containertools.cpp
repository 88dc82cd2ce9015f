// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Model-facing descriptions, so English and not translated. Every schema is closed; the
// patterns are the helper's own grammars (it checks them again).
#include "containertools.h"

#include <ai/core/toolschema.h>

#include <QJsonArray>

namespace Qwq::Containers {

using Ai::DiffSource;
using Ai::Tool;

namespace {

QJsonObject schema(const QJsonObject &properties, const QStringList &required = {})
{
    return Ai::ToolSchema::closedObject(properties, required);
}

QJsonObject containerId()
{
    return {{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("pattern"), QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$")},
            {QStringLiteral("description"), QStringLiteral("Container name or id")}};
}

QJsonObject boolean(const QString &description)
{
    return {{QStringLiteral("type"), QStringLiteral("boolean")},
            {QStringLiteral("description"), description}};
}

QJsonObject integer(int min, int max, const QString &description)
{
    return {{QStringLiteral("type"), QStringLiteral("integer")},
            {QStringLiteral("minimum"), min},
            {QStringLiteral("maximum"), max},
            {QStringLiteral("description"), description}};
}

QJsonObject projectName()
{
    return {{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("pattern"), QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$")},
            {QStringLiteral("description"), QStringLiteral("Compose project name")}};
}

} // namespace

QList<Tool> containerTools()
{
    const QJsonObject idOnly = schema({{QStringLiteral("id"), containerId()}}, {QStringLiteral("id")});
    const QJsonObject none = schema({});
    const QJsonObject stopParams =
        schema({{QStringLiteral("id"), containerId()},
                {QStringLiteral("timeout"),
                 integer(0, 600, QStringLiteral("Seconds to wait after SIGTERM before SIGKILL"))}},
               {QStringLiteral("id")});

    QList<Tool> tools;
    // Reading
    tools.append({QStringLiteral("containers_list"),
                  QStringLiteral("Docker containers on the server (running and stopped unless all "
                                 "is false): name, image, state, status, ports, compose project, "
                                 "networks and mounts."),
                  schema({{QStringLiteral("all"), boolean(QStringLiteral("Include stopped containers (default true)"))},
                          {QStringLiteral("project"), projectName()}}),
                  QStringLiteral("containers.list")});
    tools.append({QStringLiteral("container_inspect"),
                  QStringLiteral("Docker's full inspect object of one container (state, exit code, "
                                 "health, restart count, config, mounts, networks). Environment "
                                 "values that look secret are masked."),
                  idOnly, QStringLiteral("containers.inspect")});
    Tool logs{QStringLiteral("container_logs"),
              QStringLiteral("The last lines of a container's logs (stdout and stderr, stderr "
                             "lines marked), 200 unless tail says otherwise. Does not follow."),
              schema({{QStringLiteral("id"), containerId()},
                      {QStringLiteral("tail"), integer(1, 2000, QStringLiteral("How many of the last lines (default 200)"))},
                      {QStringLiteral("since"), integer(0, 2147483647, QStringLiteral("Only lines after this Unix time"))}},
                     {QStringLiteral("id")}),
              QStringLiteral("containers.logs")};
    logs.fixedParams = {{QStringLiteral("follow"), false}, {QStringLiteral("timestamps"), true}};
    logs.defaultParams = {{QStringLiteral("tail"), 200}};
    tools.append(logs);
    Tool stats{QStringLiteral("container_stats"),
               QStringLiteral("One sample of a running container's resource use: CPU percent, "
                              "memory usage and limit, network and block I/O, process count. "
                              "Takes about a second."),
               idOnly, QStringLiteral("containers.stats")};
    stats.fixedParams = {{QStringLiteral("stream"), false}};
    tools.append(stats);
    tools.append({QStringLiteral("container_top"),
                  QStringLiteral("The processes running inside a container (like ps -ef)."),
                  idOnly, QStringLiteral("containers.top")});
    tools.append({QStringLiteral("images_list"),
                  QStringLiteral("Docker images on the server: tags, size, created time."),
                  schema({{QStringLiteral("all"), boolean(QStringLiteral("Include intermediate images"))}}),
                  QStringLiteral("images.list")});
    tools.append({QStringLiteral("volumes_list"),
                  QStringLiteral("Docker volumes on the server: name, driver, mount point."), none,
                  QStringLiteral("volumes.list")});
    tools.append({QStringLiteral("networks_list"),
                  QStringLiteral("Docker networks on the server: name, driver, subnets."), none,
                  QStringLiteral("networks.list")});

    // Changing (each runs only after the user approves the exact call)
    tools.append({QStringLiteral("container_start"),
                  QStringLiteral("Start a stopped container. Needs the user's approval."), idOnly,
                  QStringLiteral("containers.start")});
    tools.append({QStringLiteral("container_stop"),
                  QStringLiteral("Stop a running container. Needs the user's approval."),
                  stopParams, QStringLiteral("containers.stop")});
    tools.append({QStringLiteral("container_restart"),
                  QStringLiteral("Restart a container. Needs the user's approval."), stopParams,
                  QStringLiteral("containers.restart")});
    tools.append({QStringLiteral("container_remove"),
                  QStringLiteral("Remove a container (cannot be undone; the user must type a "
                                 "confirmation). force kills it first if it runs; volumes also "
                                 "removes its anonymous volumes."),
                  schema({{QStringLiteral("id"), containerId()},
                          {QStringLiteral("force"), boolean(QStringLiteral("Kill it first if it is running"))},
                          {QStringLiteral("volumes"), boolean(QStringLiteral("Also remove its anonymous volumes"))}},
                         {QStringLiteral("id")}),
                  QStringLiteral("containers.remove")});
    Tool deploy{QStringLiteral("compose_deploy"),
                QStringLiteral("Deploy a compose project from a complete compose YAML (validated, "
                               "linted and port-checked on the server first; the previous version "
                               "is kept for rollback). The user sees the change as a diff against "
                               "the current file and must approve it. Give the whole file, not a "
                               "fragment."),
                schema({{QStringLiteral("project"), projectName()},
                        {QStringLiteral("yaml"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                     {QStringLiteral("minLength"), 1},
                                     {QStringLiteral("maxLength"), 1048576},
                                     {QStringLiteral("description"), QStringLiteral("The complete compose.yml")}}}},
                       {QStringLiteral("project"), QStringLiteral("yaml")}),
                QStringLiteral("compose.deploy")};
    deploy.diffSource = DiffSource{QStringLiteral("yaml"), QStringLiteral("compose.files"),
                                   {QStringLiteral("project")}, {},
                                   QStringLiteral("files/0/content"), QStringLiteral("yaml"),
                                   QStringLiteral("compose.yml")};
    tools.append(deploy);
    return tools;
}

} // namespace Qwq::Containers
