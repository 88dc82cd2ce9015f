// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Qwq::Ai {

/// One dispatched server-sent event. `type` is empty for the default ("message") type; `id`
/// is the stream's last event id at the time the event was dispatched.
struct SseEvent
{
    QString type;
    QString data;
    QString id;

    bool operator==(const SseEvent &o) const
    {
        return type == o.type && data == o.data && id == o.id;
    }
};

/// An incremental parser of `text/event-stream` (the WHATWG event-stream interpretation).
/// Feed it bytes exactly as they arrive: a chunk may end anywhere, inside a UTF-8 sequence or
/// between the CR and the LF of a line end. Lines end in CRLF, CR or LF; lines starting with
/// ':' are comments; `data:` lines join with '\n'; `event:`, `id:` and `retry:` are honoured.
/// Pure and single-threaded; it never fails (malformed lines are ignored, as the spec says).
class SseParser final
{
public:
    /// Parses `bytes` and returns the events completed by them, in order.
    QList<SseEvent> feed(QByteArrayView bytes);
    /// The stream ended. An event that was not terminated by a blank line is discarded (as the
    /// spec says); returns true when that happened, i.e. the stream ended mid-event.
    bool finish();
    void reset();

    /// The last `retry:` value in milliseconds, or -1 when none came.
    qint64 retryMs() const { return m_retryMs; }
    QString lastEventId() const { return m_lastId; }
    /// Comment lines seen so far (providers send them as keep-alives).
    qint64 comments() const { return m_comments; }
    /// Bytes fed so far.
    qint64 bytesSeen() const { return m_bytes; }

private:
    void parse(QByteArrayView bytes, QList<SseEvent> &out);
    void processLine(QByteArrayView line, QList<SseEvent> &out);

    QByteArray m_line;          // an incomplete line carried over to the next feed
    QByteArray m_data;          // data buffer of the event being built (UTF-8)
    QByteArray m_type;
    bool m_hasData = false;
    bool m_pendingFields = false; // any field line since the last dispatch
    bool m_skipLf = false;      // the previous chunk ended with CR: a leading LF belongs to it
    bool m_start = true;        // a BOM may come first
    QString m_lastId;
    qint64 m_retryMs = -1;
    qint64 m_comments = 0;
    qint64 m_bytes = 0;
};

} // namespace Qwq::Ai
