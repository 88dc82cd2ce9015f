// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "params.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <vector>
#include <memory>
#include <mutex>
#include <string>

// Code that runs once as the helper starts (each handlers file's register*Methods): placed with
// the static constructors, so starting touches a few pages of the binary instead of one page in
// every handlers file. The kernel maps 64 KiB around each page fault of a file mapping, and those
// pages are most of the idle helper's resident memory (bench row 3).
#define QWQ_STARTUP __attribute__((section(".text.startup.qwq_register"), cold))

namespace qwqhelper {

class LineWriter;
class Dispatcher;

enum class Risk { Read, SecretRead, Mutating, Destructive };
const char *riskName(Risk risk);

/// A request's cooperative cancel flag. `$/cancel`, stdin EOF and the watchdog set it; handlers
/// poll it or sleep on it with waitFor(), which wakes at once when it is set.
class CancelToken final
{
public:
    void cancel();
    bool isCancelled();
    // Sleeps up to `duration`; returns true when cancelled (at once if already cancelled).
    bool waitFor(std::chrono::milliseconds duration);
    // Runs `hook` when the token is cancelled (at once if it already is), on the cancelling
    // thread under the token's lock: keep it short and non-blocking, e.g. shutdown() on a socket
    // the handler is blocked on. One hook at a time; clearOnCancel() must run before whatever
    // the hook touches goes away (after it returns the hook is never called again).
    void setOnCancel(std::function<void()> hook);
    void clearOnCancel();

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_cancelled = false;
    std::function<void()> m_onCancel;
};

/// What a handler may use besides its params: its request id, its cancel flag, a way to send
/// `$/stream` notifications tied to its id, and the session's settings.
struct Context
{
    const nlohmann::json &id;
    CancelToken &cancel;
    LineWriter &writer;
    const Dispatcher &dispatcher;

    void stream(nlohmann::json data) const;
    void throwIfCancelled() const;
    // Routes `$/input` and `$/resize` notifications for this request to `sink` until the
    // request ends (or clearInput()). The sink runs on the reader thread: it must only queue.
    void onInput(std::function<void(const std::string &method, const nlohmann::json &params)> sink) const;
    void clearInput() const;
};

using Handler = std::function<nlohmann::json(const Params &, const Context &)>;

struct Method
{
    Risk risk;
    Handler handler;
};

/// The method table and the request lifecycle. handleLine() is called by the main thread for
/// every inbound line; it answers protocol errors itself and runs each request's handler on a
/// worker thread of its own. It is the one place that turns exceptions into error responses.
class Dispatcher final
{
public:
    Dispatcher(LineWriter &writer, bool readOnly);

    // A name, not a std::string: the string is made here, not by a copy of std::string's
    // constructor in every handlers file.
    QWQ_STARTUP void add(const char *name, Risk risk, Handler handler);
    // [{"name","risk"}...] sorted by name.
    nlohmann::json methodList() const;
    bool readOnly() const { return m_readOnly; }

    void handleLine(const std::string &line);

    using InputSink = std::function<void(const std::string &method, const nlohmann::json &params)>;
    void setInputSink(const nlohmann::json &id, InputSink sink) const;
    void clearInputSink(const nlohmann::json &id) const;
    void cancelAll();
    // Waits until no handler runs; false on timeout.
    bool waitIdle(std::chrono::milliseconds timeout);

private:
    void reply(const nlohmann::json &id, const nlohmann::json &result);
    void replyError(const nlohmann::json &id, const RpcError &error);
    void handleNotification(const std::string &method, const nlohmann::json &params,
                            const nlohmann::json *id);
    void runInline(const Method &method, const nlohmann::json &id, const nlohmann::json &params);
    void startWorker(const Method &method, const nlohmann::json &id, nlohmann::json params);

    LineWriter &m_writer;
    const bool m_readOnly;
    std::map<std::string, Method> m_methods;
    std::atomic<bool> m_initialized{false};

    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::map<std::string, std::shared_ptr<CancelToken>> m_inFlight; // key: id.dump()
    int m_running = 0;

    mutable std::mutex m_inputMutex;
    mutable std::map<std::string, std::shared_ptr<InputSink>> m_inputSinks; // key: id.dump()
    // `$/input` / `$/resize` that arrived for a request in flight before its handler attached
    // a sink (the reader thread runs ahead of the worker): replayed to the sink when it comes.
    struct PendingInput
    {
        std::vector<std::pair<std::string, nlohmann::json>> items;
        std::size_t bytes = 0;
    };
    mutable std::map<std::string, PendingInput> m_pendingInput; // key: id.dump()
};

} // namespace qwqhelper
