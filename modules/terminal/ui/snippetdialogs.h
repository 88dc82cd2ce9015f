// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <terminal/core/snippetstore.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Qwq::Terminal {

/// Asks the values of a snippet's variables ({{name}} or {{name:default}}) and shows the
/// command that will be pasted. The OK button says Paste, or Run when the snippet runs.
class SnippetVariablesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnippetVariablesDialog)
public:
    explicit SnippetVariablesDialog(const Snippet &snippet, QWidget *parent = nullptr);

    QHash<QString, QString> values() const;
    /// The snippet's text with the values filled in.
    QString expandedText() const;
    QLineEdit *field(const QString &name) const;

private:
    void updatePreview();

    Snippet m_snippet;
    QList<std::pair<QString, QLineEdit *>> m_fields;
    QLabel *m_preview;
};

/// Edits the snippets of one server: a list, and the name, text and "run after pasting" of
/// the selected one. The caller stores snippets() when the dialog is accepted.
class SnippetEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnippetEditorDialog)
public:
    SnippetEditorDialog(const QString &serverName, const QList<Snippet> &snippets,
                        QWidget *parent = nullptr);

    QList<Snippet> snippets() const { return m_snippets; }
    /// Adds an empty snippet and selects it (the Add button).
    void addSnippet();
    void removeCurrent();
    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QCheckBox *runCheck() const { return m_run; }

private:
    void showCurrent();
    void storeCurrent();

    QList<Snippet> m_snippets;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPlainTextEdit *m_text;
    QCheckBox *m_run;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_loading = false;
};

} // namespace Qwq::Terminal
