// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminaltab.h"

#include "terminalview.h"

#include <QSplitter>
#include <QVBoxLayout>

#include <limits>

namespace Qwq::Terminal {

namespace {
void collect(QWidget *w, QList<TerminalView *> &out)
{
    if (auto *v = qobject_cast<TerminalView *>(w)) {
        out.append(v);
    } else if (auto *s = qobject_cast<QSplitter *>(w)) {
        for (int i = 0; i < s->count(); ++i)
            collect(s->widget(i), out);
    }
}

QSplitter *newSplitter(Qt::Orientation o)
{
    auto *s = new QSplitter(o);
    s->setChildrenCollapsible(false);
    s->setHandleWidth(3);
    return s;
}
} // namespace

TerminalTab::TerminalTab(TerminalView *first, QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this)), m_content(first), m_current(first)
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(first);
}

QList<TerminalView *> TerminalTab::views() const
{
    QList<TerminalView *> out;
    if (m_content)
        collect(m_content, out);
    return out;
}

TerminalView *TerminalTab::currentView() const
{
    if (m_current)
        return m_current;
    const QList<TerminalView *> all = views();
    return all.isEmpty() ? nullptr : all.first();
}

void TerminalTab::setCurrentView(TerminalView *view)
{
    m_current = view;
}

void TerminalTab::split(TerminalView *at, TerminalView *added, Qt::Orientation orientation)
{
    auto *parent = qobject_cast<QSplitter *>(at->parentWidget());
    if (parent && parent->orientation() == orientation) {
        // Same direction: a sibling, the space of `at` shared between the two.
        const int i = parent->indexOf(at);
        QList<int> sizes = parent->sizes();
        const int half = sizes[i] / 2;
        sizes[i] -= half;
        sizes.insert(i + 1, half);
        parent->insertWidget(i + 1, added);
        parent->setSizes(sizes);
    } else {
        QSplitter *s = newSplitter(orientation);
        const QRect area = at->geometry();
        const int total = orientation == Qt::Horizontal ? area.width() : area.height();
        if (parent) {
            const QList<int> sizes = parent->sizes();
            parent->replaceWidget(parent->indexOf(at), s);
            parent->setSizes(sizes);
        } else {
            m_layout->replaceWidget(at, s);
            s->setParent(this);
            m_content = s;
        }
        s->setGeometry(area);
        s->addWidget(at);
        s->addWidget(added);
        s->setSizes({total / 2, total - total / 2});
        s->show();
        at->show();
    }
    added->show();
}

TerminalView *TerminalTab::remove(TerminalView *view)
{
    if (m_content == view) {
        m_layout->removeWidget(view);
        view->setParent(nullptr);
        m_content = nullptr;
        m_current = nullptr;
        return nullptr;
    }
    auto *parent = qobject_cast<QSplitter *>(view->parentWidget());
    if (!parent)
        return currentView();
    const int i = parent->indexOf(view);
    const bool wasCurrent = m_current == view || !m_current;
    view->hide();   // may move the focus (and m_current) elsewhere; decided below
    view->setParent(nullptr);
    // The focus goes to the neighbour that takes the space.
    QList<TerminalView *> near;
    collect(parent->widget(std::min(i, parent->count() - 1)), near);
    if (parent->count() == 1) {
        QWidget *only = parent->widget(0);
        if (auto *grand = qobject_cast<QSplitter *>(parent->parentWidget())) {
            const QList<int> sizes = grand->sizes();
            grand->replaceWidget(grand->indexOf(parent), only);
            grand->setSizes(sizes);
        } else {
            only->setParent(this);
            m_layout->replaceWidget(parent, only);
            m_content = only;
        }
        only->show();
        parent->deleteLater();
    }
    if (wasCurrent || m_current == view || !m_current)
        m_current = near.isEmpty() ? nullptr : near.first();
    return currentView();
}

TerminalView *TerminalTab::neighbour(TerminalView *from, Qt::ArrowType direction) const
{
    const QRect origin(from->mapTo(this, QPoint(0, 0)), from->size());
    TerminalView *best = nullptr;
    qint64 bestScore = std::numeric_limits<qint64>::max();
    for (TerminalView *v : views()) {
        if (v == from)
            continue;
        const QRect r(v->mapTo(this, QPoint(0, 0)), v->size());
        int along = 0;   // distance in the direction asked; must be positive
        int across = 0;  // how far off the line it is
        switch (direction) {
        case Qt::LeftArrow: along = origin.left() - r.right(); break;
        case Qt::RightArrow: along = r.left() - origin.right(); break;
        case Qt::UpArrow: along = origin.top() - r.bottom(); break;
        case Qt::DownArrow: along = r.top() - origin.bottom(); break;
        default: return nullptr;
        }
        if (along <= 0)
            continue;
        const bool horizontal = direction == Qt::LeftArrow || direction == Qt::RightArrow;
        across = horizontal ? std::abs(r.center().y() - origin.center().y())
                            : std::abs(r.center().x() - origin.center().x());
        const qint64 score = qint64(along) * 4 + across;
        if (score < bestScore) {
            bestScore = score;
            best = v;
        }
    }
    return best;
}

} // namespace Qwq::Terminal
