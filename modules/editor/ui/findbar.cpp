// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include <editor/core/editortr.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace Qwq::Editor {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("editorFindBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("editorFindInput"));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);
    m_case = new QToolButton(this);
    m_case->setCheckable(true);
    m_case->setText(QStringLiteral("Aa"));
    m_word = new QToolButton(this);
    m_word->setCheckable(true);
    m_word->setText(QStringLiteral("\u2039ab\u203a"));
    m_prev = new QToolButton(this);
    m_prev->setArrowType(Qt::UpArrow);
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::DownArrow);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_close = new QToolButton(this);
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    layout->addWidget(m_input, 1);
    layout->addWidget(m_case);
    layout->addWidget(m_word);
    layout->addWidget(m_prev);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);
    connect(m_input, &QLineEdit::returnPressed, this, [this] { emit findRequested(true); });
    connect(m_input, &QLineEdit::textEdited, this, [this] { emit findRequested(true); });
    connect(m_prev, &QToolButton::clicked, this, [this] { emit findRequested(false); });
    connect(m_next, &QToolButton::clicked, this, [this] { emit findRequested(true); });
    connect(m_close, &QToolButton::clicked, this, &FindBar::closeRequested);
    retranslate();
}

QString FindBar::text() const { return m_input->text(); }
void FindBar::setText(const QString &text) { m_input->setText(text); }
bool FindBar::caseSensitive() const { return m_case->isChecked(); }
bool FindBar::wholeWord() const { return m_word->isChecked(); }

void FindBar::setNotFound(bool notFound)
{
    m_status->setText(notFound ? Tr::tr("No match") : QString());
}

void FindBar::focusInput()
{
    m_input->setFocus();
    m_input->selectAll();
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            emit closeRequested();
            return true;
        }
        if (key->key() == Qt::Key_Return && (key->modifiers() & Qt::ShiftModifier)) {
            emit findRequested(false);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::retranslate()
{
    m_input->setPlaceholderText(Tr::tr("Find"));
    m_case->setToolTip(Tr::tr("Match case"));
    m_word->setToolTip(Tr::tr("Whole words"));
    m_prev->setToolTip(Tr::tr("Previous match (Shift+F3)"));
    m_next->setToolTip(Tr::tr("Next match (F3)"));
    m_close->setToolTip(Tr::tr("Close (Esc)"));
}

} // namespace Qwq::Editor
