// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/config.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// Edits of single directives inside one server block of any file, hand-written ones included:
/// the changed directive's arguments are spliced into the original text, so every other byte
/// (comments, spacing, custom lines) stays as it was. Only a closed list of directives can be
/// set, each argument checked by the same grammars as site specs.
namespace qwqhelper::nginx {

struct DirectiveChange
{
    std::string name;
    std::vector<std::string> args; // already validated
    bool remove = false;
    int line = 0;                  // which one, when the block has several of that name
};

// The directives websites.edit may set.
const std::vector<std::string> &editableDirectives();

// Reads and validates `changes` (the websites.edit param): throws 1001 naming the field, e.g.
// "changes[1].args[0]".
std::vector<DirectiveChange> parseChanges(const nlohmann::json &changes,
                                          const std::vector<std::string> &roots);

// Applies `changes` to the server block whose name is on `line` of `text` (a directive directly
// in the block is replaced in place; a missing one is added before the block's "}" with the
// indentation of its first directive; a removed one goes with its line). Throws 5002 (field
// "id") when there is no such server block, 1001 "changes[i].line" when the name occurs several
// times and no line says which.
std::string editServer(const std::string &text, const std::string &file, int line,
                       const std::vector<DirectiveChange> &changes);

} // namespace qwqhelper::nginx
