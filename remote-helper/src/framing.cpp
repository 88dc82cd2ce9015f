// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framing.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace qwqhelper {

static constexpr std::size_t kKeepCapacity = 1u << 20;

LineReader::Status LineReader::next(std::string &line, int timeoutMs)
{
    for (;;) {
        if (m_discarding) {
            const auto nl = m_buffer.find('\n');
            if (nl != std::string::npos) {
                m_buffer.erase(0, nl + 1);
                m_discarding = false;
                continue;
            }
            m_buffer.clear();
        } else {
            // Only the bytes appended since the last look can hold the newline.
            const auto nl = m_buffer.find('\n', m_scanned);
            if (nl != std::string::npos) {
                std::size_t length = nl;
                if (length > 0 && m_buffer[length - 1] == '\r')
                    --length;
                const bool tooLong = length > kMaxLineBytes;
                if (!tooLong)
                    line.assign(m_buffer, 0, length);
                m_buffer.erase(0, nl + 1);
                m_scanned = 0;
                // After a huge line, give its memory back instead of keeping it all session.
                if (m_buffer.capacity() > kKeepCapacity && m_buffer.size() < kKeepCapacity)
                    m_buffer.shrink_to_fit();
                return tooLong ? Status::TooLong : Status::Line;
            }
            m_scanned = m_buffer.size();
            // Checked before the newline arrives so a huge line is never held in memory
            // (+1 leaves room for a CR that may precede the newline).
            if (m_buffer.size() > kMaxLineBytes + 1) {
                m_buffer.clear();
                m_buffer.shrink_to_fit(); // do not keep 16 MiB for the rest of the session
                m_scanned = 0;
                m_discarding = true;
                return Status::TooLong;
            }
        }
        if (m_eof) {
            // A last line without a newline still counts as a line.
            if (!m_discarding && !m_buffer.empty()) {
                line.swap(m_buffer);
                m_buffer.clear();
                return Status::Line;
            }
            return Status::Eof;
        }

        pollfd pfd{m_fd, POLLIN, 0};
        const int r = ::poll(&pfd, 1, timeoutMs);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            m_eof = true;
            continue;
        }
        if (r == 0)
            return Status::Timeout;

        char chunk[65536];
        const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {
            m_eof = true;
            continue;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

void LineWriter::write(const nlohmann::json &message)
{
    // Replace rather than throw on invalid UTF-8 that came from the system (file names…).
    std::string text = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text.push_back('\n');

    std::lock_guard lock(m_mutex);
    if (m_broken)
        return;
    const char *p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_broken = true;
            return;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

int nestingDepth(const std::string &text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case ']':
        case '}':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

} // namespace qwqhelper
