// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlogger.h"

#include "terminaltr.h"

namespace Qwq::Terminal {

namespace {
constexpr qsizetype kMaxLine = 64 * 1024;   // a line without end is written in pieces
}

SessionLogger::~SessionLogger()
{
    close();
}

Result<void> SessionLogger::open(const QString &path)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error(ErrorCode::InvalidParam, Tr::tr("The log file %1 cannot be opened.").arg(path),
                     m_file.errorString(), {}, QStringLiteral("path"));
    m_line.clear();
    m_state = State::Text;
    m_carriageReturn = false;
    return {};
}

void SessionLogger::close()
{
    if (!m_file.isOpen())
        return;
    if (!m_line.isEmpty())
        endLine();
    m_file.close();
}

void SessionLogger::endLine()
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTime();
    QByteArray out = now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toUtf8();
    out += "  ";
    out += m_line;
    out += '\n';
    m_file.write(out);
    m_line.clear();
}

void SessionLogger::write(QByteArrayView bytes)
{
    if (!m_file.isOpen())
        return;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        switch (m_state) {
        case State::Text:
            if (m_carriageReturn && c != '\n')
                m_line.clear();   // CR without LF: the line is drawn again
            m_carriageReturn = false;
            if (c == 0x1b) {
                m_state = State::Escape;
            } else if (c == '\n') {
                endLine();
            } else if (c == '\r') {
                m_carriageReturn = true;
            } else if (c == '\b') {
                // Remove one character, with its UTF-8 continuation bytes.
                while (!m_line.isEmpty() && (static_cast<unsigned char>(m_line.back()) & 0xc0) == 0x80)
                    m_line.chop(1);
                m_line.chop(1);
            } else if (c == '\t' || c >= 0x20) {
                if (c != 0x7f)
                    m_line += char(c);
                if (m_line.size() >= kMaxLine)
                    endLine();
            }
            break;
        case State::Escape:
            m_state = c == '[' ? State::Csi
                      : (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') ? State::String
                      : (c == '(' || c == ')' || c == '*' || c == '+' || c == '#' || c == '%')
                          ? State::Charset
                          : State::Text;
            break;
        case State::Csi:
            if (c >= 0x40 && c <= 0x7e)
                m_state = State::Text;
            else if (c == 0x1b)
                m_state = State::Escape;
            break;
        case State::String:
            if (c == 0x07)
                m_state = State::Text;
            else if (c == 0x1b)
                m_state = State::StringEscape;
            break;
        case State::StringEscape:
            m_state = State::Text;   // ST, or ESC that aborts the string
            break;
        case State::Charset: m_state = State::Text; break;
        }
    }
    m_file.flush();
}

} // namespace Qwq::Terminal
