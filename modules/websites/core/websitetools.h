// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/toolregistry.h>

namespace Qwq::Websites {

/// The AI pane's tools for nginx sites (helper `websites.*`): reading the sites, one file,
/// the logs, versions and certificates at once; enabling, disabling, rolling back and
/// rewriting a file only after the user approves the exact call (a rewrite is shown as a diff
/// against the file as it is on the server, fetched with `websites.get`). Risk is never
/// declared here: it is the helper method table's class for each method.
QList<Ai::Tool> websiteTools();

} // namespace Qwq::Websites
