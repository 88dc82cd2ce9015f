// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// qwq-helper: answers JSON-RPC requests from the qwq app on stdin/stdout. See PROTOCOL.md.
#include "acme/renew.h"
#include "dispatch.h"
#include "framing.h"
#include "handlers/handlers.h"
#include "selfheal/run.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <string>
#include <unistd.h>

using namespace qwqhelper;

namespace {

constexpr auto kShutdownGrace = std::chrono::milliseconds(800);

int usage()
{
    std::fputs("usage: qwq-helper serve [--read-only] [--watchdog-seconds N]\n"
               "       qwq-helper methods\n"
               "       qwq-helper selfheal-run [--config PATH]\n"
               "       qwq-helper cert-renew [--config PATH] [--days N]\n"
               "       qwq-helper --version\n",
               stderr);
    return 2;
}

int serve(bool readOnly, int watchdogSeconds)
{
    // A vanished reader must not kill us mid-write; LineWriter notices EPIPE instead.
    std::signal(SIGPIPE, SIG_IGN);
    // A fixed threshold keeps line buffers (up to 16 MiB) in mmap'd blocks that go back to the
    // system when freed; glibc's adaptive threshold would otherwise keep them resident.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);

    LineWriter writer(STDOUT_FILENO);
    Dispatcher dispatcher(writer, readOnly);
    registerAllMethods(dispatcher);

    LineReader reader(STDIN_FILENO);
    using Clock = std::chrono::steady_clock;
    const auto watchdog = std::chrono::seconds(watchdogSeconds);
    auto lastLine = Clock::now();
    std::string line;

    for (;;) {
        int timeoutMs = -1;
        if (watchdogSeconds > 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                lastLine + watchdog - Clock::now());
            timeoutMs = static_cast<int>(std::max<int64_t>(0, left.count()));
        }
        const auto status = reader.next(line, timeoutMs);
        if (status == LineReader::Status::Eof)
            break;
        if (status == LineReader::Status::Timeout) {
            if (Clock::now() - lastLine >= watchdog) {
                std::fprintf(stderr, "qwq-helper: no input for %d s, exiting\n", watchdogSeconds);
                break;
            }
            continue;
        }
        lastLine = Clock::now();
        if (status == LineReader::Status::TooLong) {
            writer.write(nlohmann::json{
                {"jsonrpc", "2.0"},
                {"id", nullptr},
                {"error", {{"code", Code::InvalidRequest}, {"message", "request line exceeds 16 MiB"}}}});
            continue;
        }
        dispatcher.handleLine(line);
        if (line.capacity() > (1u << 20))
            std::string().swap(line); // a huge request's memory goes back now
    }

    // Dropped session: stop all work, give handlers a moment to answer, then leave even if
    // one is stuck (detached threads die with the process).
    dispatcher.cancelAll();
    if (!dispatcher.waitIdle(kShutdownGrace))
        std::fputs("qwq-helper: handlers still running at exit\n", stderr);
    std::fflush(stderr);
    std::_Exit(0);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string command = argv[1];
    if (command == "--version" && argc == 2) {
        std::printf("qwq-helper %s\n", QWQ_HELPER_VERSION);
        return 0;
    }
    if (command == "methods" && argc == 2) {
        LineWriter writer(STDOUT_FILENO);
        Dispatcher dispatcher(writer, false);
        registerAllMethods(dispatcher);
        std::printf("%s\n", dispatcher.methodList().dump().c_str());
        return 0;
    }
    if (command == "selfheal-run") {
        std::string config = selfheal::defaultConfigPath();
        if (argc == 4 && std::string(argv[2]) == "--config" && argv[3][0] == '/')
            config = argv[3];
        else if (argc != 2)
            return usage();
        std::signal(SIGPIPE, SIG_IGN);
        return selfheal::runOnce(config);
    }
    if (command == "cert-renew") {
        std::string config = acme::renewConfigPath();
        int days = 0; // the config's
        for (int i = 2; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--config" && i + 1 < argc && argv[i + 1][0] == '/') {
                config = argv[++i];
            } else if (arg == "--days" && i + 1 < argc) {
                char *end = nullptr;
                const long n = std::strtol(argv[++i], &end, 10);
                if (!*argv[i] || *end || n < 1 || n > 100000)
                    return usage();
                days = static_cast<int>(n);
            } else {
                return usage();
            }
        }
        std::signal(SIGPIPE, SIG_IGN);
        return acme::renewRun(config, days);
    }
    if (command != "serve")
        return usage();

    bool readOnly = false;
    int watchdogSeconds = 60;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--read-only") {
            readOnly = true;
        } else if (arg == "--watchdog-seconds" && i + 1 < argc) {
            char *end = nullptr;
            const long n = std::strtol(argv[++i], &end, 10);
            if (!*argv[i] || *end || n < 0 || n > 86400)
                return usage();
            watchdogSeconds = static_cast<int>(n); // 0 turns the watchdog off
        } else {
            return usage();
        }
    }
    return serve(readOnly, watchdogSeconds);
}
