// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <editor/ui/editortheme.h>

#include <QList>
#include <QString>
#include <QWidget>

class QsciScintilla;
class QsciLexer;

namespace Qwq::Editor {

class FindBar;

/// A problem to show in the text: 1-based line and column (column 0 = the whole line).
/// Shown as a squiggle from the column to the end of its word, a margin marker, and the
/// message as a tooltip over either. The message is shown as plain text.
struct Diagnostic
{
    enum class Severity { Error, Warning };
    int line = 1;
    int column = 0;
    QString message;
    Severity severity = Severity::Error;
};

/// The one text editor of qwq (configs, compose files, scripts, SQL): QScintilla with a
/// language by name (see Languages::names()), line numbers, the app's light/dark theme,
/// a find bar (Ctrl+F, F3, Shift+F3, Esc), a read-only toggle and diagnostics.
/// The widget owns its QsciScintilla; scintilla() is there for what this API does not cover.
class CodeEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeEditor)

public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// Replaces the text, clears diagnostics and undo history, and resets "modified".
    void setText(const QString &text);
    QString text() const;

    bool isModified() const;
    void setModified(bool modified);

    void setLanguage(const QString &name); ///< unknown names fall back to "plain"
    QString language() const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    void setTheme(EditorTheme theme);
    EditorTheme theme() const { return m_theme; }
    bool isDark() const; ///< the colours in effect

    void setLineNumbersVisible(bool visible);
    void setWordWrap(bool wrap);

    // Diagnostics
    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    void addDiagnostic(const Diagnostic &diagnostic);
    void clearDiagnostics();
    QList<Diagnostic> diagnostics() const { return m_diagnostics; }
    /// The messages at a 1-based line, joined by line breaks (what the tooltip shows).
    QString diagnosticMessageAt(int line) const;

    // Navigation and find
    void goTo(int line, int column = 0); ///< 1-based
    int cursorLine() const;              ///< 1-based
    int cursorColumn() const;            ///< 1-based
    void showFindBar();
    void hideFindBar();
    /// Selects the next (or previous) match after the cursor, wrapping; false when none.
    bool find(const QString &text, bool forward = true, bool caseSensitive = false,
              bool wholeWord = false);

    QsciScintilla *scintilla() const { return m_sci; }

signals:
    void textChanged();
    void modificationChanged(bool modified);
    void cursorPositionChanged(int line, int column); ///< 1-based

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTheme();
    void applyDiagnostics();
    void updateLineNumberWidth();
    void showTooltipAt(int position, const QPoint &globalPos);

    QsciScintilla *m_sci = nullptr;
    FindBar *m_findBar = nullptr;
    QsciLexer *m_lexer = nullptr;
    QString m_language = QStringLiteral("plain");
    EditorTheme m_theme = EditorTheme::Auto;
    bool m_lineNumbers = true;
    bool m_settingText = false;
    QList<Diagnostic> m_diagnostics;
};

} // namespace Qwq::Editor
