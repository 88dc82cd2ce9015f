// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A terminal session without a program: records what the view writes, and outputs or ends
// when the test says so.
#pragma once

#include <terminal/core/iterminalsession.h>

namespace TermTest {

class FakeSession final : public Qwq::Terminal::ITerminalSession
{
public:
    using ITerminalSession::ITerminalSession;
    Qwq::Result<void> start(int r, int c) override
    {
        running = true;
        rows = r;
        cols = c;
        ++starts;
        return {};
    }
    void write(QByteArrayView b) override { written += b.toByteArray(); }
    void resize(int r, int c) override
    {
        rows = r;
        cols = c;
        ++resizes;
    }
    void terminate() override { running = false; }
    bool isRunning() const override { return running; }
    QString displayName() const override { return QStringLiteral("fake"); }
    void output(const QByteArray &b) { emit dataReceived(b); }
    void end(const QString &why)
    {
        running = false;
        emit finished(-1, why);
    }
    QByteArray take() { return std::exchange(written, {}); }

    QByteArray written;
    int rows = 0;
    int cols = 0;
    int resizes = 0;
    int starts = 0;
    bool running = false;
};

} // namespace TermTest
