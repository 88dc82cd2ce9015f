// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace Qwq::Settings {

/// Typed access to qwq.ini in Paths::configDir(). Never holds secrets.
QVariant value(const QString &key, const QVariant &fallback = {});
void setValue(const QString &key, const QVariant &value);

/// "en" or "zh_CN"; empty means "follow the system".
QString language();
void setLanguage(const QString &language);

/// Per-server dock layouts (QMainWindow::saveState), keyed by profile id.
QByteArray layout(const QString &profileId);
void setLayout(const QString &profileId, const QByteArray &state);

} // namespace Qwq::Settings
