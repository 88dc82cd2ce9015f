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

/// Masks secrets in free text (logs, config files, command output): private-key blocks (also
/// a block cut off before its END line), `user:password@` in URLs, bearer tokens, well-known
/// token shapes (sk-…, AKIA…, ghp_…, xox…-, JWTs), and the value of any `name=value`,
/// `name: value`, `"name": "value"`, `--name value` or config-line `name value` whose name
/// suggests a secret (env files, connection strings such as `Password=…;`, redis.conf).
QString maskText(const QString &text);

/// `text` with lone surrogates (e.g. JSON "\ud800" escapes from a server) replaced by U+FFFD.
/// Regular expressions do not match in invalid UTF-16 at all, so text is made valid before
/// it is scanned; otherwise one bad character would let every secret around it through.
QString validUtf16(const QString &text);

/// Stricter, for output that is known to carry secrets (the helper's `secret-read` methods):
/// maskText() plus every long token that mixes upper case, lower case and digits.
QString maskLikelySecrets(const QString &text);

} // namespace Qwq::Redact
