// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "snippetdialogs.h"

#include <terminal/core/terminaltr.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Terminal {

namespace {
QString listLabel(const Snippet &s)
{
    const QString name = s.name.trimmed();
    if (!name.isEmpty())
        return name;
    const QString text = s.text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return text.isEmpty() ? Tr::tr("(new snippet)") : text;
}
} // namespace

SnippetVariablesDialog::SnippetVariablesDialog(const Snippet &snippet, QWidget *parent)
    : QDialog(parent), m_snippet(snippet), m_preview(new QLabel)
{
    setObjectName(QStringLiteral("snippetVariablesDialog"));
    setWindowTitle(snippet.name.isEmpty() ? Tr::tr("Insert Snippet")
                                          : Tr::tr("Insert Snippet: %1").arg(snippet.name));
    auto *form = new QFormLayout;
    for (const SnippetVariable &v : SnippetStore::variables(snippet.text)) {
        auto *edit = new QLineEdit(v.defaultValue);
        edit->setObjectName(v.name);
        connect(edit, &QLineEdit::textChanged, this, &SnippetVariablesDialog::updatePreview);
        auto *label = new QLabel(v.name + QLatin1Char(':'));
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(edit);
        form->addRow(label, edit);
        m_fields.append({v.name, edit});
    }
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setObjectName(QStringLiteral("snippetPreview"));
    QFont mono = m_preview->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_preview->setFont(mono);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(snippet.run ? Tr::tr("Run") : Tr::tr("Paste"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *note = new QLabel(snippet.run ? Tr::tr("The command runs as soon as it is inserted.")
                                        : Tr::tr("The command is pasted; press Enter in the terminal to run it."));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(Tr::tr("Command:")));
    layout->addWidget(m_preview);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updatePreview();
}

QHash<QString, QString> SnippetVariablesDialog::values() const
{
    QHash<QString, QString> out;
    for (const auto &[name, edit] : m_fields)
        out.insert(name, edit->text());
    return out;
}

QString SnippetVariablesDialog::expandedText() const
{
    return SnippetStore::expand(m_snippet.text, values());
}

QLineEdit *SnippetVariablesDialog::field(const QString &name) const
{
    for (const auto &[n, edit] : m_fields) {
        if (n == name)
            return edit;
    }
    return nullptr;
}

void SnippetVariablesDialog::updatePreview()
{
    m_preview->setText(expandedText());
}

SnippetEditorDialog::SnippetEditorDialog(const QString &serverName, const QList<Snippet> &snippets,
                                         QWidget *parent)
    : QDialog(parent), m_snippets(snippets), m_list(new QListWidget), m_name(new QLineEdit),
      m_text(new QPlainTextEdit), m_run(new QCheckBox), m_add(new QPushButton),
      m_remove(new QPushButton)
{
    setObjectName(QStringLiteral("snippetEditorDialog"));
    setWindowTitle(Tr::tr("Snippets for %1").arg(serverName));
    m_run->setText(Tr::tr("Run after inserting (otherwise the command is only pasted)"));
    m_add->setText(Tr::tr("Add"));
    m_remove->setText(Tr::tr("Remove"));
    m_text->setPlaceholderText(QStringLiteral("tail -n {{lines:100}} {{file}}"));
    QFont mono = m_text->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_text->setFont(mono);
    auto *hint = new QLabel(Tr::tr("Write {{name}} for a value to ask when the snippet is "
                                   "inserted, or {{name:default}} to offer a default."));
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Name:"), m_name);
    form->addRow(Tr::tr("Command:"), m_text);
    form->addRow(QString(), m_run);
    form->addRow(QString(), hint);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(form, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(720, 380);

    for (const Snippet &s : std::as_const(m_snippets))
        m_list->addItem(listLabel(s));
    connect(m_list, &QListWidget::currentRowChanged, this, &SnippetEditorDialog::showCurrent);
    connect(m_name, &QLineEdit::textChanged, this, &SnippetEditorDialog::storeCurrent);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SnippetEditorDialog::storeCurrent);
    connect(m_run, &QCheckBox::toggled, this, &SnippetEditorDialog::storeCurrent);
    connect(m_add, &QPushButton::clicked, this, &SnippetEditorDialog::addSnippet);
    connect(m_remove, &QPushButton::clicked, this, &SnippetEditorDialog::removeCurrent);
    // Empty snippets are not kept.
    connect(this, &QDialog::accepted, this, [this] {
        m_snippets.removeIf([](const Snippet &s) { return s.text.trimmed().isEmpty(); });
    });
    if (m_snippets.isEmpty())
        addSnippet();
    else
        m_list->setCurrentRow(0);
    showCurrent();
}

void SnippetEditorDialog::addSnippet()
{
    m_snippets.append(Snippet());
    m_list->addItem(listLabel(m_snippets.back()));
    m_list->setCurrentRow(int(m_snippets.size()) - 1);
    m_name->setFocus();
}

void SnippetEditorDialog::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_snippets.removeAt(row);
    delete m_list->takeItem(row);
    showCurrent();
}

void SnippetEditorDialog::showCurrent()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_snippets.size();
    m_loading = true;
    m_name->setText(valid ? m_snippets[row].name : QString());
    m_text->setPlainText(valid ? m_snippets[row].text : QString());
    m_run->setChecked(valid && m_snippets[row].run);
    m_loading = false;
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_text),
                       static_cast<QWidget *>(m_run), static_cast<QWidget *>(m_remove)})
        w->setEnabled(valid);
}

void SnippetEditorDialog::storeCurrent()
{
    const int row = m_list->currentRow();
    if (m_loading || row < 0 || row >= m_snippets.size())
        return;
    Snippet &s = m_snippets[row];
    s.name = m_name->text();
    s.text = m_text->toPlainText();
    s.run = m_run->isChecked();
    m_list->item(row)->setText(listLabel(s));
}

} // namespace Qwq::Terminal
