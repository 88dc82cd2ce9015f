// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <workbench/core/workbenchtr.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Qwq::Workbench {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(Tr::tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(8, 4, 4, 4);
    l->addWidget(m_text, 1);
    l->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showError(const Error &error)
{
    setStyleSheet(QStringLiteral("#messageBar{background:#fde7e9;border:1px solid #e8a0a6;border-radius:4px;}"
                                 "QLabel{color:#5c1a1f;}"));
    QString text = error.message;
    if (!error.hint.isEmpty())
        text += QStringLiteral("\n") + error.hint;
    if (!error.detail.isEmpty())
        text += QStringLiteral("\n") + error.detail.left(500);
    m_text->setText(text);
    show();
}

void MessageBar::showInfo(const QString &text)
{
    setStyleSheet(QStringLiteral("#messageBar{background:#e8f1fb;border:1px solid #a7c4e5;border-radius:4px;}"
                                 "QLabel{color:#1c3550;}"));
    m_text->setText(text);
    show();
}

void MessageBar::clear()
{
    m_text->clear();
    hide();
}

void MessageBar::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        m_close->setToolTip(Tr::tr("Dismiss"));
    QFrame::changeEvent(e);
}

} // namespace Qwq::Workbench
