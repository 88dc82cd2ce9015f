// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QFile>

#include <functional>

namespace Qwq::Terminal {

/// Writes what a terminal shows to a plain-text file, one line per output line, each
/// prefixed with the local time it was completed (`2026-11-25 14:03:07.120  text`). Escape
/// sequences (CSI, OSC, DCS, charset selections) and control characters are stripped; a
/// carriage return that is not part of CR LF starts the line again (progress bars keep only
/// their last state), backspace removes a character. The file is appended to and flushed
/// after every chunk. Off unless open() is called; a failure to open returns the reason.
class SessionLogger final
{
public:
    SessionLogger() = default;
    ~SessionLogger();
    Q_DISABLE_COPY_MOVE(SessionLogger)

    Result<void> open(const QString &path);
    /// Writes the unfinished line (if any) and closes the file.
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

    /// Bytes as the program wrote them.
    void write(QByteArrayView bytes);

    /// For tests: where the timestamps come from.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    enum class State { Text, Escape, Csi, String, StringEscape, Charset };
    void endLine();

    QFile m_file;
    QByteArray m_line;
    State m_state = State::Text;
    bool m_carriageReturn = false;
    std::function<QDateTime()> m_clock;
};

} // namespace Qwq::Terminal
