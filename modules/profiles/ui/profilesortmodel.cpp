// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesortmodel.h"

namespace Qwq::Profiles {

ProfileSortModel::ProfileSortModel(const ProfileStore *store, int profileIdRole, int isGroupRole,
                                   QObject *parent)
    : QSortFilterProxyModel(parent), m_store(store), m_idRole(profileIdRole), m_groupRole(isGroupRole)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setDynamicSortFilter(true);   // re-sorted when the source is rebuilt (touch, edits)
    sort(0);
}

void ProfileSortModel::setOrder(SortOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    invalidate();
}

QString ProfileSortModel::orderName(SortOrder order)
{
    switch (order) {
    case SortOrder::LastUsed: return QStringLiteral("lastUsed");
    case SortOrder::Host: return QStringLiteral("host");
    case SortOrder::Group: return QStringLiteral("group");
    case SortOrder::Name: break;
    }
    return QStringLiteral("name");
}

SortOrder ProfileSortModel::orderFromName(const QString &name)
{
    for (SortOrder o : {SortOrder::LastUsed, SortOrder::Host, SortOrder::Group}) {
        if (orderName(o) == name)
            return o;
    }
    return SortOrder::Name;
}

bool ProfileSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftGroup = left.data(m_groupRole).toBool();
    const bool rightGroup = right.data(m_groupRole).toBool();
    const auto a = leftGroup ? std::nullopt : m_store->find(left.data(m_idRole).toString());
    const auto b = rightGroup ? std::nullopt : m_store->find(right.data(m_idRole).toString());
    const bool leftLocal = a && a->isLocal();
    const bool rightLocal = b && b->isLocal();
    if (leftLocal != rightLocal)
        return leftLocal;
    if (leftGroup != rightGroup)
        return leftGroup;   // groups before the servers next to them
    if (leftGroup || !a || !b)
        return m_collator.compare(left.data().toString(), right.data().toString()) < 0;
    return ProfileStore::lessThan(*a, *b, m_order, m_collator);
}

} // namespace Qwq::Profiles
