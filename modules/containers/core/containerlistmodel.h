// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "containertypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

namespace Qwq::Containers {

/// The containers of a server, one row each, updated with minimal diffs: a refresh removes
/// the rows that went, changes the cells that changed and appends the new ones, so selection
/// and scroll position survive. Live CPU and memory come from setStats() (only those two
/// cells change). Data roles only; colours and icons are the view's business.
class ContainerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerListModel)
public:
    enum Column { NameColumn, StateColumn, ImageColumn, PortsColumn, CpuColumn, MemoryColumn,
                  CreatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,      // Docker's state word, untranslated
        SortRole,       // numbers for CPU, memory and created; text otherwise
        ProjectRole,    // compose project or empty
        FilterTextRole, // what the filter box searches: name, image, project, service, ports, id
    };

    explicit ContainerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `containers` (keyed by id) without a reset.
    void setContainers(const QList<Container> &containers);
    void setStats(const QString &id, const ContainerStats &stats);
    void clearStats(const QString &id);
    void clear();

    const Container *container(const QString &id) const;
    const Container &containerAt(int row) const { return m_rows.at(row).container; }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    ContainerStats statsOf(const QString &id) const;
    /// How many inserts, removals and changed rows the last setContainers() made (tests).
    struct Diff { int inserted = 0; int removed = 0; int changed = 0; };
    Diff lastDiff() const { return m_lastDiff; }

    /// The translated name of a Docker state ("running" → "Running").
    static QString stateText(const QString &state);

private:
    struct Row
    {
        Container container;
        ContainerStats stats;
    };
    void reindex();

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    Diff m_lastDiff;
};

/// The filter box and state filter over ContainerListModel.
class ContainerFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerFilterModel)
public:
    enum class StateFilter { All, Running, Stopped, Paused, Other };
    explicit ContainerFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setStateFilter(StateFilter f);
    StateFilter stateFilter() const { return m_state; }
    static bool stateMatches(StateFilter f, const QString &state);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_text;
    StateFilter m_state = StateFilter::All;
};

} // namespace Qwq::Containers
