// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Workbench {

StatePage::StatePage(QWidget *parent) : QWidget(parent)
{
    m_label = new QLabel(this);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_button = new QPushButton(this);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_label);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch();
}

} // namespace Qwq::Workbench
