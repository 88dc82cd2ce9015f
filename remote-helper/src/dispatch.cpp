// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dispatch.h"

#include "framing.h"

#include <cstdio>
#include <optional>
#include <system_error>
#include <thread>

namespace qwqhelper {

using nlohmann::json;

// Each request has a thread of its own; this bounds threads a misbehaving client can start.
constexpr std::size_t kMaxInFlight = 256;

const char *riskName(Risk risk)
{
    switch (risk) {
    case Risk::Read:
        return "read";
    case Risk::SecretRead:
        return "secret-read";
    case Risk::Mutating:
        return "mutating";
    case Risk::Destructive:
        return "destructive";
    }
    return "read";
}

void CancelToken::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_onCancel)
            m_onCancel();
    }
    m_cv.notify_all();
}

void CancelToken::setOnCancel(std::function<void()> hook)
{
    std::lock_guard lock(m_mutex);
    m_onCancel = std::move(hook);
    if (m_cancelled && m_onCancel)
        m_onCancel();
}

void CancelToken::clearOnCancel()
{
    std::lock_guard lock(m_mutex);
    m_onCancel = nullptr;
}

bool CancelToken::isCancelled()
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

bool CancelToken::waitFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    return m_cv.wait_for(lock, duration, [this] { return m_cancelled; });
}

void Context::stream(json data) const
{
    writer.write(json{{"jsonrpc", "2.0"},
                      {"method", "$/stream"},
                      {"params", {{"id", id}, {"data", std::move(data)}}}});
}

void Context::onInput(std::function<void(const std::string &, const json &)> sink) const
{
    dispatcher.setInputSink(id, std::move(sink));
}

void Context::clearInput() const
{
    dispatcher.clearInputSink(id);
}

void Dispatcher::setInputSink(const json &id, InputSink sink) const
{
    std::lock_guard lock(m_inputMutex);
    const std::string key = id.dump();
    auto shared = std::make_shared<InputSink>(std::move(sink));
    m_inputSinks[key] = shared;
    // What came before the handler was ready, in order.
    if (const auto it = m_pendingInput.find(key); it != m_pendingInput.end()) {
        for (const auto &[name, params] : it->second.items) {
            try {
                (*shared)(name, params);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "qwq-helper: %s dropped: %s\n", name.c_str(), e.what());
            }
        }
        m_pendingInput.erase(it);
    }
}

void Dispatcher::clearInputSink(const json &id) const
{
    std::lock_guard lock(m_inputMutex);
    m_inputSinks.erase(id.dump());
    m_pendingInput.erase(id.dump());
}

void Context::throwIfCancelled() const
{
    if (cancel.isCancelled())
        throw cancelledError();
}

Dispatcher::Dispatcher(LineWriter &writer, bool readOnly) : m_writer(writer), m_readOnly(readOnly)
{}

void Dispatcher::add(const char *name, Risk risk, Handler handler)
{
    m_methods[std::string(name)] = Method{risk, std::move(handler)};
}

json Dispatcher::methodList() const
{
    json list = json::array();
    for (const auto &[name, method] : m_methods) // std::map: already sorted by name
        list.push_back({{"name", name}, {"risk", riskName(method.risk)}});
    return list;
}

void Dispatcher::reply(const json &id, const json &result)
{
    m_writer.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

void Dispatcher::replyError(const json &id, const RpcError &error)
{
    m_writer.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", error.toJson()}});
}

void Dispatcher::handleLine(const std::string &line)
{
    if (line.find_first_not_of(" \t\r") == std::string::npos)
        return; // blank lines only keep the watchdog awake

    if (nestingDepth(line, kMaxNesting) > kMaxNesting)
        return replyError(nullptr, RpcError(Code::InvalidRequest, "nesting too deep"));

    json request;
    try {
        request = json::parse(line);
    } catch (const json::parse_error &e) {
        return replyError(nullptr, RpcError(Code::ParseError, "parse error",
                                            errorData({}, {}, e.what())));
    }

    if (!request.is_object())
        return replyError(nullptr,
                          RpcError(Code::InvalidRequest, "a request must be a JSON object"));

    const bool hasId = request.contains("id");
    json id = nullptr;
    if (hasId) {
        const auto &raw = request["id"];
        if (!raw.is_null() && !raw.is_number() && !raw.is_string())
            return replyError(nullptr, RpcError(Code::InvalidRequest,
                                                "id must be a number or a string",
                                                errorData("id")));
        id = raw;
    }

    const auto version = request.find("jsonrpc");
    if (version == request.end() || *version != "2.0")
        return replyError(id, RpcError(Code::InvalidRequest, "jsonrpc must be \"2.0\"",
                                       errorData("jsonrpc")));
    const auto methodIt = request.find("method");
    if (methodIt == request.end() || !methodIt->is_string())
        return replyError(id, RpcError(Code::InvalidRequest, "method must be a string",
                                       errorData("method")));
    const std::string name = methodIt->get<std::string>();

    json params = json::object();
    if (const auto p = request.find("params"); p != request.end() && !p->is_null()) {
        if (!p->is_object()) {
            if (hasId)
                replyError(id, RpcError(Code::InvalidParams, "params must be a JSON object",
                                        errorData("params")));
            return;
        }
        params = std::move(*p);
    }

    if (name.rfind("$/", 0) == 0)
        return handleNotification(name, params, hasId ? &id : nullptr);

    if (!hasId) {
        std::fprintf(stderr, "qwq-helper: ignoring notification for method %s\n", name.c_str());
        return;
    }

    const auto found = m_methods.find(name);
    if (found == m_methods.end())
        return replyError(id, RpcError(Code::MethodNotFound, "method not found: " + name,
                                       errorData("method")));
    const Method &method = found->second;

    if (name == "initialize") {
        // Run on the reader thread so every later line sees the session initialized.
        return runInline(method, id, params);
    }
    if (!m_initialized)
        return replyError(id, RpcError(Code::NotInitialized, "not initialized",
                                       errorData({}, "call initialize first")));
    if (m_readOnly && (method.risk == Risk::Mutating || method.risk == Risk::Destructive))
        return replyError(id, RpcError(Code::Forbidden, "forbidden in read-only mode",
                                       errorData("method", "the helper was started read-only")));

    startWorker(method, id, std::move(params));
}

void Dispatcher::handleNotification(const std::string &name, const json &params, const json *id)
{
    if (name == "$/cancel") {
        if (const auto target = params.find("id"); target != params.end()) {
            std::shared_ptr<CancelToken> token;
            {
                std::lock_guard lock(m_mutex);
                if (const auto it = m_inFlight.find(target->dump()); it != m_inFlight.end())
                    token = it->second;
            }
            if (token)
                token->cancel();
        }
    } else if (name == "$/input" || name == "$/resize") {
        std::shared_ptr<InputSink> sink;
        if (const auto target = params.find("id"); target != params.end()) {
            const std::string key = target->dump();
            std::lock_guard lock(m_inputMutex);
            if (const auto it = m_inputSinks.find(key); it != m_inputSinks.end()) {
                sink = it->second;
            } else {
                bool inFlight = false;
                {
                    std::lock_guard flight(m_mutex);
                    inFlight = m_inFlight.count(key) > 0;
                }
                // The request runs but its handler has not attached yet: keep it for the sink
                // (bounded: an app keeps at most a few MiB beyond what was acknowledged).
                constexpr std::size_t kMaxPending = 64u << 20;
                const std::size_t size = params.dump().size();
                PendingInput &pending = m_pendingInput[key];
                if (inFlight && pending.bytes + size <= kMaxPending) {
                    pending.items.emplace_back(name, params);
                    pending.bytes += size;
                } else {
                    if (inFlight)
                        std::fprintf(stderr, "qwq-helper: %s dropped: the request has not read its input yet\n", name.c_str());
                    if (pending.items.empty())
                        m_pendingInput.erase(key);
                }
            }
        }
        if (sink) {
            try {
                (*sink)(name, params);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "qwq-helper: %s dropped: %s\n", name.c_str(), e.what());
            }
        }
    } else if (name != "$/ping") {
        if (id)
            replyError(*id, RpcError(Code::MethodNotFound, "method not found: " + name,
                                     errorData("method")));
        return;
    }
    if (id)
        reply(*id, nullptr);
}

void Dispatcher::runInline(const Method &method, const json &id, const json &params)
{
    CancelToken token;
    const Context context{id, token, m_writer, *this};
    try {
        json result = method.handler(Params(params), context);
        m_initialized = true;
        reply(id, result);
    } catch (const RpcError &e) {
        replyError(id, e);
    } catch (const std::exception &e) {
        replyError(id, RpcError(Code::Internal, "internal error", errorData({}, {}, e.what())));
    }
}

void Dispatcher::startWorker(const Method &method, const json &id, json params)
{
    const std::string key = id.dump();
    auto token = std::make_shared<CancelToken>();
    {
        std::lock_guard lock(m_mutex);
        if (m_inFlight.size() >= kMaxInFlight) {
            replyError(id, RpcError(Code::Internal, "too many requests in flight",
                                    errorData({}, "wait for earlier requests to finish")));
            return;
        }
        if (!m_inFlight.emplace(key, token).second) {
            replyError(id, RpcError(Code::InvalidRequest,
                                    "a request with this id is still in flight", errorData("id")));
            return;
        }
        ++m_running;
    }

    auto finish = [this, key](const json &reqId, const json &message, bool isError) {
        {
            std::lock_guard lock(m_mutex);
            m_inFlight.erase(key); // before the reply, so the id may be reused at once
        }
        {
            std::lock_guard lock(m_inputMutex);
            m_inputSinks.erase(key);
            m_pendingInput.erase(key);
        }
        if (isError)
            m_writer.write(json{{"jsonrpc", "2.0"}, {"id", reqId}, {"error", message}});
        else
            reply(reqId, message);
        {
            std::lock_guard lock(m_mutex);
            --m_running;
        }
        m_idle.notify_all();
    };

    auto work = [this, handler = method.handler, id, params = std::move(params), token, finish] {
        const Context context{id, *token, m_writer, *this};
        json result;
        std::optional<RpcError> error;
        try {
            result = handler(Params(params), context);
        } catch (const RpcError &e) {
            error = e;
        } catch (const std::exception &e) {
            error = RpcError(Code::Internal, "internal error", errorData({}, {}, e.what()));
        }
        if (token->isCancelled())
            error = cancelledError();
        if (error)
            finish(id, error->toJson(), true);
        else
            finish(id, result, false);
    };

    try {
        std::thread(std::move(work)).detach();
    } catch (const std::system_error &e) {
        finish(id, RpcError(Code::Internal, "cannot start a worker thread",
                            errorData({}, {}, e.what()))
                       .toJson(),
               true);
    }
}

void Dispatcher::cancelAll()
{
    std::lock_guard lock(m_mutex);
    for (auto &[key, token] : m_inFlight)
        token->cancel();
}

bool Dispatcher::waitIdle(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, timeout, [this] { return m_running == 0; });
}

} // namespace qwqhelper
