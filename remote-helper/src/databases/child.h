// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qwqhelper {
class CancelToken;
class InputQueue;
} // namespace qwqhelper

namespace qwqhelper::databases {

/// A dump or restore tool run from an argv (fork + execve, never a shell) in a process group
/// of its own, with a complete environment given by the caller (the password travels there,
/// never in argv). Its stdout goes to `onStdout` as it comes; stdin is either /dev/null or the
/// request's `$/input` bytes, written as the tool takes them (the queue is only drained while
/// nothing waits to be written, so a slow tool slows the app down through the `received`
/// acknowledgements and nothing piles up). Cancelling sends SIGTERM to the group, SIGKILL 2 s
/// later, waits for the process and throws the protocol's cancelled error: no child is left.
struct ChildSpec
{
    std::vector<std::string> argv; // argv[0] absolute
    std::vector<std::string> env;  // the whole environment
};

struct ChildResult
{
    int exitCode = -1;     // 128+signal when killed by a signal
    std::string errTail;   // the last 8 KiB of stderr
    long long inputBytes = 0; // bytes written to stdin
    bool inputEnded = false;  // the app sent eof (or there was no input)
};

struct ChildInput
{
    std::shared_ptr<InputQueue> queue;
    std::function<void(long long received)> onReceived; // every MiB and at eof
    std::function<void(std::string_view)> onData;       // each piece taken from the queue
    int idleTimeoutMs = 60000;
};

// Throws std::runtime_error when the program cannot be started; 1001 `upload` when the input
// stalls (no `$/input` for idleTimeoutMs) or overflowed; the cancelled error on cancel.
ChildResult runChild(const ChildSpec &spec, CancelToken &cancel,
                     const std::function<void(std::string_view)> &onStdout,
                     const std::function<void()> &onTick, ChildInput *input);

// The environment to start tools with: the helper's own, without variables that would change
// how the client tools connect or what they read (PG*, MYSQL*, LIBMYSQL*, REDISCLI_*), plus
// LC_ALL=C (English messages, which the errors are matched against) and `extra`.
std::vector<std::string> toolEnvironment(const std::vector<std::string> &extra);

} // namespace qwqhelper::databases
