// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace QwqTest {

/// zh_CN as app/language.cpp loads it (qwq's own and Qt's), for screenshots in Chinese; the
/// translators and the default locale go back to English when the returned object is destroyed.
class Chinese
{
public:
    Chinese()
    {
        m_loaded = m_qwq.load(QStringLiteral(":/i18n/qwq_zh_CN"));
        QCoreApplication::installTranslator(&m_qwq);
        if (m_qt.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
    }
    ~Chinese()
    {
        QCoreApplication::removeTranslator(&m_qwq);
        QCoreApplication::removeTranslator(&m_qt);
        QLocale::setDefault(QLocale(QLocale::English));
    }
    Chinese(const Chinese &) = delete;
    Chinese &operator=(const Chinese &) = delete;
    bool loaded() const { return m_loaded; }

private:
    QTranslator m_qwq;
    QTranslator m_qt;
    bool m_loaded = false;
};

} // namespace QwqTest
