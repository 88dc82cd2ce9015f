// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "usagebar.h"

#include <monitor/core/filesystemmodel.h>

#include <QPainter>

namespace Qwq::Monitor {

QColor usageColor(double percent)
{
    if (percent >= 90)
        return QColor(0xd9, 0x3f, 0x3f);
    if (percent >= 75)
        return QColor(0xe0, 0x9b, 0x22);
    return QColor(0x3d, 0x9a, 0x5b);
}

UsageBar::UsageBar(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(34);
}

void UsageBar::setUsage(double percent, const QString &caption)
{
    m_percent = qBound(0.0, percent, 100.0);
    m_caption = caption;
    update();
}

QSize UsageBar::sizeHint() const
{
    return {200, fontMetrics().height() + 16};
}

void UsageBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int barH = 8;
    const QRect text(0, 0, width(), fontMetrics().height());
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    const QRectF bar(0, height() - barH - 2, width() - 1, barH);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Midlight));
    p.drawRoundedRect(bar, 3, 3);
    QRectF fill = bar;
    fill.setWidth(bar.width() * m_percent / 100.0);
    p.setBrush(usageColor(m_percent));
    p.drawRoundedRect(fill, 3, 3);
}

void UsageBarDelegate::paint(QPainter *p, const QStyleOptionViewItem &opt,
                             const QModelIndex &idx) const
{
    QStyledItemDelegate::paint(p, opt, idx);
    const double percent = idx.data(FilesystemModel::UsedPercentRole).toDouble();
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(opt.rect).adjusted(4, opt.rect.height() - 7, -4, -3);
    p->setPen(Qt::NoPen);
    p->setBrush(opt.palette.color(QPalette::Midlight));
    p->drawRoundedRect(r, 2, 2);
    QRectF fill = r;
    fill.setWidth(r.width() * qBound(0.0, percent, 100.0) / 100.0);
    p->setBrush(usageColor(percent));
    p->drawRoundedRect(fill, 2, 2);
    p->restore();
}

} // namespace Qwq::Monitor
