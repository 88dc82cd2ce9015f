// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <containers/core/objectmodels.h>
#include <core/core/result.h>

#include <QWidget>

class QDialog;
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
    /// Selects the row of `key` (now, or after the refresh that is running).
    void selectKey(const QString &key);
    void removeSelected();

    // Create and connect (objectdialogs.h), export, load and import (imagetransferdialogs.h).
    // Each opens its dialog (non-modal, deleted on close) and returns it for tests.
    QDialog *openCreate();
    QDialog *openConnect(bool disconnect);
    /// Asks for the file with QFileDialog when `file` is empty.
    QDialog *exportSelected(const QString &file = {});
    QDialog *openUpload(bool import);

signals:
    void errorOccurred(const Qwq::Error &error);
    void infoMessage(const QString &text);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showPrunePreview(bool all, const QJsonObject &dryRun);
    void openPull();
    void showContextMenu(const QPoint &pos);
    void updateButtons();

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
    QPushButton *m_create = nullptr;      // volumes, networks
    QPushButton *m_connect = nullptr;     // networks
    QPushButton *m_disconnect = nullptr;  // networks
    QPushButton *m_export = nullptr;      // images
    QPushButton *m_load = nullptr;        // images: Load… and Import… in its menu
    QString m_selectAfterRefresh;
    bool m_loading = false;
    bool m_refreshAgain = false;
};

} // namespace Qwq::Containers
