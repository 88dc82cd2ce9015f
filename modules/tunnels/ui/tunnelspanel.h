// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>
#include <profiles/core/profile.h>

#include <QWidget>

class QAction;
class QTableView;
class QToolBar;

namespace Qwq::Workbench {
class MessageBar;
class ServerContext;
} // namespace Qwq::Workbench

namespace Qwq::Tunnels {

class TunnelsModel;

/// The per-server "Port Forwards" dock: the profile's saved rules with their live state, and
/// Add / Edit / Remove / Start / Stop. Rules are saved into the profile through the store the
/// ServerContext carries; errors show in the inline message bar and the Issues list.
class TunnelsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelsPanel)
public:
    explicit TunnelsPanel(Workbench::ServerContext *server, QWidget *parent = nullptr);

    TunnelsModel *model() const { return m_model; }
    /// Writes the profile with rule `row` replaced by `spec` (row -1 = appended, spec
    /// nullopt = removed). Validation errors name the field ("forwards[i].bindPort").
    Result<void> saveRule(int row, const std::optional<Profiles::ForwardSpec> &spec);

protected:
    void changeEvent(QEvent *e) override;

private:
    int currentRow() const;
    void editRule(int row);
    void updateActions();
    void retranslate();

    Workbench::ServerContext *m_server;
    TunnelsModel *m_model;
    Workbench::MessageBar *m_bar;
    QToolBar *m_toolbar;
    QTableView *m_view;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_start;
    QAction *m_stop;
};

} // namespace Qwq::Tunnels
