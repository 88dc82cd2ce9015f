// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace qwqhelper {

struct Context;

/// What `$/input` and `$/resize` notifications bring to a running request, in arrival order.
/// The reader thread pushes (never blocks); the request's thread polls fd() and takes().
/// Held by shared_ptr: the dispatcher's sink may outlive the handler by a moment.
class InputQueue final
{
public:
    struct Event
    {
        enum class Kind { Data, Eof, Resize } kind = Kind::Data;
        std::string bytes;
        int rows = 0;
        int cols = 0;
    };

    static constexpr std::size_t kMaxChunk = 1u << 20;   // decoded bytes per notification
    static constexpr std::size_t kMaxQueued = 16u << 20; // decoded bytes waiting

    InputQueue();
    ~InputQueue();
    InputQueue(const InputQueue &) = delete;
    InputQueue &operator=(const InputQueue &) = delete;

    int fd() const { return m_fd; } // readable while events wait
    void push(Event event);         // over the cap it is dropped, logged and remembered
    std::vector<Event> take();
    // Whether input was dropped because kMaxQueued bytes were waiting: a request that needs
    // every byte (an upload) fails then instead of going on with a hole.
    bool overflowed();

    // Routes this request's `$/input` and `$/resize` to a new queue (resize only when
    // acceptResize).
    static std::shared_ptr<InputQueue> attach(const Context &context, bool acceptResize);

private:
    int m_fd = -1; // eventfd
    std::mutex m_mutex;
    std::deque<Event> m_events;
    std::size_t m_queued = 0;
    bool m_overflowed = false;
};

} // namespace qwqhelper
