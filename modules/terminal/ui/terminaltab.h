// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QSplitter;
class QVBoxLayout;

namespace Qwq::Terminal {

class TerminalView;

/// One tab of the Terminal panel: its terminals in nested splitters. Splitting a view puts the
/// new one beside it (Qt::Horizontal, to the right) or under it (Qt::Vertical); removing one
/// gives its space back and collapses splitters left with a single child. The tab remembers
/// which of its views had the focus last. Views are owned by the tab's widgets.
class TerminalTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalTab)
public:
    explicit TerminalTab(TerminalView *first, QWidget *parent = nullptr);

    /// Every view, left to right and top to bottom.
    QList<TerminalView *> views() const;
    /// The view that had the focus last (or the first one).
    TerminalView *currentView() const;
    void setCurrentView(TerminalView *view);

    void split(TerminalView *at, TerminalView *added, Qt::Orientation orientation);
    /// Takes `view` out of the tab (the caller deletes it) and returns the view that should get
    /// the focus next, or nullptr when the tab is now empty.
    TerminalView *remove(TerminalView *view);
    /// The nearest view from `from` towards `direction` (Qt::LeftArrow … Qt::DownArrow).
    TerminalView *neighbour(TerminalView *from, Qt::ArrowType direction) const;

private:
    QVBoxLayout *m_layout;
    QWidget *m_content;   // a TerminalView or a QSplitter
    QPointer<TerminalView> m_current;
};

} // namespace Qwq::Terminal
