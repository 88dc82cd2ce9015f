// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputqueue.h"

#include "base64.h"
#include "dispatch.h"

#include <cstdio>
#include <stdexcept>
#include <sys/eventfd.h>
#include <unistd.h>

namespace qwqhelper {

InputQueue::InputQueue()
{
    m_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_fd < 0)
        throw std::runtime_error("eventfd failed");
}

InputQueue::~InputQueue()
{
    ::close(m_fd);
}

void InputQueue::push(Event event)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queued + event.bytes.size() > kMaxQueued) {
            if (!m_overflowed)
                std::fputs("qwq-helper: $/input dropped: 16 MiB already queued\n", stderr);
            m_overflowed = true; // the consumer is woken below and sees it
        } else {
            m_queued += event.bytes.size();
            m_events.push_back(std::move(event));
        }
    }
    const uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(m_fd, &one, sizeof one);
}

std::vector<InputQueue::Event> InputQueue::take()
{
    uint64_t count;
    [[maybe_unused]] const auto n = ::read(m_fd, &count, sizeof count);
    std::lock_guard lock(m_mutex);
    std::vector<Event> out(std::make_move_iterator(m_events.begin()),
                           std::make_move_iterator(m_events.end()));
    m_events.clear();
    m_queued = 0;
    return out;
}

bool InputQueue::overflowed()
{
    std::lock_guard lock(m_mutex);
    return m_overflowed;
}

std::shared_ptr<InputQueue> InputQueue::attach(const Context &context, bool acceptResize)
{
    auto queue = std::make_shared<InputQueue>();
    context.onInput([queue, acceptResize](const std::string &method, const nlohmann::json &p) {
        Event e;
        if (method == "$/resize") {
            if (!acceptResize)
                return;
            const auto rows = p.find("rows");
            const auto cols = p.find("cols");
            if (rows == p.end() || cols == p.end() || !rows->is_number_integer()
                || !cols->is_number_integer())
                throw std::runtime_error("rows and cols must be integers");
            const int64_t r = rows->get<int64_t>(), c = cols->get<int64_t>();
            if (r < 1 || r > 1000 || c < 1 || c > 1000)
                throw std::runtime_error("rows and cols must be 1..1000");
            e.kind = Event::Kind::Resize;
            e.rows = static_cast<int>(r);
            e.cols = static_cast<int>(c);
        } else if (const auto eof = p.find("eof"); eof != p.end() && eof->is_boolean() && *eof) {
            e.kind = Event::Kind::Eof;
        } else {
            const auto b64 = p.find("b64");
            if (b64 == p.end() || !b64->is_string())
                throw std::runtime_error("b64 must be a string");
            const auto &text = b64->get_ref<const std::string &>();
            if (text.size() > kMaxChunk / 3 * 4 + 4)
                throw std::runtime_error("more than 1 MiB in one $/input");
            auto bytes = base64::decode(text);
            if (!bytes)
                throw std::runtime_error("b64 is not base64");
            e.bytes = std::move(*bytes);
        }
        queue->push(std::move(e));
    });
    return queue;
}

} // namespace qwqhelper
