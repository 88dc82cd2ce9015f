// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "paths.h"

#include <QSettings>

namespace Qwq::Settings {

namespace {
QSettings store()
{
    return QSettings(Paths::settingsFile(), QSettings::IniFormat);
}
} // namespace

QVariant value(const QString &key, const QVariant &fallback)
{
    return store().value(key, fallback);
}

void setValue(const QString &key, const QVariant &v)
{
    QSettings s(Paths::settingsFile(), QSettings::IniFormat);
    s.setValue(key, v);
}

QString language() { return value(QStringLiteral("ui/language")).toString(); }
void setLanguage(const QString &l) { setValue(QStringLiteral("ui/language"), l); }

QByteArray layout(const QString &profileId)
{
    return value(QStringLiteral("layouts/") + profileId).toByteArray();
}

void setLayout(const QString &profileId, const QByteArray &state)
{
    setValue(QStringLiteral("layouts/") + profileId, state);
}

} // namespace Qwq::Settings
