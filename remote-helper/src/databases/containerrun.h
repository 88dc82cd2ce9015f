// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databases/child.h"

#include <string>
#include <vector>

namespace qwqhelper::docker {
class Engine;
}

namespace qwqhelper::databases {

/// runChild's counterpart inside a running container: Docker's exec API (no TTY, the tool's
/// argv as Cmd, the password and connection settings in the exec's Env, never in Cmd), on a
/// hijacked connection demultiplexed into stdout (to `onStdout`) and stderr (kept as the tail).
/// With `input`, stdin is attached and fed as runChild does. Cancel closes the connection and
/// ends the exec's process by its host PID (SIGTERM, then SIGKILL), as Docker has no call for
/// it. A command the container does not have answers exit code 126 or 127 (Docker's), which
/// the caller reads as "tool missing". Docker errors throw the 4000-range RpcErrors.
ChildResult runInContainer(docker::Engine &engine, const std::string &container,
                           const std::vector<std::string> &cmd, const std::vector<std::string> &env,
                           CancelToken &cancel, const std::function<void(std::string_view)> &onStdout,
                           const std::function<void()> &onTick, ChildInput *input);

} // namespace qwqhelper::databases
