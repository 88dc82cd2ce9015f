// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "issuesmodel.h"

#include "workbenchtr.h"

namespace Qwq::Workbench {

namespace {
constexpr int kMaxIssues = 500;
}

IssuesModel::IssuesModel(QObject *parent) : QAbstractTableModel(parent) {}

void IssuesModel::add(const QString &serverId, const QString &serverName, const QString &source,
                      const Error &error)
{
    if (error.code == ErrorCode::Cancelled)
        return;
    if (!m_issues.isEmpty()) {
        Issue &top = m_issues.first();
        if (top.serverId == serverId && top.source == source && top.error.code == error.code
            && top.error.message == error.message) {
            ++top.count;
            top.when = QDateTime::currentDateTime();
            emit dataChanged(index(0, 0), index(0, ColumnCount - 1));
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_issues.prepend(Issue{QDateTime::currentDateTime(), serverId, serverName, source, error, 1});
    endInsertRows();
    if (m_issues.size() > kMaxIssues) {
        beginRemoveRows({}, kMaxIssues, int(m_issues.size()) - 1);
        m_issues.resize(kMaxIssues);
        endRemoveRows();
    }
}

void IssuesModel::clear()
{
    beginResetModel();
    m_issues.clear();
    endResetModel();
}

int IssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssuesModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.row() >= m_issues.size())
        return {};
    const Issue &i = m_issues.at(idx.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (idx.column()) {
        case TimeColumn: return i.when.toString(QStringLiteral("HH:mm:ss"));
        case ServerColumn: return i.serverName;
        case MessageColumn:
            return i.count > 1 ? Tr::tr("%1 (×%2)").arg(i.error.message).arg(i.count)
                               : i.error.message;
        case HintColumn: return i.error.hint;
        }
        return {};
    case Qt::ToolTipRole:
        return i.error.detail.isEmpty()
                   ? i.error.message
                   : i.error.message + QLatin1Char('\n') + i.error.detail;
    case ServerIdRole: return i.serverId;
    case SourceRole: return i.source;
    case CodeRole: return i.error.number();
    case DetailRole: return i.error.detail;
    }
    return {};
}

QVariant IssuesModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return Tr::tr("Time");
    case ServerColumn: return Tr::tr("Server");
    case MessageColumn: return Tr::tr("Problem");
    case HintColumn: return Tr::tr("Hint");
    }
    return {};
}

} // namespace Qwq::Workbench
