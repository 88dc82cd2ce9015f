// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sitetypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace Qwq::Websites {

/// The sites of `websites.list` as a table. setSites() diffs by id so the selection and the
/// scroll position survive a refresh. Text from the server is plain text (Qt::DisplayRole).
class SiteListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteListModel)
public:
    enum Column { NameColumn, TypeColumn, ListenColumn, TargetColumn, TlsColumn, StateColumn, SourceColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, ManagedRole, EnabledRole, DomainRole };

    explicit SiteListModel(QObject *parent = nullptr);

    void setSites(const QList<SiteEntry> &sites);
    const QList<SiteEntry> &sites() const { return m_sites; }
    const SiteEntry *siteById(const QString &id) const;
    int rowOf(const QString &id) const;
    /// The row of the managed site `domain` (its first server block), or -1.
    int rowOfDomain(const QString &domain) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString kindText(SiteEntry::Kind kind);

private:
    QList<SiteEntry> m_sites;
};

/// Filters on every column's text (words, all must match, case-insensitive).
class SiteFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QStringList m_words;
};

} // namespace Qwq::Websites
