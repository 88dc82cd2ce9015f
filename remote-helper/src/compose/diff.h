// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace qwqhelper::compose {

// A unified diff of two texts, line by line (Myers' O(ND) algorithm), with `context` lines
// around each change; empty when they are equal. Past 4000 differing lines the whole old text
// is shown as removed and the new one as added.
std::string unifiedDiff(const std::string &oldText, const std::string &newText,
                        const std::string &oldName, const std::string &newName, int context = 3);

} // namespace qwqhelper::compose
