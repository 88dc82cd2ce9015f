// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace qwqhelper::docker {

enum class StdStream { Stdout = 1, Stderr = 2 };

/// Docker's multiplexed stream framing (logs and attach of containers without a TTY): each
/// frame is an 8-byte header — stream (0 stdin, 1 stdout, 2 stderr), three zero bytes, payload
/// size as a big-endian uint32 — then the payload. Frames may be split anywhere across reads;
/// the demuxer keeps the partial header or payload and hands out payload bytes as they come.
/// A container with a TTY sends raw bytes instead: construct with raw = true (all stdout).
class Demuxer final
{
public:
    using Sink = std::function<void(StdStream, std::string_view)>;
    explicit Demuxer(bool raw) : m_raw(raw) {}

    // Throws std::runtime_error on a header that is not Docker's (bad stream byte).
    void feed(std::string_view data, const Sink &sink);
    bool midFrame() const { return m_headerHave != 0 || m_payloadLeft != 0; }

private:
    bool m_raw;
    unsigned char m_header[8] = {};
    std::size_t m_headerHave = 0;
    uint32_t m_payloadLeft = 0;
    StdStream m_current = StdStream::Stdout;
};

/// Splits stdout and stderr bytes into lines, each stream with its own partial-line buffer (so
/// a line is never cut where a frame or chunk ends, and the two streams never mix within a
/// line), and batches complete lines into `$/stream` data:
///   {"runs": [{"stream": "stdout", "lines": ["a", "b"]}, {"stream": "stderr", "lines": [...]}]}
/// Runs keep the order in which lines were completed. A batch is handed to `emit` when it
/// holds maxLines lines or maxBytes bytes; the caller also flushes it when it has waited long
/// enough (firstPending() tells since when). The newline (and a CR before it) is not part of a
/// line. A line longer than maxLineBytes is cut there (the rest comes as the next line).
class LogBatcher final
{
public:
    using Emit = std::function<void(nlohmann::json)>;
    LogBatcher(Emit emit, std::size_t maxLines = 2000, std::size_t maxBytes = 256 * 1024,
               std::size_t maxLineBytes = 1024 * 1024);

    void add(StdStream stream, std::string_view bytes);
    void flush();
    // End of the stream: unterminated last lines become lines, then flush().
    void finish();

    bool hasPending() const { return m_pendingLines > 0; }
    std::chrono::steady_clock::time_point firstPending() const { return m_firstPending; }
    uint64_t linesSent() const { return m_linesSent; }

private:
    void addLine(StdStream stream, std::string line);

    Emit m_emit;
    std::size_t m_maxLines;
    std::size_t m_maxBytes;
    std::size_t m_maxLineBytes;
    std::string m_partial[2];
    nlohmann::json m_runs = nlohmann::json::array();
    int m_lastStream = 0;
    std::size_t m_pendingLines = 0;
    std::size_t m_pendingBytes = 0;
    std::chrono::steady_clock::time_point m_firstPending;
    uint64_t m_linesSent = 0;
};

} // namespace qwqhelper::docker
