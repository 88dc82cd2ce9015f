// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "selfheal/state.h"

#include "fsutil.h"

#include <algorithm>
#include <cstdio>

namespace qwqhelper::selfheal {

namespace {
std::string g_directory; // set once, before any thread starts (selfheal-run's main)
}

std::string directory()
{
    return g_directory.empty() ? fs::dataRoot() + "/selfheal" : g_directory;
}

void setDirectory(const std::string &dir)
{
    g_directory = dir;
}

void setPaused(const std::string &project, bool paused)
{
    const std::string dir = directory() + "/paused";
    try {
        if (paused) {
            fs::makeDirs(dir);
            fs::writeAtomic(dir + "/" + project, "paused by qwq\n");
        } else {
            fs::removeTree(dir + "/" + project);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "qwq-helper: self-heal pause marker: %s\n", e.what());
    }
}

bool isPaused(const std::string &project)
{
    return fs::exists(directory() + "/paused/" + project);
}

std::vector<std::string> pausedProjects()
{
    auto names = fs::listDir(directory() + "/paused");
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace qwqhelper::selfheal
