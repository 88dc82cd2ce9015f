// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <containers/core/containertypes.h>
#include <core/core/result.h>

#include <QDialog>
#include <QFuture>
#include <QHash>
#include <QJsonValue>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Qwq::Containers {

class ContainersService;

/// Pulls an image with per-layer progress (`images.pull` streams each layer's state). Cancel
/// stops the pull on the server; a failure names the registry's reason and Retry pulls
/// again (layers already there are not downloaded twice).
class PullDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullDialog)
public:
    explicit PullDialog(ContainersService *service, QWidget *parent = nullptr);
    ~PullDialog() override;

    QLineEdit *referenceField() const { return m_ref; }
    void startPull();
    bool isPulling() const { return m_pull.isValid() && !m_pull.isFinished(); }

signals:
    void pulled(const QString &reference);

private:
    void onProgress(const QList<PullLayer> &layers, const QStringList &messages);

    ContainersService *m_service;
    QLineEdit *m_ref;
    QPushButton *m_start;
    QTreeWidget *m_layers;
    QLabel *m_status;
    QHash<QString, QTreeWidgetItem *> m_items;
    QFuture<Result<QJsonValue>> m_pull;
};

} // namespace Qwq::Containers
