// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveritemdelegate.h"

#include <helper/core/serverconnection.h>
#include <workbench/core/serverlistmodel.h>

#include <QApplication>
#include <QPainter>

namespace Qwq::App {

using State = Helper::ServerConnection::State;
using Workbench::ServerListModel;

QColor ServerItemDelegate::stateColor(int state)
{
    switch (State(state)) {
    case State::Ready: return QColor(0x2e, 0xa0, 0x43);
    case State::Connecting:
    case State::Deploying:
    case State::Starting:
    case State::Reconnecting: return QColor(0xe0, 0x9b, 0x22);
    case State::Failed: return QColor(0xd9, 0x3f, 0x3f);
    case State::Disconnected: break;
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

QSize ServerItemDelegate::sizeHint(const QStyleOptionViewItem &opt, const QModelIndex &idx) const
{
    if (idx.data(ServerListModel::IsGroupRole).toBool())
        return {200, opt.fontMetrics.height() + 10};
    return {200, opt.fontMetrics.height() * 2 + 14};
}

void ServerItemDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                               const QModelIndex &idx) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, idx);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor colour(idx.data(ServerListModel::ColourRole).toString());
    if (idx.data(ServerListModel::IsGroupRole).toBool()) {
        QFont f = opt.font;
        f.setBold(true);
        p->setFont(f);
        QColor c = text;
        c.setAlphaF(0.75);
        p->setPen(c);
        const QRect r = opt.rect.adjusted(4, 0, -4, 0);
        if (colour.isValid()) {
            p->setBrush(colour);
            p->setPen(Qt::NoPen);
            p->drawRoundedRect(QRectF(r.left(), r.center().y() - 5, 4, 10), 1, 1);
            p->setPen(c);
        }
        p->drawText(r.adjusted(colour.isValid() ? 10 : 0, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(f).elidedText(idx.data(Qt::DisplayRole).toString(), Qt::ElideRight, r.width()));
        p->restore();
        return;
    }
    if (colour.isValid()) {   // the profile's colour as a stripe on the left edge
        p->setPen(Qt::NoPen);
        p->setBrush(colour);
        p->drawRect(QRect(opt.rect.left(), opt.rect.top() + 3, 3, opt.rect.height() - 6));
    }
    const QRect r = opt.rect.adjusted(10, 6, -8, -6);
    const int lineH = opt.fontMetrics.height();
    const QColor dot = stateColor(idx.data(ServerListModel::StateRole).toInt());
    p->setPen(Qt::NoPen);
    p->setBrush(dot);
    p->drawEllipse(QRectF(r.left(), r.top() + (lineH - 10) / 2.0, 10, 10));

    QColor dim = text;
    dim.setAlphaF(0.65);
    const QRect textRect(r.left() + 18, r.top(), r.width() - 18, lineH);
    QFont bold = opt.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(text);
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(bold).elidedText(idx.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                              textRect.width()));
    p->setFont(opt.font);
    p->setPen(dim);
    QString second = idx.data(ServerListModel::StateTextRole).toString() + QStringLiteral(" · ")
                     + idx.data(ServerListModel::AddressRole).toString();
    const int latency = idx.data(ServerListModel::LatencyRole).toInt();
    if (latency > 0 && State(idx.data(ServerListModel::StateRole).toInt()) == State::Ready)
        second += QStringLiteral(" · %1 ms").arg(latency);
    const QStringList tags = idx.data(ServerListModel::TagsRole).toStringList();
    if (!tags.isEmpty())
        second += QStringLiteral(" · #") + tags.join(QStringLiteral(" #"));
    const QRect line2 = textRect.translated(0, lineH + 2);
    p->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                opt.fontMetrics.elidedText(second, Qt::ElideRight, line2.width()));
    p->restore();
}

} // namespace Qwq::App
