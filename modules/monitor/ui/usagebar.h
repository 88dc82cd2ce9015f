// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

namespace Qwq::Monitor {

/// The colour for a usage level: green, amber from 75 %, red from 90 %.
QColor usageColor(double percent);

/// A thin horizontal usage bar with a caption ("3.2 GiB of 7.8 GiB").
class UsageBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageBar)
public:
    explicit UsageBar(QWidget *parent = nullptr);
    void setUsage(double percent, const QString &caption);
    double percent() const { return m_percent; }
    QString caption() const { return m_caption; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *e) override;

private:
    double m_percent = 0;
    QString m_caption;
};

/// Paints FilesystemModel's usage column as a bar.
class UsageBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &opt, const QModelIndex &idx) const override;
};

} // namespace Qwq::Monitor
