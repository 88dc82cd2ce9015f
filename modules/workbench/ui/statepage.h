// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Qwq::Workbench {

/// A panel's calm full-page state — "not connected", "Docker was not found" — a centred
/// message (plain text: it may name the server) and one button under it.
class StatePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatePage)
public:
    explicit StatePage(QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }
    QPushButton *button() const { return m_button; }

private:
    QLabel *m_label;
    QPushButton *m_button;
};

} // namespace Qwq::Workbench
