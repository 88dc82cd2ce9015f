// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composeversionsdialog.h"

#include <containers/core/containersservice.h>
#include <containers/core/containerstr.h>
#include <editor/ui/diffview.h>

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Containers {

namespace {
enum { VersionRole = Qt::UserRole + 1 };

QString firstFile(const QJsonObject &files)
{
    const QJsonArray list = files.value(QLatin1String("files")).toArray();
    return list.isEmpty() ? QString() : list.first().toObject().value(QLatin1String("content")).toString();
}
} // namespace

ComposeVersionsDialog::ComposeVersionsDialog(ContainersService *service, const QString &project, QWidget *parent)
    : QDialog(parent), m_service(service), m_project(project)
{
    setObjectName(QStringLiteral("composeVersionsDialog"));
    setWindowTitle(Tr::tr("Versions of %1").arg(project));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("composeVersions"));
    m_list->setHeaderLabels({Tr::tr("Version"), Tr::tr("Deployed"), Tr::tr("Size")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto items = m_list->selectedItems();
        if (!items.isEmpty())
            showDiff(items.first()->data(0, VersionRole).toInt());
    });
    m_diff = new Editor::DiffView(this);
    m_diff->setObjectName(QStringLiteral("composeVersionDiff"));
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(2000);
    m_output->setPlaceholderText(Tr::tr("Output of the rollback appears here."));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rollback = buttons->addButton(Tr::tr("Roll Back to This Version…"), QDialogButtonBox::ActionRole);
    m_rollback->setObjectName(QStringLiteral("composeRollback"));
    m_rollback->setEnabled(false);
    connect(m_rollback, &QPushButton::clicked, this, &ComposeVersionsDialog::rollBack);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, split);
    top->addWidget(m_list);
    top->addWidget(m_diff);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 3);
    split->addWidget(top);
    split->addWidget(m_output);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(980, 640);
    reload();
}

QString ComposeVersionsDialog::statusText() const
{
    return m_status->text();
}

void ComposeVersionsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
}

void ComposeVersionsDialog::reload()
{
    setStatus(Tr::tr("Loading the stored versions…"), false);
    m_service->composeVersions(m_project).then(this, [this](const Result<QJsonObject> &r) {
        ++m_loads;
        if (!r)
            return setStatus(r.error().message, true);
        showVersions(*r);
    });
}

void ComposeVersionsDialog::showVersions(const QJsonObject &result)
{
    m_current = result.value(QLatin1String("current")).toInt();
    m_list->clear();
    for (const QJsonValue &v : result.value(QLatin1String("versions")).toArray()) {
        const QJsonObject o = v.toObject();
        const int version = o.value(QLatin1String("version")).toInt();
        const QString when = QLocale().toString(
            QDateTime::fromSecsSinceEpoch(o.value(QLatin1String("time")).toInteger()), QLocale::ShortFormat);
        QString name = QString::number(version);
        if (version == m_current)
            name = Tr::tr("%1 (running)").arg(version);
        auto *item = new QTreeWidgetItem(m_list, {name, when, QLocale().formattedDataSize(
                                                                  o.value(QLatin1String("bytes")).toInteger())});
        item->setData(0, VersionRole, version);
    }
    setStatus(m_list->topLevelItemCount() > 1
                  ? Tr::tr("Pick a version to see how it differs from the one running now.")
                  : Tr::tr("Only one version is stored: there is nothing to roll back to yet."),
              false);
}

bool ComposeVersionsDialog::selectVersion(int version)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, VersionRole).toInt() == version) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void ComposeVersionsDialog::showDiff(int version)
{
    m_selected = version;
    m_rollback->setEnabled(false);
    const quint64 gen = ++m_generation;
    m_service->composeFiles(m_project, version).then(this, [this, gen, version](const Result<QJsonObject> &old) {
        if (gen != m_generation)
            return;
        if (!old)
            return setStatus(old.error().message, true);
        const QString oldText = firstFile(*old);
        m_service->composeFiles(m_project).then(this, [this, gen, version, oldText](const Result<QJsonObject> &now) {
            if (gen != m_generation)
                return;
            if (!now)
                return setStatus(now.error().message, true);
            m_diff->setTexts(firstFile(*now), oldText, Tr::tr("running now (version %1)").arg(m_current),
                             Tr::tr("version %1").arg(version));
            ++m_diffs;
            m_rollback->setEnabled(!m_busy && version != m_current);
            setStatus(version == m_current ? Tr::tr("This is the version running now.")
                                           : Tr::tr("Rolling back deploys version %1 again as a new version; the "
                                                    "current one stays stored.").arg(version),
                      false);
        });
    });
}

void ComposeVersionsDialog::rollBack()
{
    if (m_selected < 1 || m_selected == m_current || m_busy)
        return;
    m_busy = true;
    m_rollback->setEnabled(false);
    const int version = m_selected;
    setStatus(Tr::tr("Rolling back %1 to version %2…").arg(m_project).arg(version), false);
    QPointer<QPlainTextEdit> out(m_output);
    m_service->composeRollback(m_project, version, [out](bool, const QJsonArray &lines) {
        if (!out)
            return;
        for (const QJsonValue &l : lines)
            out->appendPlainText(l.toString());
    }).then(this, [this, version](const Result<QJsonValue> &r) {
        m_busy = false;
        if (!r) {
            setStatus(r.error().detail.isEmpty() ? r.error().message
                                                 : Tr::tr("%1: %2").arg(r.error().message, r.error().detail), true);
            m_rollback->setEnabled(true);
            return;
        }
        const int now = r->toObject().value(QLatin1String("version")).toInt();
        setStatus(Tr::tr("Rolled back: version %1 runs again as version %2.").arg(version).arg(now), false);
        emit rolledBack(m_project, now);
        reload();
    });
}

} // namespace Qwq::Containers
