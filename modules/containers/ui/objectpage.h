// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <containers/core/objectmodels.h>
#include <core/core/result.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Qwq::Containers {

class ContainersService;

/// The Images, Volumes or Networks tab: a sortable, filterable table with remove (the
/// client's typed confirmation), prune (a dry run first: what would go and the space it
/// frees, then the confirmed call), and pull for images.
class ObjectPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectPage)
public:
    ObjectPage(ObjectTableModel::Kind kind, ContainersService *service, QWidget *parent = nullptr);

    void refresh();
    ObjectTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// Prune step one: the dry run; its result opens the preview (tests call it directly).
    void prunePreview(bool all);
    QString selectedKey() const;
    void removeSelected();

signals:
    void errorOccurred(const Qwq::Error &error);
    void infoMessage(const QString &text);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showPrunePreview(bool all, const QJsonObject &dryRun);
    void openPull();

    ObjectTableModel::Kind m_kind;
    ContainersService *m_service;
    ObjectTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_pull = nullptr;
    QPushButton *m_remove;
    QPushButton *m_prune = nullptr;
    QPushButton *m_refresh;
    bool m_loading = false;
};

} // namespace Qwq::Containers
