// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// containers.logs and containers.stats: Docker's streams turned into `$/stream` batches.
#include "dispatch.h"
#include "docker/convert.h"
#include "docker/engine.h"
#include "docker/logstream.h"
#include "docker/validate.h"
#include "handlers/handlers.h"

#include <algorithm>

namespace qwqhelper {

using nlohmann::json;
namespace v = docker::validate;

namespace {

// How long a complete line may wait for company before its batch is sent: short enough to
// look live, long enough that a flood goes out in a few large messages, not one per line.
constexpr auto kFlushAfter = std::chrono::milliseconds(50);
constexpr int kIdleTimeoutMs = 60000; // a finite read (no follow) that stalls this long fails
constexpr int64_t kMaxTime = 253402300799; // 9999-12-31T23:59:59Z
constexpr std::size_t kMaxJsonLine = 4u << 20;

std::string containerPath(const std::string &id, const char *suffix)
{
    return "/containers/" + docker::percentEncode(id) + suffix;
}

json containersLogs(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    const bool follow = params.optionalBool("follow").value_or(false);
    const bool timestamps = params.optionalBool("timestamps").value_or(false);
    const bool out = params.optionalBool("stdout").value_or(true);
    const bool err = params.optionalBool("stderr").value_or(true);
    if (!out && !err)
        throw invalidValue("stdout", "neither stdout nor stderr asked for",
                           "set stdout or stderr (or both) to true");
    const auto tail = v::intInRange(params, "tail", 0, 100'000'000);
    const auto since = v::intInRange(params, "since", 0, kMaxTime);
    const auto until = v::intInRange(params, "until", 0, kMaxTime);
    if (since && until && *until < *since)
        throw invalidValue("until", "until is before since", "a time at or after since");

    docker::Query query = {{"stdout", out ? "1" : "0"},
                           {"stderr", err ? "1" : "0"},
                           {"follow", follow ? "1" : "0"},
                           {"timestamps", timestamps ? "1" : "0"},
                           {"tail", tail ? std::to_string(*tail) : "all"}};
    if (since)
        query.emplace_back("since", std::to_string(*since));
    if (until)
        query.emplace_back("until", std::to_string(*until));

    docker::Engine engine(params, context);
    // A container with a TTY logs raw bytes, without the stream framing.
    const json inspect = engine.get(containerPath(id, "/json"), {}, {"id", id});
    const bool tty = inspect.is_object() && inspect.contains("Config")
                     && inspect["Config"].is_object()
                     && inspect["Config"].value("Tty", false);

    auto http = engine.open("GET", containerPath(id, "/logs"), query, {"id", id},
                            follow ? -1 : kIdleTimeoutMs);
    docker::Demuxer demuxer(tty);
    docker::LogBatcher batcher([&context](json data) { context.stream(std::move(data)); });
    const auto sink = [&batcher](docker::StdStream s, std::string_view bytes) {
        batcher.add(s, bytes);
    };

    std::string buffer;
    for (;;) {
        int waitMs = -1; // the connection's idle timeout (none when following)
        if (batcher.hasPending()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                batcher.firstPending() + kFlushAfter - std::chrono::steady_clock::now());
            waitMs = static_cast<int>(std::max<int64_t>(0, left.count()));
        }
        buffer.clear();
        const auto r = http->readSome(buffer, waitMs);
        if (r == docker::UnixHttp::Read::End)
            break;
        if (r == docker::UnixHttp::Read::Timeout) {
            batcher.flush();
            continue;
        }
        try {
            demuxer.feed(buffer, sink);
        } catch (const std::runtime_error &e) {
            throw docker::unavailable(std::string("logs: ") + e.what());
        }
    }
    batcher.finish();
    return {{"id", id}, {"lines", batcher.linesSent()}, {"tty", tty}};
}

json containersStats(const Params &params, const Context &context)
{
    const std::string id = v::container(params);
    const bool stream = params.optionalBool("stream").value_or(true);
    docker::Engine engine(params, context);
    if (!stream) {
        // Docker waits for a second sample so CPU % has a previous one to compare with.
        return docker::convert::stats(
            engine.get(containerPath(id, "/stats"), {{"stream", "0"}}, {"id", id}));
    }

    // One JSON object per line, about one a second, until the container is gone or cancel.
    auto http = engine.open("GET", containerPath(id, "/stats"), {{"stream", "1"}}, {"id", id}, -1);
    std::string pending;
    uint64_t samples = 0;
    for (;;) {
        const auto r = http->readSome(pending);
        if (r == docker::UnixHttp::Read::End)
            break;
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
            const json sample = json::parse(pending.begin() + start, pending.begin() + nl,
                                            nullptr, false);
            if (sample.is_discarded() || !sample.is_object())
                continue;
            context.stream(docker::convert::stats(sample));
            ++samples;
        }
        pending.erase(0, start);
        if (pending.size() > kMaxJsonLine)
            throw docker::unavailable("stats: a sample exceeds 4 MiB");
    }
    return {{"id", id}, {"samples", samples}};
}

} // namespace

QWQ_STARTUP void registerContainerStreamMethods(Dispatcher &dispatcher)
{
    dispatcher.add("containers.logs", Risk::Read, containersLogs);
    dispatcher.add("containers.stats", Risk::Read, containersStats);
}

} // namespace qwqhelper
