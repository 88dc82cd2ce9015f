// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// containers.exec: a command in a running container, usually with a PTY, on a hijacked
// connection; output as `$/stream {b64}`, input and resize as `$/input` / `$/resize`.
#include "base64.h"
#include "dispatch.h"
#include "docker/engine.h"
#include "docker/logstream.h"
#include "docker/validate.h"
#include "handlers/handlers.h"
#include "inputqueue.h"

#include <cerrno>
#include <csignal>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

constexpr std::size_t kOutputChunk = 48 * 1024;

// POST /exec/{id}/resize on a connection of its own (the exec's connection is hijacked).
// Failures are logged, never fatal: a terminal works at a wrong size.
void resize(docker::Engine &engine, const std::string &execId, int rows, int cols)
{
    try {
        docker::UnixHttp http(engine.socketPath(), nullptr, 5000);
        http.request("POST", engine.target("/exec/" + execId + "/resize",
                                           {{"h", std::to_string(rows)}, {"w", std::to_string(cols)}}));
        http.readAll(64 * 1024);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "qwq-helper: exec resize failed: %s\n", e.what());
    }
}

// Docker keeps an exec's process running when its connection closes, and has no call to end
// it: the process gets SIGHUP as a terminal hang-up would send, then SIGKILL if it is still
// there after half a second. Docker reports the process by its host PID; this works where the
// helper may signal it (root, the usual case for Docker), and is a no-op otherwise.
void hangUp(docker::Engine &engine, const std::string &execId)
{
    auto pidOf = [&]() -> int {
        try {
            docker::UnixHttp http(engine.socketPath(), nullptr, 5000);
            http.request("GET", engine.target("/exec/" + execId + "/json", {}));
            const json info = json::parse(http.readAll(1 << 20), nullptr, false);
            if (info.is_object() && info.value("Running", false) && info.contains("Pid")
                && info["Pid"].is_number_integer())
                return info["Pid"].get<int>();
        } catch (const std::exception &) {
        }
        return 0;
    };
    const int pid = pidOf();
    if (pid <= 1)
        return;
    ::kill(pid, SIGHUP);
    for (int i = 0; i < 10; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (pidOf() != pid)
            return;
    }
    ::kill(pid, SIGKILL);
}

json containersExec(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    json cmd = v::argv(params, "cmd");
    if (cmd.empty())
        cmd = json::array({"/bin/sh"});
    const bool tty = params.optionalBool("tty").value_or(true);
    const int rows = static_cast<int>(v::intInRange(params, "rows", 1, 1000).value_or(24));
    const int cols = static_cast<int>(v::intInRange(params, "cols", 1, 1000).value_or(80));
    json env = v::environment(params, "env");
    if (tty && !params.has("env"))
        env.push_back("TERM=xterm-256color");
    const auto user = v::user(params, "user");
    const auto workdir = params.optionalString("workdir");
    if (workdir && !v::isContainerPath(*workdir))
        throw invalidValue("workdir", "invalid working directory", "an absolute path without ..");

    docker::Engine engine(params, context);
    json body = {{"AttachStdin", true}, {"AttachStdout", true}, {"AttachStderr", true},
                 {"Tty", tty}, {"Cmd", cmd}, {"Env", env}};
    if (user)
        body["User"] = *user;
    if (workdir)
        body["WorkingDir"] = *workdir;
    const json created = engine.call("POST", "/containers/" + docker::percentEncode(id) + "/exec",
                                     {}, body, {"id", id}).body;
    const std::string execId = created.is_object() ? created.value("Id", std::string()) : "";
    if (execId.empty())
        throw docker::unavailable("exec create gave no id");

    // Input that arrives before the process is attached waits in the queue.
    const auto input = InputQueue::attach(context, tty);

    const std::string start = json{{"Detach", false}, {"Tty", tty}}.dump();
    auto http = engine.begin("POST", "/exec/" + execId + "/start", {},
                             {{"Connection", "Upgrade"}, {"Upgrade", "tcp"}}, "application/json",
                             static_cast<long long>(start.size()), 30000);
    try {
        http->sendRaw(start);
    } catch (const docker::HttpError &e) {
        throw docker::unavailable(e.what());
    }
    engine.finish(*http, "POST", {"id", id});
    http->setIdleTimeout(-1);
    const int fd = http->fd();
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    // The exec's connection is polled here; cancel is seen by the loop, not by a socket hook
    // (the resize calls need the token's single hook slot free).
    context.cancel.clearOnCancel();

    if (tty)
        resize(engine, execId, rows, cols);
    context.stream({{"exec", execId}});

    docker::Demuxer demuxer(tty);
    auto emit = [&](const char *stream, std::string_view bytes) {
        for (std::size_t off = 0; off < bytes.size(); off += kOutputChunk) {
            json data = {{"b64", base64::encode(bytes.substr(off, kOutputChunk))}};
            if (stream)
                data["stream"] = stream;
            context.stream(std::move(data));
        }
    };
    auto deliver = [&](std::string_view bytes) {
        if (tty)
            return emit(nullptr, bytes);
        try {
            demuxer.feed(bytes, [&](docker::StdStream s, std::string_view b) {
                emit(s == docker::StdStream::Stderr ? "stderr" : "stdout", b);
            });
        } catch (const std::runtime_error &e) {
            throw docker::unavailable(std::string("exec: ") + e.what());
        }
    };
    if (std::string early = http->takeBuffered(); !early.empty())
        deliver(early);

    std::string pendingOut;
    bool eofRequested = false, writeClosed = false;
    char buf[kOutputChunk];
    for (;;) {
        if (context.cancel.isCancelled()) {
            http.reset();
            hangUp(engine, execId);
            throw cancelledError();
        }
        pollfd p[2] = {{fd, static_cast<short>(POLLIN | (pendingOut.empty() ? 0 : POLLOUT)), 0},
                       {input->fd(), POLLIN, 0}};
        const int r = ::poll(p, 2, 200);
        if (r < 0 && errno != EINTR)
            throw docker::unavailable("exec: poll failed");
        if (r <= 0)
            continue;
        if (p[1].revents & POLLIN) {
            for (auto &e : input->take()) {
                if (e.kind == InputQueue::Event::Kind::Data && !eofRequested)
                    pendingOut += e.bytes;
                else if (e.kind == InputQueue::Event::Kind::Eof)
                    eofRequested = true;
                else if (e.kind == InputQueue::Event::Kind::Resize && tty)
                    resize(engine, execId, e.rows, e.cols);
            }
        }
        if (!pendingOut.empty() && !writeClosed) {
            const ssize_t n = ::send(fd, pendingOut.data(), pendingOut.size(), MSG_NOSIGNAL);
            if (n > 0)
                pendingOut.erase(0, static_cast<std::size_t>(n));
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                pendingOut.clear(); // the process closed its stdin; drop what it will not read
        }
        if (eofRequested && pendingOut.empty() && !writeClosed) {
            ::shutdown(fd, SHUT_WR); // Docker closes the process's stdin
            writeClosed = true;
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n > 0)
                deliver(std::string_view(buf, static_cast<std::size_t>(n)));
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                break; // the process exited (or the daemon went away)
        }
    }
    http.reset();
    context.clearInput();

    // Docker may report the exec as running for a moment after its stream closed.
    json exitCode = nullptr;
    for (int i = 0; i < 20; ++i) {
        const json info = engine.get("/exec/" + execId + "/json");
        if (info.is_object() && !info.value("Running", false)) {
            if (info.contains("ExitCode") && info["ExitCode"].is_number_integer())
                exitCode = info["ExitCode"];
            break;
        }
        if (context.cancel.waitFor(std::chrono::milliseconds(50)))
            throw cancelledError();
    }
    return {{"exec", execId}, {"exitCode", exitCode}};
}

} // namespace

QWQ_STARTUP void registerContainerExecMethods(Dispatcher &dispatcher)
{
    dispatcher.add("containers.exec", Risk::Mutating, containersExec);
}

} // namespace qwqhelper
