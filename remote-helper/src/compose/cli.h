// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "process.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qwqhelper {
class Params;
struct Context;
} // namespace qwqhelper

namespace qwqhelper::compose {

/// One compose CLI: v2 runs as `docker compose …` (or the plugin binary on its own), v1 as
/// `docker-compose …`. `prefix` is the argv before the compose arguments.
struct Tool
{
    std::string kind; // "v1" or "v2"
    std::vector<std::string> prefix;
    std::string path;    // what initialize reports (the plugin or docker-compose binary)
    std::string version; // "1.29.2", "2.24.0"
};

struct Tools
{
    std::optional<Tool> v1;
    std::optional<Tool> v2;
};

// Probes once per helper process (`version --short`, 5 s each, in parallel); later calls
// return the cached answer.
const Tools &detect();

// The tool a request asks for with its `compose` param ("v1", "v2"), else v2, else v1.
// Throws 4007.
Tool choose(const Params &params);

/// Where a project's files are and how compose is told about them.
struct Project
{
    std::string name;
    std::string workingDir;
    std::vector<std::string> configFiles;
    bool managed = false;
    bool filesExist = false;
};

// `prefix --ansi never -p NAME -f FILE… --project-directory DIR ARGS…`
std::vector<std::string> argv(const Tool &tool, const Project &project,
                              const std::vector<std::string> &args);

// Runs compose for `project`, streaming its output as {"text", "stream"} lines. Returns the
// exit code; a non-zero one throws 4006 unless allowFailure.
struct RunResult
{
    int exitCode = 0;
    std::string errTail;
};
RunResult run(const Tool &tool, const Project &project, const std::vector<std::string> &args,
              const Params &params, const Context &context, bool stream = true,
              bool allowFailure = false);

// The environment addition for a `socket` param (DOCKER_HOST=unix://…), or none.
std::vector<std::string> socketEnv(const Params &params);

[[noreturn]] void throwFailed(const std::string &what, int exitCode, const std::string &errTail);

} // namespace qwqhelper::compose
