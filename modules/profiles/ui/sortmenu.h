// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;

namespace Qwq::Profiles {

class ProfileSortModel;

/// "Sort Servers ▸ By Name / By Last Used / By Host" for a ProfileSortModel. The choice is
/// kept in the settings (key "sidebar/sort") and restored when the menu is made. Action
/// object names: sortByName, sortByLastUsed, sortByHost.
class SortMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SortMenu)
public:
    explicit SortMenu(ProfileSortModel *model, QWidget *parent = nullptr);

signals:
    void orderChanged();

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();

    ProfileSortModel *m_model;
    QActionGroup *m_group;
};

} // namespace Qwq::Profiles
