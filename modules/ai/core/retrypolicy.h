// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <optional>

namespace Qwq::Ai {

/// When and how often a failed request to the provider is tried again. Only failures that
/// happen before anything was streamed to the user are retried (a 429, a 5xx, a refused or
/// dropped connection, a timeout before the first byte).
struct RetryPolicy
{
    int maxAttempts = 4;          // first try included
    int baseDelayMs = 500;
    int maxDelayMs = 20000;
    int maxRetryAfterMs = 60000;  // a longer Retry-After fails at once, saying how long

    /// Exponential backoff with "equal jitter": half the step fixed, half random.
    /// `attempt` counts from 1 (the delay after the first failure); `random01` is in [0, 1).
    int backoffMs(int attempt, double random01) const;
};

/// Parses a Retry-After header: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850 and
/// asctime forms). Returns the wait in milliseconds (0 for a date in the past), or nothing
/// when the value is neither.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

/// Stops calling a provider that keeps failing: after `threshold` consecutive failed requests
/// it opens for `cooldownMs` (requests fail at once), then lets a single probe through
/// (half-open); the probe's success closes it, its failure opens it again.
class CircuitBreaker final
{
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::function<qint64()>;   // milliseconds, monotonic

    explicit CircuitBreaker(int threshold = 3, int cooldownMs = 30000, Clock clock = {});

    /// May a request start now? In half-open state only one probe is allowed at a time.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();
    /// A request that was allowed ended without a verdict (cancelled): frees the probe slot.
    void recordAbandoned();

    State state() const;
    int consecutiveFailures() const { return m_failures; }
    /// Milliseconds until an open breaker lets a probe through (0 when not open).
    qint64 remainingCooldownMs() const;
    int threshold() const { return m_threshold; }
    void setThreshold(int n) { m_threshold = n; }
    void setCooldownMs(int ms) { m_cooldownMs = ms; }

private:
    qint64 now() const;

    int m_threshold;
    int m_cooldownMs;
    Clock m_clock;
    int m_failures = 0;
    qint64 m_openedAt = -1;   // -1: closed
    bool m_probeInFlight = false;
};

} // namespace Qwq::Ai
