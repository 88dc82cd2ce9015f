// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nginx/install.h"
#include "nginx/versions.h"

#include <string>
#include <vector>

namespace qwqhelper {
class CancelToken;
}

/// The safe apply pipeline: stage the whole configuration tree in a private directory (absolute
/// includes pointed at the staged copies, conf-relative file paths made absolute, files reached
/// through symbolic links given their new content), `nginx -t -c <staged main>`, then replace
/// the changed files atomically (the previous state kept as a numbered version), SIGHUP the
/// master and wait until it has started new workers — or logged why it could not, in which
/// case every file is put back. Errors are RpcErrors: 5000 with data.file/line/detail (staged
/// paths mapped back to the real ones) for a configuration nginx refuses, 5006 for a reload
/// the master refused.
namespace qwqhelper::nginx {

struct ApplyResult
{
    int version = 0;
    bool reloaded = false;  // the master took the new configuration (new workers seen)
    bool running = false;   // a master was running
};

ApplyResult apply(const Install &install, const std::vector<FileOp> &ops, const std::string &action,
                  const std::string &site, CancelToken *cancel);

// Runs `nginx -t` on a staged copy of the tree with `ops` applied, without touching anything.
void test(const Install &install, const std::vector<FileOp> &ops, CancelToken *cancel);

// Where the staged copy of `path` lives: stageRoot + path.
std::string stagedPath(const std::string &stageRoot, const std::string &path);

} // namespace qwqhelper::nginx
