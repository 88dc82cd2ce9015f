// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <memory>

namespace Qwq::Ai {

int RetryPolicy::backoffMs(int attempt, double random01) const
{
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const qint64 step = std::min<qint64>(qint64(maxDelayMs), qint64(baseDelayMs) << exponent);
    const double r = std::clamp(random01, 0.0, 1.0);
    return int(step / 2 + qint64(double(step - step / 2) * r));
}

std::optional<qint64> parseRetryAfter(const QByteArray &raw, const QDateTime &now)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool digits = true;
    for (char c : value)
        digits = digits && c >= '0' && c <= '9';
    if (digits) {
        if (value.size() > 9)   // more than ~30 years: treat as "very long"
            return qint64(1) << 40;
        return value.toLongLong() * 1000;
    }
    // HTTP-date: IMF-fixdate, then the obsolete RFC 850 and asctime forms (RFC 9110 §5.6.7).
    // The weekday is dropped first: a wrong one must not void the date.
    const QString s = QString::fromLatin1(value).simplified();
    const QLocale c = QLocale::c();
    QDateTime when;
    if (const qsizetype comma = s.indexOf(QLatin1Char(',')); comma >= 0) {
        const QString rest = s.mid(comma + 1).trimmed();
        when = c.toDateTime(rest, QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"));
        if (!when.isValid())
            when = c.toDateTime(rest, QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"));
    } else if (const qsizetype space = s.indexOf(QLatin1Char(' ')); space >= 0) {
        when = c.toDateTime(s.mid(space + 1), QStringLiteral("MMM d HH:mm:ss yyyy"));
    }
    if (!when.isValid())
        return std::nullopt;
    if (when.date().year() < 1970)   // two-digit RFC 850 years
        when = when.addYears(100);
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}

CircuitBreaker::CircuitBreaker(int threshold, int cooldownMs, Clock clock)
    : m_threshold(threshold), m_cooldownMs(cooldownMs), m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
}

qint64 CircuitBreaker::now() const
{
    return m_clock();
}

CircuitBreaker::State CircuitBreaker::state() const
{
    if (m_openedAt < 0)
        return State::Closed;
    return now() - m_openedAt < m_cooldownMs ? State::Open : State::HalfOpen;
}

qint64 CircuitBreaker::remainingCooldownMs() const
{
    if (state() != State::Open)
        return 0;
    return m_cooldownMs - (now() - m_openedAt);
}

bool CircuitBreaker::allowRequest()
{
    switch (state()) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_probeInFlight)
            return false;
        m_probeInFlight = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    m_failures = 0;
    m_openedAt = -1;
    m_probeInFlight = false;
}

void CircuitBreaker::recordFailure()
{
    ++m_failures;
    if (m_probeInFlight || m_failures >= m_threshold)
        m_openedAt = now();
    m_probeInFlight = false;
}

void CircuitBreaker::recordAbandoned()
{
    m_probeInFlight = false;
}

} // namespace Qwq::Ai
