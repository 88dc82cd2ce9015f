// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composepage.h"

#include "composedeploydialog.h"
#include "composeversionsdialog.h"

#include <containers/core/containerlistmodel.h>
#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Containers {

namespace {
enum { KindRole = Qt::UserRole + 1, ProjectRole, ServiceRole, ManagedRole };
enum Kind { ProjectKind = 1, ServiceKind, ContainerKind };

QString projectStateText(const QString &state)
{
    if (state == QLatin1String("running")) return Tr::tr("Running", "compose project state");
    if (state == QLatin1String("exited")) return Tr::tr("Stopped", "compose project state");
    if (state == QLatin1String("partial")) return Tr::tr("Partly running", "compose project state");
    if (state == QLatin1String("down")) return Tr::tr("Down", "compose project state");
    return state;
}
} // namespace

ComposePage::ComposePage(ContainersService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("composePage"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("composeTree"));
    m_tree->setColumnCount(4);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 260);
    m_tree->header()->resizeSection(1, 130);
    m_tree->header()->resizeSection(2, 220);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("composeOutput"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(5000);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);

    auto button = [this](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    m_up = button("composeUp");
    m_stop = button("composeStop");
    m_start = button("composeStart");
    m_restart = button("composeRestart");
    m_pull = button("composePull");
    m_down = button("composeDown");
    m_deploy = button("composeDeploy");
    m_edit = button("composeEdit");
    m_versions = button("composeVersionsButton");
    m_refresh = button("composeRefresh");
    connect(m_up, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("up")); });
    connect(m_stop, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("stop")); });
    connect(m_start, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("start")); });
    connect(m_restart, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("restart")); });
    connect(m_pull, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("pull")); });
    connect(m_down, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("down")); });
    connect(m_deploy, &QPushButton::clicked, this, [this] { openDeploy(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openDeploy(true); });
    connect(m_versions, &QPushButton::clicked, this, &ComposePage::openVersions);
    connect(m_refresh, &QPushButton::clicked, this, &ComposePage::refresh);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ComposePage::updateButtons);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : {m_up, m_stop, m_start, m_restart, m_pull, m_down})
        bar->addWidget(b);
    bar->addStretch();
    bar->addWidget(m_deploy);
    bar->addWidget(m_edit);
    bar->addWidget(m_versions);
    bar->addWidget(m_refresh);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_output);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    retranslate();
    updateButtons();
}

void ComposePage::retranslate()
{
    m_tree->setHeaderLabels({Tr::tr("Project / service / container"), Tr::tr("State"), Tr::tr("Image or status"),
                             Tr::tr("Files")});
    m_up->setText(Tr::tr("Up"));
    m_up->setToolTip(Tr::tr("Create and start the project's containers (compose up -d)"));
    m_stop->setText(Tr::tr("Stop"));
    m_start->setText(Tr::tr("Start"));
    m_restart->setText(Tr::tr("Restart"));
    m_pull->setText(Tr::tr("Pull"));
    m_pull->setToolTip(Tr::tr("Pull the project's images"));
    m_down->setText(Tr::tr("Down…"));
    m_down->setToolTip(Tr::tr("Remove the project's containers and networks"));
    m_deploy->setText(Tr::tr("New Project…"));
    m_edit->setText(Tr::tr("Edit and Redeploy…"));
    m_versions->setText(Tr::tr("Versions…"));
    m_versions->setToolTip(Tr::tr("Earlier versions of this project's files: compare and roll back"));
    m_refresh->setText(Tr::tr("Refresh"));
    m_output->setPlaceholderText(Tr::tr("Output of compose commands appears here."));
    if (!m_projects.isEmpty())
        show(m_projects);
}

void ComposePage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ComposePage::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    m_service->composeProjects().then(this, [this](const Result<QJsonArray> &r) {
        m_loading = false;
        ++m_refreshes;
        if (!r)
            return emit errorOccurred(r.error());
        if (*r != m_projects)
            show(*r);
    });
}

void ComposePage::show(const QJsonArray &projects)
{
    // Rebuilt only when the answer changed; what was expanded and selected stays so.
    QSet<QString> expanded;
    QString selected;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *p = m_tree->topLevelItem(i);
        if (p->isExpanded())
            expanded.insert(p->data(0, ProjectRole).toString());
        for (int j = 0; j < p->childCount(); ++j) {
            if (p->child(j)->isExpanded())
                expanded.insert(p->data(0, ProjectRole).toString() + QLatin1Char('/') + p->child(j)->text(0));
        }
    }
    if (!m_tree->selectedItems().isEmpty()) {
        const QTreeWidgetItem *s = m_tree->selectedItems().constFirst();
        selected = s->data(0, ProjectRole).toString() + QLatin1Char('/') + s->data(0, ServiceRole).toString()
                   + QLatin1Char('/') + s->text(0);
    }
    const bool first = m_projects.isEmpty();
    m_projects = projects;
    m_tree->clear();
    for (const QJsonValue &pv : projects) {
        const QJsonObject p = pv.toObject();
        const QString name = p.value(QLatin1String("name")).toString();
        const QJsonObject counts = p.value(QLatin1String("counts")).toObject();
        QStringList countText;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            countText << QStringLiteral("%1 %2").arg(it.value().toInt()).arg(ContainerListModel::stateText(it.key()));
        const bool managed = p.value(QLatin1String("managed")).toBool();
        QStringList files;
        for (const QJsonValue &f : p.value(QLatin1String("configFiles")).toArray())
            files << f.toString();
        auto *pi = new QTreeWidgetItem(m_tree, {name, projectStateText(p.value(QLatin1String("state")).toString()),
                                                countText.join(QStringLiteral(", ")),
                                                managed ? Tr::tr("qwq, version %1").arg(p.value(QLatin1String("version")).toInt())
                                                        : files.join(QStringLiteral(", "))});
        pi->setData(0, KindRole, ProjectKind);
        pi->setData(0, ProjectRole, name);
        pi->setData(0, ManagedRole, managed);
        pi->setToolTip(0, plainToolTip(p.value(QLatin1String("workingDir")).toString()));
        pi->setToolTip(3, managed ? Tr::tr("Deployed by qwq; earlier versions are kept")
                                  : Tr::tr("Started outside qwq; run from its own files"));
        if (files.isEmpty() && !managed)
            pi->setText(3, Tr::tr("started outside qwq; no compose file known"));
        else if (!p.value(QLatin1String("filesExist")).toBool(true))
            pi->setText(3, Tr::tr("files missing: %1").arg(files.join(QStringLiteral(", "))));
        QFont bold = pi->font(0);
        bold.setBold(true);
        pi->setFont(0, bold);
        for (const QJsonValue &sv : p.value(QLatin1String("services")).toArray()) {
            const QJsonObject s = sv.toObject();
            const QString service = s.value(QLatin1String("name")).toString();
            auto *si = new QTreeWidgetItem(pi, {service, projectStateText(s.value(QLatin1String("state")).toString()),
                                                s.value(QLatin1String("image")).toString()});
            si->setData(0, KindRole, ServiceKind);
            si->setData(0, ProjectRole, name);
            si->setData(0, ServiceRole, service);
            for (const QJsonValue &cv : s.value(QLatin1String("containers")).toArray()) {
                const QJsonObject c = cv.toObject();
                QString status = c.value(QLatin1String("status")).toString();
                const QString health = c.value(QLatin1String("health")).toString();
                if (!health.isEmpty())
                    status = Tr::tr("%1 (%2)").arg(status, health);
                auto *ci = new QTreeWidgetItem(si, {c.value(QLatin1String("name")).toString(),
                                                    ContainerListModel::stateText(c.value(QLatin1String("state")).toString()),
                                                    status});
                ci->setData(0, KindRole, ContainerKind);
                ci->setData(0, ProjectRole, name);
                ci->setData(0, ServiceRole, service);
            }
            si->setExpanded(expanded.contains(name + QLatin1Char('/') + service));
        }
        pi->setExpanded(first || expanded.contains(name));
    }
    if (!selected.isEmpty()) {
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            const QString key = (*it)->data(0, ProjectRole).toString() + QLatin1Char('/')
                                + (*it)->data(0, ServiceRole).toString() + QLatin1Char('/') + (*it)->text(0);
            if (key == selected) {
                (*it)->setSelected(true);
                m_tree->setCurrentItem(*it);
                break;
            }
        }
    }
    updateButtons();
}

QStringList ComposePage::projectNames() const
{
    QStringList names;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        names << m_tree->topLevelItem(i)->data(0, ProjectRole).toString();
    return names;
}

bool ComposePage::selectProject(const QString &name)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *p = m_tree->topLevelItem(i);
        if (p->data(0, ProjectRole).toString() == name) {
            m_tree->setCurrentItem(p);
            return true;
        }
    }
    return false;
}

QTreeWidgetItem *ComposePage::selectedProjectItem() const
{
    const auto items = m_tree->selectedItems();
    if (items.isEmpty())
        return nullptr;
    QTreeWidgetItem *i = items.constFirst();
    while (i->parent())
        i = i->parent();
    return i;
}

void ComposePage::updateButtons()
{
    QTreeWidgetItem *p = selectedProjectItem();
    const bool has = p != nullptr;
    for (QPushButton *b : {m_up, m_stop, m_start, m_restart, m_pull, m_down})
        b->setEnabled(has);
    m_edit->setEnabled(has && p->data(0, ManagedRole).toBool());
    m_versions->setEnabled(has && p->data(0, ManagedRole).toBool());
    m_edit->setToolTip(has && !p->data(0, ManagedRole).toBool()
                           ? Tr::tr("Only projects deployed by qwq can be redeployed here; this one runs from its own files")
                           : QString());
}

void ComposePage::runAction(const QString &verb)
{
    QTreeWidgetItem *p = selectedProjectItem();
    if (!p)
        return;
    const QString project = p->data(0, ProjectRole).toString();
    QJsonObject extra;
    const auto items = m_tree->selectedItems();
    const QString service = items.isEmpty() ? QString() : items.constFirst()->data(0, ServiceRole).toString();
    const bool takesServices = verb != QLatin1String("down");
    if (takesServices && !service.isEmpty())
        extra.insert(QStringLiteral("services"), QJsonArray{service});
    m_output->appendPlainText(QStringLiteral("$ compose %1 %2%3").arg(verb, project,
                                                                   service.isEmpty() || !takesServices
                                                                       ? QString() : QLatin1Char(' ') + service));
    QPointer<QPlainTextEdit> out(m_output);
    m_service->composeAction(verb, project, extra, [out](bool, const QJsonArray &lines) {
        if (!out)
            return;
        for (const QJsonValue &l : lines)
            out->appendPlainText(l.toString());
    }).then(this, [this, verb, project](const Result<QJsonValue> &r) {
        if (!r) {
            if (r.error().code != ErrorCode::Cancelled) {
                m_output->appendPlainText(r.error().message + QLatin1Char('\n') + r.error().detail);
                emit errorOccurred(r.error());
            }
        } else {
            emit infoMessage(Tr::tr("%1: %2 done").arg(project, verb));
        }
        refresh();
    });
}

QWidget *ComposePage::openDeploy(bool forSelected)
{
    QString project;
    if (forSelected) {
        QTreeWidgetItem *p = selectedProjectItem();
        if (!p || !p->data(0, ManagedRole).toBool())
            return nullptr;
        project = p->data(0, ProjectRole).toString();
    }
    auto *dialog = new ComposeDeployDialog(m_service, project, projectNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ComposeDeployDialog::deployed, this, [this](const QString &name) {
        emit infoMessage(Tr::tr("Deployed %1").arg(name));
        refresh();
    });
    dialog->open();
    return dialog;
}

QWidget *ComposePage::openVersions()
{
    QTreeWidgetItem *p = selectedProjectItem();
    if (!p || !p->data(0, ManagedRole).toBool())
        return nullptr;
    auto *dialog = new ComposeVersionsDialog(m_service, p->data(0, ProjectRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ComposeVersionsDialog::rolledBack, this, [this](const QString &name, int version) {
        emit infoMessage(Tr::tr("%1 rolled back (now version %2)").arg(name).arg(version));
        refresh();
    });
    dialog->open();
    return dialog;
}

QString ComposePage::output() const
{
    return m_output->toPlainText();
}

} // namespace Qwq::Containers
