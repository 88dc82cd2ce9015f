// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Qwq::Workbench {

/// The Issues list: every error a panel or connection reported, newest first, with its hint.
/// Repeats of the same error from the same place are folded into one row with a count.
class IssuesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesModel)
public:
    enum Column { TimeColumn, ServerColumn, MessageColumn, HintColumn, ColumnCount };
    enum Role { ServerIdRole = Qt::UserRole + 1, SourceRole, CodeRole, DetailRole };

    struct Issue
    {
        QDateTime when;
        QString serverId;
        QString serverName;
        QString source;
        Error error;
        int count = 1;
    };

    explicit IssuesModel(QObject *parent = nullptr);

    void add(const QString &serverId, const QString &serverName, const QString &source,
             const Error &error);
    void clear();
    const Issue &issue(int row) const { return m_issues.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QList<Issue> m_issues;
};

} // namespace Qwq::Workbench
