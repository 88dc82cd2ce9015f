// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

namespace Qwq::Redact {

/// The mask that replaces a secret.
inline constexpr char16_t kMask[] = u"•••";

/// True when a key name suggests a secret (password, token, passphrase, api key, …).
bool isSecretKey(const QString &key);

/// A copy of `value` with every member whose name suggests a secret masked, recursively,
/// and secret-looking strings (private keys, URLs with passwords, bearer tokens) masked.
QJsonValue maskJson(const QJsonValue &value);

/// Masks private-key blocks, `user:password@` in URLs and bearer tokens in free text.
QString maskText(const QString &text);

} // namespace Qwq::Redact
