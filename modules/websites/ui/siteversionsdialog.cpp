// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "siteversionsdialog.h"

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>
#include <editor/ui/codeeditor.h>

#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Websites {

namespace {
QString actionText(const QString &action)
{
    if (action == QLatin1String("create")) return Tr::tr("created");
    if (action == QLatin1String("update")) return Tr::tr("form saved");
    if (action == QLatin1String("delete")) return Tr::tr("deleted");
    if (action == QLatin1String("enable")) return Tr::tr("enabled");
    if (action == QLatin1String("disable")) return Tr::tr("disabled");
    if (action == QLatin1String("edit")) return Tr::tr("directives edited");
    if (action == QLatin1String("raw")) return Tr::tr("raw edit");
    if (action == QLatin1String("rollback")) return Tr::tr("rolled back");
    if (action == QLatin1String("certificate")) return Tr::tr("certificate installed");
    return action;
}
} // namespace

SiteVersionsDialog::SiteVersionsDialog(WebsitesService *service, const QString &domain, QWidget *parent)
    : QDialog(parent), m_service(service), m_domain(domain)
{
    setObjectName(QStringLiteral("siteVersionsDialog"));
    resize(900, 620);
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(5);
    m_list->header()->setStretchLastSection(true);
    m_diff = new Editor::CodeEditor(this);
    m_diff->setLanguage(QStringLiteral("diff"));
    m_diff->setReadOnly(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("versionsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_rollback = new QPushButton(this);
    m_rollback->setEnabled(false);
    m_close = new QPushButton(this);
    connect(m_rollback, &QPushButton::clicked, this, &SiteVersionsDialog::rollBack);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showDiff(item->data(0, Qt::UserRole).toInt());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_rollback);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    retranslate();
    reload();
}

void SiteVersionsDialog::retranslate()
{
    setWindowTitle(m_domain.isEmpty() ? Tr::tr("nginx Configuration Versions") : Tr::tr("Versions of %1").arg(m_domain));
    m_list->setHeaderLabels({Tr::tr("Version"), Tr::tr("When"), Tr::tr("Change"), Tr::tr("Site"), Tr::tr("Files")});
    m_rollback->setText(Tr::tr("Roll Back This Change"));
    m_close->setText(Tr::tr("Close"));
}

void SiteVersionsDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void SiteVersionsDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e;") : QString());
    m_status->setText(text);
}

void SiteVersionsDialog::reload()
{
    const quint64 generation = ++m_generation;
    m_service->versions(m_domain).then(this, [this, generation](const Result<QJsonArray> &r) {
        if (generation != m_generation)
            return;
        ++m_loads;
        m_list->clear();
        if (!r)
            return showStatus(r.error().message, true);
        for (const QJsonValue &v : *r) {
            const QJsonObject o = v.toObject();
            QStringList files;
            for (const QJsonValue &f : o.value(QLatin1String("files")).toArray())
                files << QFileInfo(f.toObject().value(QLatin1String("path")).toString()).fileName();
            auto *item = new QTreeWidgetItem(m_list);
            const int version = o.value(QLatin1String("version")).toInt();
            item->setText(0, QString::number(version));
            item->setText(1, QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(o.value(QLatin1String("time")).toDouble())),
                                                QLocale::ShortFormat));
            item->setText(2, actionText(o.value(QLatin1String("action")).toString()));
            item->setText(3, o.value(QLatin1String("site")).toString());
            item->setText(4, files.join(QStringLiteral(", ")));
            item->setData(0, Qt::UserRole, version);
        }
        for (int c = 0; c < 4; ++c)
            m_list->resizeColumnToContents(c);
        showStatus(r->isEmpty() ? Tr::tr("No change has been recorded yet.")
                                : Tr::tr("Pick a change to see what rolling it back would do."),
                   false);
    });
}

bool SiteVersionsDialog::selectVersion(int version)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toInt() == version) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void SiteVersionsDialog::showDiff(int version)
{
    m_selected = version;
    m_rollback->setEnabled(false);
    const quint64 generation = ++m_generation;
    m_service->diffVersion(version).then(this, [this, generation, version](const Result<QJsonObject> &r) {
        if (generation != m_generation)
            return;
        ++m_diffs;
        if (!r) {
            m_diff->setText(QString());
            return showStatus(r.error().message + QStringLiteral("\n") + r.error().detail, true);
        }
        const QString diff = r->value(QLatin1String("diff")).toString();
        m_diff->setText(diff);
        m_rollback->setEnabled(!m_busy && !diff.trimmed().isEmpty());
        showStatus(diff.trimmed().isEmpty()
                       ? Tr::tr("The files are already as they were before version %1.").arg(version)
                       : Tr::tr("Rolling back puts these files as they were before version %1 (+ lines come back, "
                                "− lines go).").arg(version),
                   false);
    });
}

void SiteVersionsDialog::rollBack()
{
    if (m_selected < 1 || m_busy)
        return;
    m_busy = true;
    m_rollback->setEnabled(false);
    showStatus(Tr::tr("Checking with nginx and rolling back…"), false);
    m_service->rollback(m_selected).then(this, [this](const Result<QJsonObject> &r) {
        m_busy = false;
        if (!r) {
            m_rollback->setEnabled(true);
            return showStatus(r.error().message + QStringLiteral("\n") + r.error().detail.left(600), true);
        }
        showStatus(Tr::tr("Rolled back: %1").arg(applyOutcomeText(*r)), false);
        emit rolledBack(*r);
        reload();
    });
}

} // namespace Qwq::Websites
