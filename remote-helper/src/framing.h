// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <mutex>
#include <string>

// The longest request line accepted, in bytes without the newline. Only a compile-time
// override exists (-DQWQ_HELPER_MAX_LINE_BYTES=…): the app and helper agree on 16 MiB.
#ifndef QWQ_HELPER_MAX_LINE_BYTES
#define QWQ_HELPER_MAX_LINE_BYTES (16u * 1024u * 1024u)
#endif

namespace qwqhelper {

inline constexpr std::size_t kMaxLineBytes = QWQ_HELPER_MAX_LINE_BYTES;
inline constexpr int kMaxNesting = 64;

/// Reads newline-terminated lines from a file descriptor with a size cap. An over-long line is
/// reported once (TooLong) and the rest of it is skipped as it arrives, never buffered whole.
/// Owned and used by the main thread only.
class LineReader final
{
public:
    enum class Status { Line, TooLong, Timeout, Eof };

    explicit LineReader(int fd) : m_fd(fd) {}

    // Waits at most timeoutMs (-1: forever) for the next event; on Line, `line` holds it
    // without the newline (and without a trailing CR).
    Status next(std::string &line, int timeoutMs);

private:
    int m_fd;
    std::string m_buffer;
    std::size_t m_scanned = 0; // bytes of m_buffer known to hold no newline
    bool m_discarding = false;
    bool m_eof = false;
};

/// The single writer of stdout: each call writes one whole line under a mutex, so responses
/// and stream notifications from many worker threads never interleave. After the reader is
/// gone (EPIPE) writes are dropped silently.
class LineWriter final
{
public:
    explicit LineWriter(int fd) : m_fd(fd) {}
    void write(const nlohmann::json &message);

private:
    int m_fd;
    std::mutex m_mutex;
    bool m_broken = false;
};

// Deepest bracket nesting in `text`, counting only brackets outside strings. Iterative, so
// hostile input cannot exhaust the stack; stops counting once `limit` is exceeded.
int nestingDepth(const std::string &text, int limit);

} // namespace qwqhelper
