// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languages.h"

#include <QFileInfo>

namespace Qwq::Editor::Languages {

QStringList names()
{
    return {QStringLiteral("plain"), QStringLiteral("yaml"),     QStringLiteral("json"),
            QStringLiteral("bash"),  QStringLiteral("nginx"),    QStringLiteral("sql"),
            QStringLiteral("diff"),  QStringLiteral("ini"),      QStringLiteral("markdown"),
            QStringLiteral("xml"),   QStringLiteral("dockerfile")};
}

QString normalize(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (names().contains(n))
        return n;
    static const QList<std::pair<QString, QString>> aliases = {
        {QStringLiteral("yml"), QStringLiteral("yaml")},
        {QStringLiteral("compose"), QStringLiteral("yaml")},
        {QStringLiteral("sh"), QStringLiteral("bash")},
        {QStringLiteral("shell"), QStringLiteral("bash")},
        {QStringLiteral("conf"), QStringLiteral("nginx")},
        {QStringLiteral("patch"), QStringLiteral("diff")},
        {QStringLiteral("md"), QStringLiteral("markdown")},
        {QStringLiteral("env"), QStringLiteral("ini")},
        {QStringLiteral("properties"), QStringLiteral("ini")},
        {QStringLiteral("text"), QStringLiteral("plain")},
        {QStringLiteral("txt"), QStringLiteral("plain")},
    };
    for (const auto &[alias, lang] : aliases)
        if (alias == n)
            return lang;
    return QStringLiteral("plain");
}

QString forFileName(const QString &fileName)
{
    const QFileInfo fi(fileName);
    const QString base = fi.fileName().toLower();
    const QString suffix = fi.suffix().toLower();
    const QString path = QFileInfo(fileName).path().toLower();
    if (base == QLatin1String("dockerfile") || base.startsWith(QLatin1String("dockerfile."))
        || suffix == QLatin1String("dockerfile"))
        return QStringLiteral("dockerfile");
    if (base == QLatin1String("nginx.conf") || path.contains(QLatin1String("/nginx"))
        || suffix == QLatin1String("nginx"))
        return QStringLiteral("nginx");
    if (base == QLatin1String(".env") || base.endsWith(QLatin1String(".env")))
        return QStringLiteral("ini");
    static const QList<std::pair<QString, QString>> bySuffix = {
        {QStringLiteral("yml"), QStringLiteral("yaml")},
        {QStringLiteral("yaml"), QStringLiteral("yaml")},
        {QStringLiteral("json"), QStringLiteral("json")},
        {QStringLiteral("sh"), QStringLiteral("bash")},
        {QStringLiteral("bash"), QStringLiteral("bash")},
        {QStringLiteral("sql"), QStringLiteral("sql")},
        {QStringLiteral("diff"), QStringLiteral("diff")},
        {QStringLiteral("patch"), QStringLiteral("diff")},
        {QStringLiteral("ini"), QStringLiteral("ini")},
        {QStringLiteral("cfg"), QStringLiteral("ini")},
        {QStringLiteral("toml"), QStringLiteral("ini")},
        {QStringLiteral("md"), QStringLiteral("markdown")},
        {QStringLiteral("xml"), QStringLiteral("xml")},
    };
    for (const auto &[s, lang] : bySuffix)
        if (s == suffix)
            return lang;
    return QStringLiteral("plain");
}

} // namespace Qwq::Editor::Languages
