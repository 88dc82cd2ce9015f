// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "process.h"

#include "dispatch.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace qwqhelper::process {

namespace {

constexpr auto kKillGrace = std::chrono::seconds(5);

void appendCapped(std::string &to, std::string_view bytes, std::size_t max, bool keepTail)
{
    to.append(bytes);
    if (to.size() > max) {
        if (keepTail)
            to.erase(0, to.size() - max);
        else
            to.resize(max);
    }
}

std::vector<std::string> buildEnv(const Spec &spec)
{
    std::vector<std::string> env = spec.env;
    if (env.empty())
        for (char **e = environ; e && *e; ++e)
            env.emplace_back(*e);
    for (const auto &extra : spec.extraEnv) {
        const std::string key = extra.substr(0, extra.find('=') + 1);
        std::erase_if(env, [&key](const std::string &e) { return e.rfind(key, 0) == 0; });
        env.push_back(extra);
    }
    return env;
}

} // namespace

std::optional<std::string> findExecutable(const std::string &name)
{
    std::string path = "/usr/local/bin:/usr/bin:/bin";
    if (const char *p = std::getenv("PATH"); p && *p)
        path = p;
    path += ":/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find(':', start), path.size());
        const std::string dir = path.substr(start, end - start);
        start = end + 1;
        if (dir.empty() || dir[0] != '/')
            continue; // a relative PATH entry is not a place to take binaries from
        const std::string candidate = dir + "/" + name;
        struct stat st{};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)
            && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

Result run(const Spec &spec, CancelToken *cancel, const OnOutput &onOutput, std::size_t captureMax)
{
    if (spec.argv.empty() || spec.argv[0].empty() || spec.argv[0][0] != '/')
        throw std::runtime_error("process: argv[0] must be an absolute path");

    // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
    std::vector<char *> argv;
    for (const auto &a : spec.argv)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    const std::vector<std::string> envStrings = buildEnv(spec);
    std::vector<char *> envp;
    for (const auto &e : envStrings)
        envp.push_back(const_cast<char *>(e.c_str()));
    envp.push_back(nullptr);

    int in[2] = {-1, -1}, out[2], err[2], status[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    if (::pipe2(err, O_CLOEXEC) != 0 || ::pipe2(status, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    if (spec.stdinData && ::pipe2(in, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    const int devNull = spec.stdinData ? -1 : ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    if (pid == 0) {
        ::setpgid(0, 0);
        ::signal(SIGPIPE, SIG_DFL);
        ::dup2(spec.stdinData ? in[0] : devNull, 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        if (!spec.cwd.empty() && ::chdir(spec.cwd.c_str()) != 0) {
            const int e = errno;
            [[maybe_unused]] auto n = ::write(status[1], &e, sizeof e);
            ::_exit(127);
        }
        ::execve(argv[0], argv.data(), envp.data());
        const int e = errno;
        [[maybe_unused]] auto n = ::write(status[1], &e, sizeof e);
        ::_exit(127);
    }
    ::setpgid(pid, pid); // also from here, so the group exists before any kill
    ::close(out[1]);
    ::close(err[1]);
    ::close(status[1]);
    if (devNull >= 0)
        ::close(devNull);
    if (in[0] >= 0)
        ::close(in[0]);

    // exec failures come back through the status pipe (closed on a successful exec).
    int childErrno = 0;
    ssize_t n;
    do {
        n = ::read(status[0], &childErrno, sizeof childErrno);
    } while (n < 0 && errno == EINTR);
    ::close(status[0]);
    if (n == sizeof childErrno) {
        ::waitpid(pid, nullptr, 0);
        ::close(out[0]);
        ::close(err[0]);
        if (in[1] >= 0)
            ::close(in[1]);
        throw std::runtime_error("cannot run " + spec.argv[0] + ": " + std::strerror(childErrno));
    }

    Result result;
    std::size_t written = 0;
    if (in[1] >= 0)
        ::fcntl(in[1], F_SETFL, O_NONBLOCK);
    if (in[1] >= 0 && spec.stdinData->empty()) {
        ::close(in[1]);
        in[1] = -1;
    }
    int fds[2] = {out[0], err[0]};
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    bool killing = false;
    Clock::time_point killAt{};
    bool cancelled = false;

    auto startKill = [&] {
        if (!killing) {
            ::kill(-pid, SIGTERM);
            killing = true;
            killAt = Clock::now() + kKillGrace;
        }
    };

    while (fds[0] >= 0 || fds[1] >= 0) {
        pollfd p[3];
        int count = 0;
        for (int fd : fds)
            if (fd >= 0)
                p[count++] = {fd, POLLIN, 0};
        if (in[1] >= 0)
            p[count++] = {in[1], POLLOUT, 0};
        const int r = ::poll(p, count, 100);
        if (r < 0 && errno != EINTR)
            break;
        for (int i = 0; i < count && r > 0; ++i) {
            if (!p[i].revents)
                continue;
            if (p[i].fd == in[1]) {
                const std::string &data = *spec.stdinData;
                const ssize_t w = ::write(in[1], data.data() + written, data.size() - written);
                if (w > 0)
                    written += static_cast<std::size_t>(w);
                if (w < 0 && errno != EAGAIN && errno != EINTR)
                    written = data.size(); // the child closed stdin: stop feeding it
                if (written >= data.size()) {
                    ::close(in[1]);
                    in[1] = -1;
                }
                continue;
            }
            char buf[65536];
            const ssize_t got = ::read(p[i].fd, buf, sizeof buf);
            const int which = p[i].fd == fds[0] ? 0 : 1;
            if (got <= 0) {
                if (got < 0 && (errno == EINTR || errno == EAGAIN))
                    continue;
                ::close(fds[which]);
                fds[which] = -1;
                continue;
            }
            const std::string_view bytes(buf, static_cast<std::size_t>(got));
            if (which == 0)
                appendCapped(result.out, bytes, captureMax, false);
            else
                appendCapped(result.err, bytes, captureMax, true);
            if (onOutput)
                onOutput(which == 0 ? Stream::Stdout : Stream::Stderr, bytes);
        }
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            startKill();
        }
        if (spec.timeoutMs >= 0 && !killing
            && Clock::now() - started > std::chrono::milliseconds(spec.timeoutMs)) {
            result.timedOut = true;
            startKill();
        }
        if (killing && Clock::now() > killAt) {
            ::kill(-pid, SIGKILL);
            killAt = Clock::now() + std::chrono::hours(1);
        }
    }
    for (int fd : fds)
        if (fd >= 0)
            ::close(fd);
    if (in[1] >= 0)
        ::close(in[1]);

    int wstatus = 0;
    for (;;) {
        const pid_t w = ::waitpid(pid, &wstatus, killing ? WNOHANG : 0);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            break;
        if (w == 0) { // killing and not gone yet
            if (Clock::now() > killAt)
                ::kill(-pid, SIGKILL);
            ::usleep(20000);
        }
    }
    if (WIFEXITED(wstatus))
        result.exitCode = WEXITSTATUS(wstatus);
    else if (WIFSIGNALED(wstatus))
        result.exitCode = 128 + WTERMSIG(wstatus);
    if (cancelled)
        throw cancelledError();
    return result;
}

} // namespace qwqhelper::process
