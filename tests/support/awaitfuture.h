// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QTest>

namespace QwqTest {

/// Spins the event loop until the future finishes (tests may wait; the app never does).
template<typename T>
bool waitFor(const QFuture<T> &f, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return f.isFinished();
}

template<typename T>
T await(const QFuture<T> &f, int timeoutMs = 30000)
{
    if (!waitFor(f, timeoutMs))
        qFatal("future did not finish within %d ms", timeoutMs);
    return f.result();
}

} // namespace QwqTest
