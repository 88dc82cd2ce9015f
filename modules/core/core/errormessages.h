// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace Qwq {

/// Translated, user-facing text for an error code. The helper speaks English only; the app
/// builds what it shows from the code and the field the helper names.
QString errorTitle(ErrorCode code);

/// A translated sentence for a helper error: code + field (+ the helper's English text kept
/// as detail by the caller).
QString localizedMessage(ErrorCode code, const QString &field);

/// Builds an Error from a JSON-RPC wire error: the message is translated here, the helper's
/// own English message and data.detail go to `detail`.
Error errorFromWire(int code, const QString &wireMessage, const QString &field,
                    const QString &hint, const QString &detail);

/// The same from the wire's `error` object (code, message, data.{field,hint,detail,min,max}).
/// A range in data becomes a translated hint; other hints stay as the helper wrote them.
Error errorFromWire(const QJsonObject &error);

} // namespace Qwq
