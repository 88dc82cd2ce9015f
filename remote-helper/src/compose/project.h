// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/cli.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace qwqhelper::docker {
class Engine;
}

namespace qwqhelper::compose {

// The `project` param (1001 when it fails the grammar).
std::string projectParam(const Params &params);
// The `services` param: at most 64 names of the service grammar.
std::vector<std::string> servicesParam(const Params &params);

// Every container of a project (GET /containers/json?all=1 with a label filter).
nlohmann::json projectContainers(docker::Engine &engine, const std::string &project);

// A project started outside qwq as its containers' labels describe it: working_dir and the
// comma-separated config_files (relative ones taken from working_dir); filesExist checked.
Project fromLabels(const std::string &name, const nlohmann::json &labels);

// Where a project's files are: managed (the store) first, else from its containers' labels.
// Throws 4000 (field "project") when neither knows it.
Project locate(docker::Engine &engine, const std::string &name);

} // namespace qwqhelper::compose
