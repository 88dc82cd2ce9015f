// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/logstream.h"

#include <stdexcept>

namespace qwqhelper::docker {

void Demuxer::feed(std::string_view data, const Sink &sink)
{
    if (m_raw) {
        if (!data.empty())
            sink(StdStream::Stdout, data);
        return;
    }
    while (!data.empty()) {
        if (m_payloadLeft == 0) {
            const std::size_t take = std::min<std::size_t>(8 - m_headerHave, data.size());
            std::copy(data.begin(), data.begin() + take, m_header + m_headerHave);
            m_headerHave += take;
            data.remove_prefix(take);
            if (m_headerHave < 8)
                return;
            m_headerHave = 0;
            if (m_header[0] > 2 || m_header[1] || m_header[2] || m_header[3])
                throw std::runtime_error("not Docker's stream framing");
            m_current = m_header[0] == 2 ? StdStream::Stderr : StdStream::Stdout;
            m_payloadLeft = (uint32_t(m_header[4]) << 24) | (uint32_t(m_header[5]) << 16)
                            | (uint32_t(m_header[6]) << 8) | uint32_t(m_header[7]);
            continue;
        }
        const std::size_t take = std::min<std::size_t>(m_payloadLeft, data.size());
        sink(m_current, data.substr(0, take));
        m_payloadLeft -= static_cast<uint32_t>(take);
        data.remove_prefix(take);
    }
}

LogBatcher::LogBatcher(Emit emit, std::size_t maxLines, std::size_t maxBytes,
                       std::size_t maxLineBytes)
    : m_emit(std::move(emit)), m_maxLines(maxLines), m_maxBytes(maxBytes),
      m_maxLineBytes(maxLineBytes)
{}

void LogBatcher::add(StdStream stream, std::string_view bytes)
{
    std::string &partial = m_partial[stream == StdStream::Stderr ? 1 : 0];
    while (!bytes.empty()) {
        const std::size_t nl = bytes.find('\n');
        const std::string_view piece = bytes.substr(0, nl);
        if (partial.size() + piece.size() > m_maxLineBytes) {
            // An endless line: cut it at the limit rather than hold it all.
            const std::size_t room = m_maxLineBytes - partial.size();
            partial.append(piece.substr(0, room));
            addLine(stream, std::move(partial));
            partial.clear();
            bytes.remove_prefix(room);
            continue;
        }
        if (nl == std::string_view::npos) {
            partial.append(piece);
            return;
        }
        partial.append(piece);
        if (!partial.empty() && partial.back() == '\r')
            partial.pop_back();
        addLine(stream, std::move(partial));
        partial.clear();
        bytes.remove_prefix(nl + 1);
    }
}

void LogBatcher::addLine(StdStream stream, std::string line)
{
    const int s = static_cast<int>(stream);
    if (m_pendingLines == 0)
        m_firstPending = std::chrono::steady_clock::now();
    if (s != m_lastStream || m_runs.empty()) {
        m_runs.push_back({{"stream", stream == StdStream::Stderr ? "stderr" : "stdout"},
                          {"lines", nlohmann::json::array()}});
        m_lastStream = s;
    }
    m_pendingBytes += line.size() + 4;
    m_runs.back()["lines"].push_back(std::move(line));
    ++m_pendingLines;
    if (m_pendingLines >= m_maxLines || m_pendingBytes >= m_maxBytes)
        flush();
}

void LogBatcher::flush()
{
    if (m_pendingLines == 0)
        return;
    nlohmann::json data = {{"runs", std::move(m_runs)}};
    m_linesSent += m_pendingLines;
    m_runs = nlohmann::json::array();
    m_lastStream = 0;
    m_pendingLines = 0;
    m_pendingBytes = 0;
    m_emit(std::move(data));
}

void LogBatcher::finish()
{
    for (int i = 0; i < 2; ++i) {
        if (!m_partial[i].empty()) {
            std::string rest = std::move(m_partial[i]);
            m_partial[i].clear();
            if (rest.back() == '\r')
                rest.pop_back();
            addLine(i == 0 ? StdStream::Stdout : StdStream::Stderr, std::move(rest));
        }
    }
    flush();
}

} // namespace qwqhelper::docker
