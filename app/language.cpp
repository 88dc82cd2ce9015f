// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Qwq::App {

namespace {
QTranslator *g_qwq = nullptr;
QTranslator *g_qt = nullptr;
}

QString applyLanguage(const QString &language)
{
    QString lang = language;
    if (lang.isEmpty())
        lang = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                       : QStringLiteral("en");
    for (QTranslator **t : {&g_qwq, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    QLocale::setDefault(QLocale(lang));
    if (lang == QLatin1String("en"))
        return lang;   // source strings are English; removing translators retranslates
    g_qwq = new QTranslator;
    if (g_qwq->load(QStringLiteral(":/i18n/qwq_") + lang))
        QCoreApplication::installTranslator(g_qwq);
    g_qt = new QTranslator;
    if (g_qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qt);
    return lang;
}

} // namespace Qwq::App
