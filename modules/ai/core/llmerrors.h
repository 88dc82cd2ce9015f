// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QByteArray>
#include <QString>

namespace Qwq::Ai {

/// Turns what a provider answered into the project's errors. Messages are translated and
/// name the provider's host and what failed; `detail` carries the provider's own words
/// (its error message, or the start of the body), secrets masked.
namespace LlmErrors {

/// The provider's own error text from a JSON error body ({"error":{"message","type","code"}},
/// {"error":"…"} or {"message":"…"}), else the start of the body.
QString providerMessage(const QByteArray &body);

/// HTTP status → error: 401/403 Unauthorized, 404 AiModelNotFound, 400/413/422 InvalidParam,
/// 429 and 5xx AiUnavailable.
Error fromHttp(int status, const QString &host, const QString &model, const QByteArray &body);

/// A transport failure (refused, DNS, TLS, reset) → AiUnavailable.
Error fromNetwork(const QString &host, const QString &errorString);

enum class TimeoutPhase { Connect, FirstByte, Idle };
Error timeout(TimeoutPhase phase, const QString &host, int ms);

/// Whether a failure is worth another attempt (before anything was streamed).
bool isRetryableStatus(int status);

/// Removes `secret` (the API key) and anything that looks like a secret from provider text.
QString scrub(const QString &text, const QString &secret);

} // namespace LlmErrors
} // namespace Qwq::Ai
