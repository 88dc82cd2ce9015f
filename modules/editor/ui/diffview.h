// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <editor/core/textdiff.h>
#include <editor/ui/editortheme.h>

#include <QWidget>

class QsciScintilla;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace Qwq::Editor {

/// A read-only diff of two texts: side by side (old left, new right, aligned with filler
/// lines, scrolled together) or unified (one column, both line numbers). Removed lines are
/// red, added lines green; a bar shows "+a −r" and steps through hunks (Alt+Down / Alt+Up).
/// Computes the diff itself with TextDiff; the texts are shown as plain text.
class DiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    enum class Mode { SideBySide, Unified };

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    /// Shows the diff of oldText → newText; labels name the sides ("current", "proposed").
    void setTexts(const QString &oldText, const QString &newText,
                  const QString &oldLabel = QString(), const QString &newLabel = QString());
    const TextDiff &diff() const { return m_diff; }
    QString oldText() const { return m_oldText; }
    QString newText() const { return m_newText; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setTheme(EditorTheme theme);
    /// Hides the toolbar (mode switch, hunk buttons, counts) for compact embedding.
    void setToolBarVisible(bool visible);

    int hunkCount() const { return m_hunkRows.size(); }
    int currentHunk() const { return m_currentHunk; } ///< -1 before the first step
    void nextHunk();
    void previousHunk();
    void goToHunk(int index);

    /// The editors (right one is null in unified mode): for tests and extra decoration.
    QsciScintilla *leftEditor() const { return m_left; }
    QsciScintilla *rightEditor() const { return m_mode == Mode::SideBySide ? m_right : nullptr; }
    /// Rows as displayed: in side-by-side mode both columns have the same rows.
    struct Row
    {
        DiffLine::Kind kind = DiffLine::Kind::Context; ///< Removed/Added also mark a changed pair
        int oldLine = 0; ///< 0 = filler on the old side
        int newLine = 0; ///< 0 = filler on the new side
    };
    QList<Row> rows() const { return m_rows; }

signals:
    void currentHunkChanged(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyColours();
    void updateBar();

    TextDiff m_diff;
    QString m_oldText;
    QString m_newText;
    QString m_oldLabel;
    QString m_newLabel;
    Mode m_mode = Mode::SideBySide;
    EditorTheme m_theme = EditorTheme::Auto;
    QsciScintilla *m_left = nullptr;
    QsciScintilla *m_right = nullptr;
    QWidget *m_bar = nullptr;
    QHBoxLayout *m_columns = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_leftLabel = nullptr;
    QLabel *m_rightLabel = nullptr;
    QToolButton *m_modeButton = nullptr;
    QToolButton *m_prevButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QList<Row> m_rows;
    QList<int> m_hunkRows; ///< first displayed row of each change block
    int m_currentHunk = -1;
    bool m_syncing = false;
};

} // namespace Qwq::Editor
