// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qwqhelper {

class CancelToken;

/// Runs a program from an argv array (fork + execve; never a shell) in a process group of its
/// own, feeds it optional stdin, and hands its stdout and stderr to `onOutput` as they come.
/// Cancelling the token (or the timeout) sends SIGTERM to the group, SIGKILL 5 s later.
namespace process {

struct Spec
{
    std::vector<std::string> argv;     // argv[0] is an absolute path
    std::vector<std::string> env;      // KEY=value; empty: the helper's own environment
    std::vector<std::string> extraEnv; // added to (or replacing in) the environment above
    std::string cwd;                   // empty: inherit
    std::optional<std::string> stdinData; // nullopt: /dev/null
    int timeoutMs = -1;                // -1: none
};

struct Result
{
    int exitCode = -1;      // 128+signal when killed by a signal
    bool timedOut = false;
    std::string out;        // captured stdout (up to captureMax)
    std::string err;        // captured stderr, the last captureMax bytes
};

enum class Stream { Stdout = 1, Stderr = 2 };
using OnOutput = std::function<void(Stream, std::string_view)>;

// Throws std::runtime_error when the program cannot be started (not found, fork failed).
// Throws the protocol's cancelled error when `cancel` fires (after the group is gone).
Result run(const Spec &spec, CancelToken *cancel = nullptr, const OnOutput &onOutput = {},
           std::size_t captureMax = 1u << 20);

// The first executable regular file called `name` in PATH and the usual admin directories.
std::optional<std::string> findExecutable(const std::string &name);

} // namespace process
} // namespace qwqhelper
