// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlistmodel.h"

#include "servercontext.h"
#include "serverregistry.h"
#include "workbenchtr.h"

#include <profiles/core/profilestore.h>

#include <QMap>

namespace Qwq::Workbench {

using Helper::ServerConnection;

struct ServerListModel::Node
{
    Node *parent = nullptr;
    QString groupPath;   // set for group nodes
    QString profileId;   // set for profile nodes
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

ServerListModel::ServerListModel(ServerRegistry *registry, QObject *parent)
    : QAbstractItemModel(parent), m_registry(registry), m_root(std::make_unique<Node>())
{
    connect(registry->store(), &Profiles::ProfileStore::profilesChanged, this, &ServerListModel::reload);
    connect(registry, &ServerRegistry::serverStateChanged, this, [this](const QString &id) {
        const QModelIndex idx = indexOf(id);
        if (idx.isValid())
            emit dataChanged(idx, idx);
    });
    reload();
}

ServerListModel::~ServerListModel() = default;

void ServerListModel::reload()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    QMap<QString, Node *> groups;   // path → node; QMap keeps paths sorted
    std::function<Node *(const QString &)> groupNode = [&](const QString &path) -> Node * {
        if (path.isEmpty())
            return m_root.get();
        if (Node *n = groups.value(path))
            return n;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        Node *parent = groupNode(slash < 0 ? QString() : path.left(slash));
        auto node = std::make_unique<Node>();
        node->parent = parent;
        node->groupPath = path;
        Node *raw = node.get();
        parent->children.push_back(std::move(node));
        groups.insert(path, raw);
        return raw;
    };
    QList<Profiles::Profile> profiles = m_registry->store()->profiles();
    // This computer first, then groups (created in path order), then profiles by name.
    QStringList paths = m_registry->store()->groupPaths();
    paths.sort(Qt::CaseInsensitive);
    for (const Profiles::Profile &p : std::as_const(profiles)) {
        if (p.isLocal()) {
            auto node = std::make_unique<Node>();
            node->parent = m_root.get();
            node->profileId = p.id;
            m_root->children.push_back(std::move(node));
        }
    }
    for (const QString &path : std::as_const(paths))
        groupNode(path);
    std::sort(profiles.begin(), profiles.end(), [](const Profiles::Profile &a, const Profiles::Profile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Profiles::Profile &p : std::as_const(profiles)) {
        if (p.isLocal())
            continue;
        Node *parent = groupNode(p.group);
        auto node = std::make_unique<Node>();
        node->parent = parent;
        node->profileId = p.id;
        parent->children.push_back(std::move(node));
    }
    endResetModel();
}

void ServerListModel::retranslate()
{
    if (m_root->children.empty())
        return;
    // Every row's texts change; a reset is the simplest correct signal for a tree.
    beginResetModel();
    endResetModel();
}

QModelIndex ServerListModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = parent.isValid() ? nodeOf(parent) : m_root.get();
    if (!p || column != 0 || row < 0 || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex ServerListModel::parent(const QModelIndex &child) const
{
    const Node *n = nodeOf(child);
    if (!n || !n->parent || n->parent == m_root.get())
        return {};
    return indexOfNode(n->parent);
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? nodeOf(parent) : m_root.get();
    return p ? int(p->children.size()) : 0;
}

int ServerListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

const ServerListModel::Node *ServerListModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : nullptr;
}

QModelIndex ServerListModel::indexOfNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

const ServerListModel::Node *ServerListModel::find(const Node *from, const QString &id) const
{
    for (const auto &c : from->children) {
        if (c->profileId == id)
            return c.get();
        if (const Node *n = find(c.get(), id))
            return n;
    }
    return nullptr;
}

QModelIndex ServerListModel::indexOf(const QString &profileId) const
{
    return indexOfNode(find(m_root.get(), profileId));
}

QVariant ServerListModel::data(const QModelIndex &idx, int role) const
{
    const Node *node = nodeOf(idx);
    if (!node)
        return {};
    if (!node->groupPath.isEmpty()) {
        const QString name = node->groupPath.section(QLatin1Char('/'), -1);
        switch (role) {
        case Qt::DisplayRole: return name;
        case IsGroupRole: return true;
        case GroupPathRole:
        case Qt::ToolTipRole: return node->groupPath;
        case SearchTextRole: return node->groupPath;
        case ColourRole: {
            const auto g = m_registry->store()->group(node->groupPath);
            return g ? g->colour : QString();
        }
        }
        return {};
    }
    const QString id = node->profileId;
    const auto profile = m_registry->store()->find(id);
    if (!profile)
        return {};
    ServerContext *ctx = m_registry->context(id);
    const ServerConnection::State state = ctx ? ctx->connection()->state()
                                              : ServerConnection::State::Disconnected;
    switch (role) {
    case Qt::DisplayRole:
        return profile->isLocal() ? Profiles::Profile::local().name : profile->name;
    case Qt::ToolTipRole:
    case AddressRole: {
        if (profile->isLocal())
            return Tr::tr("local helper");
        // User and port may come from the group: show what a connection would use.
        Profiles::Profile shown = *profile;
        if (!profile->inherits.isEmpty())
            if (const auto eff = m_registry->store()->effectiveFor(*profile))
                shown = *eff;
        return shown.port == 22
                   ? QStringLiteral("%1@%2").arg(shown.user, shown.host)
                   : QStringLiteral("%1@%2:%3").arg(shown.user, shown.host).arg(shown.port);
    }
    case ProfileIdRole: return id;
    case IsGroupRole: return false;
    case GroupPathRole: return profile->group;
    case StateRole: return int(state);
    case StateTextRole: return ServerConnection::stateName(state);
    case ErrorRole: return ctx ? ctx->connection()->lastError().message : QString();
    case ColourRole: return profile->colour;
    case TagsRole: return profile->tags;
    case LatencyRole: return ctx ? ctx->connection()->latencyMs() : -1;
    case SearchTextRole:
        return QStringList{profile->isLocal() ? Profiles::Profile::local().name : profile->name,
                           profile->host, profile->user, profile->group, profile->notes,
                           profile->tags.join(QLatin1Char(' '))}
            .join(QLatin1Char(' '));
    }
    return {};
}

ServerFilterModel::ServerFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);   // a matching group shows all its servers
}

void ServerFilterModel::setQuery(const QString &query)
{
    m_words = query.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool ServerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString text = sourceModel()->index(sourceRow, 0, sourceParent)
                             .data(ServerListModel::SearchTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&](const QString &w) {
        return text.contains(w, Qt::CaseInsensitive);
    });
}

bool ServerFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Keep the model's own order (This computer, groups, servers by name).
    return left.row() < right.row();
}

} // namespace Qwq::Workbench
