// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace Qwq::Containers {

class LogModel;

/// A container's log: a one-column table view over a LogModel that follows new lines (unless the user
/// scrolled up or unticked Follow), a search box with next/previous, a line counter that
/// says how many lines were dropped past the cap, and Download (save what is held to a
/// file). Stderr lines are drawn in the palette's error colour.
class LogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPane)
public:
    explicit LogPane(LogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *followBox() const { return m_follow; }
    bool isFollowing() const;
    /// Selects the next (or previous) line containing the search text; false when none.
    bool findNext(bool backward = false);
    /// Writes the lines held to `path` (the Download button asks for it).
    bool saveTo(const QString &path, QString *error = nullptr);
    QString statusText() const;

signals:
    /// The user ticked or unticked Follow (the panel restarts the stream).
    void followToggled(bool on);

protected:
    void changeEvent(QEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;

private:
    void retranslate();
    void updateStatus();
    void download();
    void fitColumn();

    LogModel *m_model;
    QTableView *m_view;
    QLineEdit *m_search;
    QToolButton *m_prev;
    QToolButton *m_next;
    QCheckBox *m_follow;
    QToolButton *m_download;
    QLabel *m_status;
    bool m_atBottom = true;
    int m_widestLine = 0;   // characters, for the column width
};

} // namespace Qwq::Containers
