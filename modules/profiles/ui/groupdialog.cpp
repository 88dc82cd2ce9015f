// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupdialog.h"

#include "formfields.h"

#include <profiles/core/profilestore.h>
#include <profiles/core/profilestr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Qwq::Profiles {

namespace {
const QString kUser = QStringLiteral("user");
const QString kPort = QStringLiteral("port");
const QString kIdentity = QStringLiteral("identityId");
const QString kJumps = QStringLiteral("jumpHosts");
const QString kKeepAlive = QStringLiteral("keepAliveSeconds");

/// The nearest value `get` yields among `path` and its ancestors (nearest first).
template<typename T, typename Get>
std::optional<T> nearest(const ProfileStore *store, const QString &path, Get get)
{
    QStringList chain = Group::ancestry(path);
    std::reverse(chain.begin(), chain.end());
    for (const QString &p : std::as_const(chain)) {
        if (const auto g = store->group(p)) {
            if (std::optional<T> v = get(*g))
                return v;
        }
    }
    return std::nullopt;
}

QColor swatchColour(const QString &colour)
{
    return colour.isEmpty() ? QColor(Qt::transparent) : QColor(colour);
}
} // namespace

GroupDialog::GroupDialog(ProfileStore *store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("groupDialog"));
    setWindowTitle(Tr::tr("Groups"));

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("groupTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({Tr::tr("Group"), Tr::tr("Servers")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setIndentation(14);
    m_newButton = new QPushButton(Tr::tr("New Group"));
    m_newButton->setObjectName(QStringLiteral("newGroupButton"));
    m_newSubButton = new QPushButton(Tr::tr("New Subgroup"));
    m_newSubButton->setObjectName(QStringLiteral("newSubgroupButton"));
    m_deleteButton = new QPushButton(Tr::tr("Delete…"));
    m_deleteButton->setObjectName(QStringLiteral("deleteGroupButton"));
    connect(m_newButton, &QPushButton::clicked, this, [this] { startNewGroup(); });
    connect(m_newSubButton, &QPushButton::clicked, this, [this] { startNewGroup(m_current); });
    connect(m_deleteButton, &QPushButton::clicked, this, &GroupDialog::deleteCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &GroupDialog::onCurrentItemChanged);

    m_path = new QLineEdit;
    m_path->setPlaceholderText(Tr::tr("e.g. prod/web — “/” nests groups"));
    m_colour = new QLineEdit;
    m_user = new QLineEdit;
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_identity = new QComboBox;
    fillIdentities(m_identity, store, Tr::tr("None (each server's own login)"));
    m_jumps = new QLineEdit;
    m_jumps->setPlaceholderText(Tr::tr("profile names, nearest first, e.g. bastion"));
    addJumpHostCompleter(m_jumps, store);
    m_keepAlive = new QSpinBox;
    m_keepAlive->setRange(0, 3600);
    m_keepAlive->setSuffix(Tr::tr(" s"));
    m_keepAlive->setSpecialValueText(Tr::tr("off"));
    m_fields = {{QStringLiteral("group.path"), m_path}, {QStringLiteral("group.colour"), m_colour},
                {QStringLiteral("group.user"), m_user}, {QStringLiteral("group.port"), m_port},
                {QStringLiteral("group.identityId"), m_identity},
                {QStringLiteral("group.jumpHosts"), m_jumps},
                {QStringLiteral("group.keepAliveSeconds"), m_keepAlive}};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setObjectName(it.key().mid(6));
    m_inheritFields = {{kUser, InheritField::forLineEdit(m_user)},
                       {kPort, InheritField::forSpinBox(m_port)},
                       {kIdentity, InheritField::forComboBox(m_identity)},
                       {kJumps, InheritField::forLineEdit(m_jumps)},
                       {kKeepAlive, InheritField::forSpinBox(m_keepAlive)}};
    connect(m_path, &QLineEdit::textChanged, this, &GroupDialog::refreshInherited);

    m_form = new QFormLayout;
    m_form->addRow(Tr::tr("Path:"), m_path);
    m_form->addRow(Tr::tr("Colour:"), colourRow(m_colour));
    auto *defaultsNote = new QLabel(Tr::tr("Defaults for the servers in this group. A server "
                                           "uses them for the fields it inherits."));
    defaultsNote->setWordWrap(true);
    defaultsNote->setEnabled(false);
    m_form->addRow(defaultsNote);
    m_form->addRow(Tr::tr("User:"), m_inheritFields.value(kUser));
    m_form->addRow(Tr::tr("Port:"), m_inheritFields.value(kPort));
    m_form->addRow(Tr::tr("Identity:"), m_inheritFields.value(kIdentity));
    m_form->addRow(Tr::tr("Jump hosts:"), m_inheritFields.value(kJumps));
    m_form->addRow(Tr::tr("Keep-alive:"), m_inheritFields.value(kKeepAlive));
    m_members = new QLabel;
    m_members->setObjectName(QStringLiteral("groupMembers"));
    m_members->setTextFormat(Qt::PlainText);
    m_members->setEnabled(false);
    m_error = makeErrorLabel(QStringLiteral("groupError"));
    m_saveButton = new QPushButton(Tr::tr("Save Group"));
    m_saveButton->setObjectName(QStringLiteral("saveGroupButton"));
    m_revertButton = new QPushButton(Tr::tr("Revert"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revertButton, &QPushButton::clicked, this, [this] {
        if (m_draft)
            startNewGroup(Group::parentPath(normaliseGroupPath(m_path->text())));
        else
            loadForm(m_current, false);
    });

    m_formBox = new QGroupBox(Tr::tr("Group settings"));
    auto *formLayout = new QVBoxLayout(m_formBox);
    formLayout->addLayout(m_form);
    formLayout->addWidget(m_members);
    formLayout->addWidget(m_error);
    formLayout->addStretch(1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_revertButton);
    saveRow->addWidget(m_saveButton);
    formLayout->addLayout(saveRow);

    auto *left = new QVBoxLayout;
    left->addWidget(m_tree, 1);
    auto *treeButtons = new QHBoxLayout;
    treeButtons->addWidget(m_newButton);
    treeButtons->addWidget(m_newSubButton);
    treeButtons->addWidget(m_deleteButton);
    left->addLayout(treeButtons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addWidget(m_formBox, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);
    resize(880, 480);

    connect(store, &ProfileStore::profilesChanged, this, [this] {
        if (!m_busy)   // save() and deleteCurrent() rebuild once they know what to show
            rebuildTree();
    });
    rebuildTree();
    const QStringList paths = store->groupPaths();
    if (paths.isEmpty())
        startNewGroup();
    else
        loadForm(paths.first(), false);
    rebuildTree();
}

QWidget *GroupDialog::field(const QString &name) const
{
    return m_fields.value(name.startsWith(QLatin1String("group.")) ? name : QStringLiteral("group.") + name);
}

QString GroupDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void GroupDialog::rebuildTree()
{
    m_rebuilding = true;
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> items;
    QTreeWidgetItem *current = nullptr;
    for (const QString &path : m_store->groupPaths()) {
        QTreeWidgetItem *parent = items.value(Group::parentPath(path));
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, path.section(QLatin1Char('/'), -1));
        item->setText(1, QString::number(m_store->serversWithin(path)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, path);
        item->setData(0, Qt::UserRole, path);
        const auto g = m_store->group(path);
        QPixmap swatch(10, 10);
        swatch.fill(swatchColour(g ? g->colour : QString()));
        item->setIcon(0, QIcon(swatch));
        items.insert(path, item);
        if (!m_draft && path == m_current)
            current = item;
    }
    m_tree->expandAll();
    m_tree->setCurrentItem(current);
    m_rebuilding = false;
    if (!m_draft && !current && !m_current.isEmpty()) {
        // The group went away under the form (deleted): show another one.
        const QStringList paths = m_store->groupPaths();
        if (paths.isEmpty())
            startNewGroup();
        else
            selectGroup(paths.first());
    }
    updateButtons();
}

void GroupDialog::onCurrentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous)
{
    if (m_rebuilding || !current)
        return;
    const QString path = current->data(0, Qt::UserRole).toString();
    if (!m_draft && path == m_current)
        return;
    if (!confirmLeave()) {
        m_rebuilding = true;   // put the selection back without reloading
        m_tree->setCurrentItem(previous);
        m_rebuilding = false;
        return;
    }
    loadForm(path, false);
}

void GroupDialog::selectGroup(const QString &path)
{
    if (!m_draft && path == m_current)
        return;
    if (!confirmLeave())
        return;
    loadForm(path, false);
    rebuildTree();
}

void GroupDialog::startNewGroup(const QString &parentPath)
{
    if (!confirmLeave())
        return;
    loadForm(parentPath, true);
    m_rebuilding = true;
    m_tree->setCurrentItem(nullptr);
    m_rebuilding = false;
    m_path->setFocus();
    updateButtons();
}

void GroupDialog::loadForm(const QString &path, bool draft)
{
    m_draft = draft;
    m_current = draft ? QString() : path;
    Group implied;   // a group that exists only through its servers has no settings
    implied.path = path;
    const Group g = draft ? Group() : m_store->group(path).value_or(implied);
    m_path->setText(draft ? (path.isEmpty() ? QString() : path + QLatin1Char('/')) : path);
    m_colour->setText(g.colour);
    for (InheritField *f : std::as_const(m_inheritFields))
        f->setInherited(false);
    m_inheritFields.value(kUser)->setOwnValue(g.user.value_or(QString()));
    m_inheritFields.value(kPort)->setOwnValue(int(g.port.value_or(22)));
    m_inheritFields.value(kIdentity)->setOwnValue(g.identityId.value_or(QString()));
    m_inheritFields.value(kJumps)->setOwnValue(jumpHostNames(m_store, g.jumpHosts.value_or(QStringList())));
    m_inheritFields.value(kKeepAlive)->setOwnValue(g.keepAliveSeconds.value_or(30));
    refreshInherited();
    m_inheritFields.value(kUser)->setInherited(!g.user || g.user->isEmpty());
    m_inheritFields.value(kPort)->setInherited(!g.port);
    m_inheritFields.value(kIdentity)->setInherited(!g.identityId);
    m_inheritFields.value(kJumps)->setInherited(!g.jumpHosts);
    m_inheritFields.value(kKeepAlive)->setInherited(!g.keepAliveSeconds);
    for (InheritField *f : std::as_const(m_inheritFields)) {
        if (f->isInherited())
            f->setOwnValue({});   // clearing the box starts from the parent's value
    }
    if (draft) {
        m_members->setText(Tr::tr("A new group: Save creates it."));
    } else {
        const QStringList paths = m_store->groupPaths();
        const int subgroups = int(std::count_if(paths.cbegin(), paths.cend(), [&](const QString &p) {
            return p != path && Group::isWithin(p, path);
        }));
        m_members->setText(Tr::tr("Servers in this group and its subgroups: %1. Subgroups: %2.")
                               .arg(m_store->serversWithin(path))
                               .arg(subgroups));
    }
    m_formBox->setTitle(draft ? Tr::tr("New group") : Tr::tr("Group “%1”").arg(path));
    clearError();
    m_loaded = formState();
    updateButtons();
}

void GroupDialog::refreshInherited()
{
    // What the parent chain gives; at the top, the built-in defaults a connection uses.
    const QString parent = Group::parentPath(normaliseGroupPath(m_path->text()));
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    const auto user = nearest<QString>(m_store, parent, [](const Group &g) {
        return g.user && !g.user->isEmpty() ? g.user : std::nullopt;
    });
    m_inheritFields.value(kUser)->setInheritedValue(user.value_or(login));
    m_inheritFields.value(kPort)->setInheritedValue(
        int(nearest<quint16>(m_store, parent, [](const Group &g) { return g.port; }).value_or(22)));
    m_inheritFields.value(kIdentity)->setInheritedValue(
        nearest<QString>(m_store, parent, [](const Group &g) { return g.identityId; }).value_or(QString()));
    m_inheritFields.value(kJumps)->setInheritedValue(jumpHostNames(
        m_store, nearest<QStringList>(m_store, parent, [](const Group &g) { return g.jumpHosts; })
                     .value_or(QStringList())));
    m_inheritFields.value(kKeepAlive)->setInheritedValue(
        nearest<int>(m_store, parent, [](const Group &g) { return g.keepAliveSeconds; }).value_or(30));
    const QString tip = parent.isEmpty()
                            ? Tr::tr("Use the default value (a top-level group)")
                            : Tr::tr("Take the value from the group “%1” or its parent groups").arg(parent);
    for (InheritField *f : std::as_const(m_inheritFields))
        f->toggle()->setToolTip(tip);
}

QJsonObject GroupDialog::formState() const
{
    QJsonObject o{{QStringLiteral("path"), m_path->text()}, {QStringLiteral("colour"), m_colour->text()}};
    for (auto it = m_inheritFields.cbegin(); it != m_inheritFields.cend(); ++it)
        o.insert(it.key(), it.value()->isInherited() ? QJsonValue() : QJsonValue::fromVariant(it.value()->ownValue()));
    return o;
}

bool GroupDialog::isModified() const
{
    return formState() != m_loaded;
}

Result<Group> GroupDialog::collect() const
{
    Group g;
    g.path = normaliseGroupPath(m_path->text());
    if (g.path.isEmpty())
        return Error(ErrorCode::InvalidParam, Tr::tr("The group path must not be empty"), {}, {},
                     QStringLiteral("group.path"));
    g.colour = m_colour->text().trimmed();
    if (!m_inheritFields.value(kUser)->isInherited()) {
        const QString user = m_user->text().trimmed();
        if (user.isEmpty())
            return Error(ErrorCode::InvalidParam, Tr::tr("The user name must not be empty"), {}, {},
                         QStringLiteral("group.user"));
        g.user = user;
    }
    if (!m_inheritFields.value(kPort)->isInherited())
        g.port = quint16(m_port->value());
    if (!m_inheritFields.value(kIdentity)->isInherited())
        g.identityId = m_identity->currentData().toString();   // "" = explicitly none
    if (!m_inheritFields.value(kJumps)->isInherited()) {
        const auto hops = jumpHostIds(m_store, m_jumps->text(), QStringLiteral("group.jumpHosts"));
        if (!hops)
            return hops.error();
        g.jumpHosts = *hops;
    }
    if (!m_inheritFields.value(kKeepAlive)->isInherited())
        g.keepAliveSeconds = m_keepAlive->value();
    if (auto v = validate(g); !v)
        return v.error();
    return g;
}

bool GroupDialog::save()
{
    const auto g = collect();
    if (!g) {
        showError(g.error());
        return false;
    }
    if ((m_draft || g->path != m_current) && m_store->groupPaths().contains(g->path)) {
        showError(Error(ErrorCode::InvalidParam, Tr::tr("A group “%1” already exists").arg(g->path),
                        {}, {}, QStringLiteral("group.path")));
        return false;
    }
    m_busy = true;
    const auto saved = m_store->upsertGroup(*g, m_draft ? QString() : m_current);
    m_busy = false;
    if (!saved) {
        showError(saved.error());
        return false;
    }
    loadForm(saved->path, false);
    rebuildTree();
    return true;
}

} // namespace Qwq::Profiles
