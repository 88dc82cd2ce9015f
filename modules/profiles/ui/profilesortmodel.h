// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <profiles/core/profilestore.h>

#include <QCollator>
#include <QSortFilterProxyModel>

namespace Qwq::Profiles {

/// Sorts a server tree (such as the sidebar's) on every level: This computer first, then the
/// groups by name, then the servers in the chosen order (ProfileStore::lessThan). The source
/// model names its rows through two roles given here, so this class needs no other module.
class ProfileSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSortModel)
public:
    ProfileSortModel(const ProfileStore *store, int profileIdRole, int isGroupRole,
                     QObject *parent = nullptr);

    SortOrder order() const { return m_order; }
    void setOrder(SortOrder order);

    /// "name", "lastUsed", "host" (the settings form); unknown names read as Name.
    static QString orderName(SortOrder order);
    static SortOrder orderFromName(const QString &name);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ProfileStore *m_store;
    int m_idRole;
    int m_groupRole;
    SortOrder m_order = SortOrder::Name;
    QCollator m_collator;
};

} // namespace Qwq::Profiles
