// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

// The self-heal directory (PROTOCOL.md, "selfheal") as far as compose touches it: a project
// stopped on purpose is paused so the watcher does not start it again.
namespace qwqhelper::selfheal {

std::string directory(); // <dataRoot>/selfheal, or what setDirectory() chose
// selfheal-run keeps its state beside the config it was given: under cron or systemd the
// environment (QWQ_DATA_DIR, HOME) may differ from the one that installed it.
void setDirectory(const std::string &dir);
void setPaused(const std::string &project, bool paused); // never throws
bool isPaused(const std::string &project);
std::vector<std::string> pausedProjects();

} // namespace qwqhelper::selfheal
