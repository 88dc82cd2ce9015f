// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databases/containerrun.h"

#include "dispatch.h"
#include "docker/engine.h"
#include "docker/logstream.h"
#include "errors.h"
#include "inputqueue.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace qwqhelper::databases {

using nlohmann::json;

namespace {

constexpr std::size_t kErrTail = 8 * 1024;
constexpr long long kAckEvery = 1 << 20;

json execInfo(docker::Engine &engine, const std::string &execId)
{
    try {
        docker::UnixHttp http(engine.socketPath(), nullptr, 5000);
        http.request("GET", engine.target("/exec/" + execId + "/json", {}));
        return json::parse(http.readAll(1 << 20), nullptr, false);
    } catch (const std::exception &) {
        return nullptr;
    }
}

// Ends the exec's process (host PID from Docker): SIGTERM, SIGKILL after 2 s.
void endExec(docker::Engine &engine, const std::string &execId)
{
    auto pidOf = [&]() -> int {
        const json info = execInfo(engine, execId);
        if (info.is_object() && info.value("Running", false) && info.contains("Pid")
            && info["Pid"].is_number_integer())
            return info["Pid"].get<int>();
        return 0;
    };
    const int pid = pidOf();
    if (pid <= 1)
        return;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 40; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (pidOf() != pid)
            return;
    }
    ::kill(pid, SIGKILL);
}

} // namespace

ChildResult runInContainer(docker::Engine &engine, const std::string &container,
                           const std::vector<std::string> &cmd, const std::vector<std::string> &env,
                           CancelToken &cancel, const std::function<void(std::string_view)> &onStdout,
                           const std::function<void()> &onTick, ChildInput *input)
{
    const json body = {{"AttachStdin", input != nullptr}, {"AttachStdout", true}, {"AttachStderr", true},
                       {"Tty", false}, {"Cmd", cmd}, {"Env", env}};
    const json created = engine.call("POST", "/containers/" + docker::percentEncode(container) + "/exec",
                                     {}, body, {"container", container, "container"}).body;
    const std::string execId = created.is_object() ? created.value("Id", std::string()) : "";
    if (execId.empty())
        throw docker::unavailable("exec create gave no id");

    const std::string start = json{{"Detach", false}, {"Tty", false}}.dump();
    auto http = engine.begin("POST", "/exec/" + execId + "/start", {},
                             {{"Connection", "Upgrade"}, {"Upgrade", "tcp"}}, "application/json",
                             static_cast<long long>(start.size()), 30000);
    try {
        http->sendRaw(start);
    } catch (const docker::HttpError &e) {
        throw docker::unavailable(e.what());
    }
    engine.finish(*http, "POST", {"container", container, "container"});
    http->setIdleTimeout(-1);
    const int fd = http->fd();
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    cancel.clearOnCancel(); // polled below

    ChildResult result;
    result.inputEnded = input == nullptr;
    docker::Demuxer demuxer(false);
    auto deliver = [&](std::string_view bytes) {
        try {
            demuxer.feed(bytes, [&](docker::StdStream s, std::string_view b) {
                if (s == docker::StdStream::Stderr) {
                    result.errTail.append(b);
                    if (result.errTail.size() > kErrTail)
                        result.errTail.erase(0, result.errTail.size() - kErrTail);
                } else if (onStdout) {
                    onStdout(b);
                }
            });
        } catch (const std::runtime_error &e) {
            throw docker::unavailable(std::string("exec: ") + e.what());
        }
    };
    if (std::string early = http->takeBuffered(); !early.empty())
        deliver(early);

    using Clock = std::chrono::steady_clock;
    std::string pending;
    bool eofSeen = false, writeClosed = input == nullptr, eofAcked = false;
    long long acked = 0;
    auto lastInput = Clock::now();
    if (!input)
        ::shutdown(fd, SHUT_WR);
    char buf[65536];
    for (;;) {
        if (cancel.isCancelled()) {
            http.reset();
            endExec(engine, execId);
            throw cancelledError();
        }
        pollfd p[2] = {{fd, static_cast<short>(POLLIN | (pending.empty() || writeClosed ? 0 : POLLOUT)), 0},
                       {input && pending.empty() && !eofSeen ? input->queue->fd() : -1, POLLIN, 0}};
        const int r = ::poll(p, 2, 100);
        if (r < 0 && errno != EINTR)
            throw docker::unavailable("exec: poll failed");
        if (input && (p[1].revents & POLLIN)) {
            for (auto &e : input->queue->take()) {
                if (e.kind == InputQueue::Event::Kind::Data && !eofSeen) {
                    if (input->onData)
                        input->onData(e.bytes);
                    pending += e.bytes;
                }
                else if (e.kind == InputQueue::Event::Kind::Eof)
                    eofSeen = true;
            }
            lastInput = Clock::now();
            if (input->queue->overflowed()) {
                http.reset();
                endExec(engine, execId);
                throw invalidValue("upload", "input arrived faster than it was taken",
                                   "keep at most 8 MiB sent beyond the last \"received\"");
            }
        }
        if (!pending.empty() && !writeClosed) {
            const ssize_t n = ::send(fd, pending.data(), pending.size(), MSG_NOSIGNAL);
            if (n > 0) {
                pending.erase(0, static_cast<std::size_t>(n));
                result.inputBytes += n;
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                pending.clear();
                writeClosed = true;
            }
        }
        if (input && eofSeen && pending.empty() && !writeClosed) {
            ::shutdown(fd, SHUT_WR); // Docker closes the process's stdin
            writeClosed = true;
            result.inputEnded = true;
        }
        if (input && input->onReceived) {
            if (result.inputEnded && !eofAcked) {
                eofAcked = true;
                acked = result.inputBytes;
                input->onReceived(acked);
            } else if (result.inputBytes - acked >= kAckEvery) {
                acked = result.inputBytes;
                input->onReceived(acked);
            }
        }
        if (input && !writeClosed && !eofSeen && pending.empty()
            && Clock::now() - lastInput > std::chrono::milliseconds(input->idleTimeoutMs)) {
            http.reset();
            endExec(engine, execId);
            throw invalidValue("upload", "no input for 60 s",
                               "send the dump with $/input and end it with eof");
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n > 0)
                deliver(std::string_view(buf, static_cast<std::size_t>(n)));
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                break; // the process exited
        }
        if (onTick)
            onTick();
    }
    http.reset();

    // Docker may report the exec as running for a moment after its stream closed.
    for (int i = 0; i < 40; ++i) {
        const json info = execInfo(engine, execId);
        if (info.is_object() && !info.value("Running", false)) {
            if (info.contains("ExitCode") && info["ExitCode"].is_number_integer())
                result.exitCode = info["ExitCode"].get<int>();
            break;
        }
        if (cancel.waitFor(std::chrono::milliseconds(50)))
            throw cancelledError();
    }
    return result;
}

} // namespace qwqhelper::databases
