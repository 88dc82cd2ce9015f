// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databases/child.h"

#include "dispatch.h"
#include "errors.h"
#include "inputqueue.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace qwqhelper::databases {

namespace {

constexpr std::size_t kErrTail = 8 * 1024;
constexpr auto kKillGrace = std::chrono::seconds(2);
constexpr long long kAckEvery = 1 << 20;

bool dropVariable(const std::string &entry)
{
    for (const char *prefix : {"PG", "MYSQL", "LIBMYSQL", "REDISCLI_", "LC_ALL=", "LANGUAGE="})
        if (entry.rfind(prefix, 0) == 0)
            return true;
    return false;
}

} // namespace

std::vector<std::string> toolEnvironment(const std::vector<std::string> &extra)
{
    std::vector<std::string> env;
    for (char **e = environ; e && *e; ++e)
        if (!dropVariable(*e))
            env.emplace_back(*e);
    env.emplace_back("LC_ALL=C");
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

ChildResult runChild(const ChildSpec &spec, CancelToken &cancel,
                     const std::function<void(std::string_view)> &onStdout,
                     const std::function<void()> &onTick, ChildInput *input)
{
    if (spec.argv.empty() || spec.argv[0].empty() || spec.argv[0][0] != '/')
        throw std::runtime_error("argv[0] must be an absolute path");
    std::vector<char *> argv;
    for (const auto &a : spec.argv)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (const auto &e : spec.env)
        envp.push_back(const_cast<char *>(e.c_str()));
    envp.push_back(nullptr);

    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1}, status[2] = {-1, -1};
    auto closeAll = [&] {
        for (int *p : {in, out, err, status})
            for (int k = 0; k < 2; ++k)
                if (p[k] >= 0) {
                    ::close(p[k]);
                    p[k] = -1;
                }
    };
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0 || ::pipe2(status, O_CLOEXEC) != 0
        || (input && ::pipe2(in, O_CLOEXEC) != 0)) {
        closeAll();
        throw std::runtime_error("pipe failed");
    }
    const int devNull = input ? -1 : ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    const pid_t pid = ::fork();
    if (pid < 0) {
        closeAll();
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(input ? in[0] : devNull, 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::execve(argv[0], argv.data(), envp.data());
        const int e = errno;
        [[maybe_unused]] auto n = ::write(status[1], &e, sizeof e);
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    if (devNull >= 0)
        ::close(devNull);
    for (int *fd : {&out[1], &err[1], &status[1], &in[0]})
        if (*fd >= 0) {
            ::close(*fd);
            *fd = -1;
        }
    int childErrno = 0;
    ssize_t n;
    do {
        n = ::read(status[0], &childErrno, sizeof childErrno);
    } while (n < 0 && errno == EINTR);
    ::close(status[0]);
    status[0] = -1;
    if (n == sizeof childErrno) {
        ::waitpid(pid, nullptr, 0);
        closeAll();
        throw std::runtime_error("cannot run " + spec.argv[0] + ": " + std::strerror(childErrno));
    }

    ChildResult result;
    result.inputEnded = input == nullptr;
    if (in[1] >= 0)
        ::fcntl(in[1], F_SETFL, ::fcntl(in[1], F_GETFL) | O_NONBLOCK);
    using Clock = std::chrono::steady_clock;
    bool killing = false;
    bool cancelled = false;
    Clock::time_point killAt{};
    auto startKill = [&] {
        if (!killing) {
            ::kill(-pid, SIGTERM);
            killing = true;
            killAt = Clock::now() + kKillGrace;
        }
    };
    std::string pending;         // input taken from the queue, not yet written
    bool eofSeen = false;        // the app sent eof
    long long acked = 0;
    bool eofAcked = false;
    auto lastInput = Clock::now();
    std::exception_ptr failure;  // an input failure: the child is stopped, then it is thrown

    auto closeStdin = [&] {
        if (in[1] >= 0) {
            ::close(in[1]);
            in[1] = -1;
        }
    };

    while (out[0] >= 0 || err[0] >= 0) {
        pollfd p[4];
        int count = 0;
        int outIdx = -1, errIdx = -1, inIdx = -1, queueIdx = -1;
        if (out[0] >= 0) { outIdx = count; p[count++] = {out[0], POLLIN, 0}; }
        if (err[0] >= 0) { errIdx = count; p[count++] = {err[0], POLLIN, 0}; }
        if (in[1] >= 0 && !pending.empty()) { inIdx = count; p[count++] = {in[1], POLLOUT, 0}; }
        if (in[1] >= 0 && pending.empty() && !eofSeen) {
            queueIdx = count;
            p[count++] = {input->queue->fd(), POLLIN, 0};
        }
        const int r = ::poll(p, count, 100);
        if (r < 0 && errno != EINTR)
            break;
        if (queueIdx >= 0 && (p[queueIdx].revents & POLLIN)) {
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
            if (input->queue->overflowed() && !failure) {
                failure = std::make_exception_ptr(
                    invalidValue("upload", "input arrived faster than it was taken",
                                 "keep at most 8 MiB sent beyond the last \"received\""));
                closeStdin();
                startKill();
            }
        }
        if (inIdx >= 0 && p[inIdx].revents) {
            const ssize_t w = ::write(in[1], pending.data(), pending.size());
            if (w > 0) {
                pending.erase(0, static_cast<std::size_t>(w));
                result.inputBytes += w;
            } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                // The tool closed its stdin (it failed, e.g. could not connect): what it
                // says on stderr is the answer; the rest of the input is not needed.
                pending.clear();
                closeStdin();
            }
        }
        if (in[1] >= 0 && pending.empty() && eofSeen) {
            closeStdin();
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
        if (in[1] >= 0 && pending.empty() && !eofSeen && !failure
            && Clock::now() - lastInput > std::chrono::milliseconds(input->idleTimeoutMs)) {
            failure = std::make_exception_ptr(invalidValue(
                "upload", "no input for 60 s", "send the dump with $/input and end it with eof"));
            closeStdin();
            startKill();
        }
        for (int idx : {outIdx, errIdx}) {
            if (idx < 0 || !p[idx].revents)
                continue;
            char buf[65536];
            const ssize_t got = ::read(p[idx].fd, buf, sizeof buf);
            if (got < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            int &fd = idx == outIdx ? out[0] : err[0];
            if (got <= 0) {
                ::close(fd);
                fd = -1;
                continue;
            }
            const std::string_view bytes(buf, static_cast<std::size_t>(got));
            if (idx == outIdx) {
                if (onStdout && !cancelled && !failure)
                    onStdout(bytes);
            } else {
                result.errTail.append(bytes);
                if (result.errTail.size() > kErrTail)
                    result.errTail.erase(0, result.errTail.size() - kErrTail);
            }
        }
        if (onTick && !cancelled && !failure)
            onTick();
        if (cancel.isCancelled() && !cancelled) {
            cancelled = true;
            closeStdin();
            startKill();
        }
        if (killing && Clock::now() > killAt) {
            ::kill(-pid, SIGKILL);
            killAt = Clock::now() + std::chrono::hours(1);
        }
    }
    closeAll();

    int wstatus = 0;
    for (;;) {
        const pid_t w = ::waitpid(pid, &wstatus, killing ? WNOHANG : 0);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            break;
        if (w == 0) {
            if (Clock::now() > killAt)
                ::kill(-pid, SIGKILL);
            ::usleep(20000);
        }
    }
    if (killing)
        ::kill(-pid, SIGKILL); // anything the tool started in its group goes with it
    if (WIFEXITED(wstatus))
        result.exitCode = WEXITSTATUS(wstatus);
    else if (WIFSIGNALED(wstatus))
        result.exitCode = 128 + WTERMSIG(wstatus);
    if (cancelled)
        throw cancelledError();
    if (failure)
        std::rethrow_exception(failure);
    return result;
}

} // namespace qwqhelper::databases
