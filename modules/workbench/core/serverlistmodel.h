// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace Qwq::Workbench {

class ServerRegistry;

/// The server sidebar as a tree: This computer first, then nested groups ("prod/web") and
/// their profiles, each with its connection state. Data roles only; the sidebar's delegate
/// paints the state dot and colour. Rebuilt when the profiles change; state changes update
/// rows in place.
class ServerListModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerListModel)
public:
    enum Role { ProfileIdRole = Qt::UserRole + 1, StateRole, AddressRole, StateTextRole,
                ErrorRole, IsGroupRole, GroupPathRole, ColourRole, TagsRole, SearchTextRole,
                LatencyRole };

    explicit ServerListModel(ServerRegistry *registry, QObject *parent = nullptr);
    ~ServerListModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QModelIndex indexOf(const QString &profileId) const;
    void retranslate();

private:
    struct Node;
    void reload();
    QModelIndex indexOfNode(const Node *node) const;
    const Node *nodeOf(const QModelIndex &index) const;
    const Node *find(const Node *from, const QString &profileId) const;

    ServerRegistry *m_registry;
    std::unique_ptr<Node> m_root;
};

/// Filters the sidebar: every word of the query must appear in a server's name, address,
/// user, tags, group or notes; groups stay visible while they hold a match.
class ServerFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ServerFilterModel(QObject *parent = nullptr);
    void setQuery(const QString &query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
};

} // namespace Qwq::Workbench
