// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitelistmodel.h"

#include "websitestr.h"

#include <QColor>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace Qwq::Websites {

SiteListModel::SiteListModel(QObject *parent) : QAbstractTableModel(parent) {}

void SiteListModel::setSites(const QList<SiteEntry> &sites)
{
    // Remove rows that went (from the bottom so indexes stay valid), change the rest in
    // place, append new ones: the view keeps its selection and scroll position.
    QHash<QString, int> wanted;
    for (int i = 0; i < sites.size(); ++i)
        wanted.insert(sites.at(i).id, i);
    for (int r = m_sites.size() - 1; r >= 0; --r) {
        if (!wanted.contains(m_sites.at(r).id)) {
            beginRemoveRows({}, r, r);
            m_sites.removeAt(r);
            endRemoveRows();
        }
    }
    QHash<QString, int> have;
    for (int r = 0; r < m_sites.size(); ++r)
        have.insert(m_sites.at(r).id, r);
    QList<SiteEntry> fresh;
    for (const SiteEntry &s : sites) {
        const auto it = have.constFind(s.id);
        if (it == have.constEnd()) {
            fresh << s;
            continue;
        }
        if (!(m_sites.at(*it) == s)) {
            m_sites[*it] = s;
            emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        }
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, m_sites.size(), m_sites.size() + fresh.size() - 1);
        m_sites += fresh;
        endInsertRows();
    }
}

const SiteEntry *SiteListModel::siteById(const QString &id) const
{
    const int r = rowOf(id);
    return r < 0 ? nullptr : &m_sites.at(r);
}

int SiteListModel::rowOf(const QString &id) const
{
    for (int r = 0; r < m_sites.size(); ++r) {
        if (m_sites.at(r).id == id)
            return r;
    }
    return -1;
}

int SiteListModel::rowOfDomain(const QString &domain) const
{
    for (int r = 0; r < m_sites.size(); ++r) {
        if (m_sites.at(r).managed && m_sites.at(r).site == domain)
            return r;
    }
    return -1;
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sites.size());
}

int SiteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SiteListModel::kindText(SiteEntry::Kind kind)
{
    switch (kind) {
    case SiteEntry::Kind::Static: return Tr::tr("Static");
    case SiteEntry::Kind::Proxy: return Tr::tr("Reverse proxy");
    case SiteEntry::Kind::Redirect: return Tr::tr("Redirect");
    case SiteEntry::Kind::Other: break;
    }
    return Tr::tr("Other");
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sites.size())
        return {};
    const SiteEntry &s = m_sites.at(index.row());
    switch (role) {
    case IdRole: return s.id;
    case ManagedRole: return s.managed;
    case EnabledRole: return s.enabled;
    case DomainRole: return s.site;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return s.names.join(QLatin1Char(' '));
        if (index.column() == SourceColumn)
            return QStringLiteral("%1:%2").arg(s.file).arg(s.line);
        return {};
    case Qt::ForegroundRole:
        if (!s.enabled)
            return QColor(Qt::gray);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn: {
        QString name = s.displayName();
        if (s.names.size() > 1)
            name += QStringLiteral(" (+%1)").arg(s.names.size() - 1);
        return name;
    }
    case TypeColumn: return kindText(s.kind());
    case ListenColumn: return s.listenText();
    case TargetColumn: return s.targetText();
    case TlsColumn: return s.hasTls() ? Tr::tr("HTTPS") : Tr::tr("HTTP");
    case StateColumn: return s.enabled ? Tr::tr("Enabled") : Tr::tr("Disabled");
    case SourceColumn:
        return QString((s.managed ? Tr::tr("qwq") : Tr::tr("hand-written")) + QStringLiteral(" · ")
                       + QFileInfo(s.file).fileName() + QLatin1Char(':') + QString::number(s.line));
    default: return {};
    }
}

QVariant SiteListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return Tr::tr("Site");
    case TypeColumn: return Tr::tr("Type");
    case ListenColumn: return Tr::tr("Listen");
    case TargetColumn: return Tr::tr("Serves");
    case TlsColumn: return Tr::tr("TLS");
    case StateColumn: return Tr::tr("State");
    case SourceColumn: return Tr::tr("Managed by · file");
    default: return {};
    }
}

void SiteFilterModel::setText(const QString &text)
{
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    m_words = text.toLower().split(blanks, Qt::SkipEmptyParts);
    invalidateFilter();
}

bool SiteFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (m_words.isEmpty())
        return true;
    QString all;
    const QAbstractItemModel *m = sourceModel();
    for (int c = 0; c < m->columnCount(parent); ++c)
        all += m->index(row, c, parent).data().toString().toLower() + QLatin1Char(' ');
    all += m->index(row, 0, parent).data(Qt::ToolTipRole).toString().toLower();
    for (const QString &w : m_words) {
        if (!all.contains(w))
            return false;
    }
    return true;
}

} // namespace Qwq::Websites
