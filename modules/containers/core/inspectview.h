// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qwq::Containers {

/// One `KEY=value` of a container's environment, the value masked when the key or the value
/// looks like a secret (core redaction: Redact::isSecretKey / maskLikelySecrets).
struct EnvEntry
{
    QString key;
    QString value;   // masked when `masked`
    bool masked = false;
};

/// What the panel and the AI pane may see of `containers.inspect` (a secret-read method):
/// every secret-looking member masked, and every environment value whose key or value looks
/// secret replaced by the mask.
QJsonObject redactedInspect(const QJsonObject &inspect);
QList<EnvEntry> environmentOf(const QJsonObject &inspect);
/// A compact, redacted summary for the AI pane (state, image, command, restart policy,
/// health, ports, mounts, environment), English and untranslated.
QString inspectSummaryForAi(const QJsonObject &inspect);

} // namespace Qwq::Containers
