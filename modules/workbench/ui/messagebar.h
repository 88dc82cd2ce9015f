// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFrame>

class QLabel;
class QToolButton;

namespace Qwq::Workbench {

/// The inline message bar a panel shows an error in (no modal dialogs for errors). Server
/// text is shown as plain text only.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)
public:
    explicit MessageBar(QWidget *parent = nullptr);
    void showError(const Error &error);
    void showInfo(const QString &text);
    void clear();

protected:
    void changeEvent(QEvent *e) override;

private:
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Qwq::Workbench
