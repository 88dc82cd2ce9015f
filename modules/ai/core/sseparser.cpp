// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

#include <cstring>
#include <utility>

namespace Qwq::Ai {

namespace {
const char *findLineEnd(const char *p, const char *end)
{
    // memchr twice is far faster than a byte loop on long data lines.
    const void *lf = std::memchr(p, '\n', size_t(end - p));
    const char *stop = lf ? static_cast<const char *>(lf) : end;
    const void *cr = std::memchr(p, '\r', size_t(stop - p));
    return cr ? static_cast<const char *>(cr) : stop;
}
} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    m_bytes += bytes.size();
    if (!m_start) {
        parse(bytes, out);
        return out;
    }
    // A byte order mark may come first, itself split across chunks: hold bytes until the
    // first three are known.
    m_line.append(bytes.data(), bytes.size());
    static constexpr QByteArrayView bom("\xEF\xBB\xBF");
    if (m_line.size() < 3 && bom.startsWith(m_line))
        return out;
    m_start = false;
    QByteArray pending = std::exchange(m_line, {});
    if (pending.startsWith(bom))
        pending.remove(0, 3);
    parse(pending, out);
    return out;
}

void SseParser::parse(QByteArrayView bytes, QList<SseEvent> &out)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    if (m_skipLf && p < end) {
        if (*p == '\n')
            ++p;
        m_skipLf = false;
    }
    while (p < end) {
        const char *eol = findLineEnd(p, end);
        if (eol == end) {
            m_line.append(p, end - p);
            break;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p, eol - p), out);
        } else {
            m_line.append(p, eol - p);
            processLine(m_line, out);
            m_line.clear();
        }
        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_skipLf = true;
            else if (*p == '\n')
                ++p;
        }
    }
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        // Blank line: dispatch. Without data the event is dropped, its type reset.
        if (m_hasData) {
            if (m_data.endsWith('\n'))
                m_data.chop(1);
            out.append(SseEvent{QString::fromUtf8(m_type), QString::fromUtf8(m_data), m_lastId});
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        m_pendingFields = false;
        return;
    }
    if (line.front() == ':') {
        ++m_comments;
        return;
    }
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    m_pendingFields = true;
    if (field == "data") {
        m_data.append(value.data(), value.size());
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = QString::fromUtf8(value);
    } else if (field == "retry") {
        bool digits = !value.isEmpty();
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (digits)
            m_retryMs = value.toByteArray().toLongLong();
    }
    // Other field names are ignored.
}

bool SseParser::finish()
{
    if (!m_line.isEmpty()) {
        // A last line without its line end still counts as a field of the unfinished event.
        QList<SseEvent> ignored;
        const QByteArray line = std::exchange(m_line, {});
        if (!line.startsWith(':'))
            processLine(line, ignored);
    }
    const bool partial = m_hasData || m_pendingFields;
    m_data.clear();
    m_type.clear();
    m_hasData = false;
    m_pendingFields = false;
    m_skipLf = false;
    return partial;
}

void SseParser::reset()
{
    *this = SseParser();
}

} // namespace Qwq::Ai
