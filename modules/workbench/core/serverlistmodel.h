// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace Qwq::Workbench {

class ServerRegistry;

/// The server sidebar: one row per profile (This computer first) with its connection state.
/// Data roles only; the sidebar's delegate paints the state dot.
class ServerListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerListModel)
public:
    enum Role { ProfileIdRole = Qt::UserRole + 1, StateRole, AddressRole, StateTextRole,
                ErrorRole };

    explicit ServerListModel(ServerRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QModelIndex indexOf(const QString &profileId) const;
    void retranslate();

private:
    void reload();

    ServerRegistry *m_registry;
    QStringList m_ids;
};

} // namespace Qwq::Workbench
