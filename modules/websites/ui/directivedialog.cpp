// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "directivedialog.h"

#include <websites/core/serverblock.h>
#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Qwq::Websites {

DirectiveDialog::DirectiveDialog(WebsitesService *service, const SiteEntry &site, QWidget *parent)
    : QDialog(parent), m_service(service), m_site(site)
{
    setObjectName(QStringLiteral("directiveDialog"));
    resize(640, 480);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_form = new QFormLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("directiveStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_save = new QPushButton(this);
    m_save->setDefault(true);
    m_save->setEnabled(false);
    m_cancel = new QPushButton(this);
    connect(m_save, &QPushButton::clicked, this, &DirectiveDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addStretch();
    layout->addLayout(buttons);
    retranslate();
    load();
}

void DirectiveDialog::retranslate()
{
    setWindowTitle(Tr::tr("Edit %1").arg(m_site.displayName()));
    m_intro->setText(Tr::tr("%1 was written by hand (%2, line %3). qwq changes only the directives below, in place; "
                            "every other line, comment and include stays as it is. Empty a field to remove "
                            "its directive. Use Raw Config… for anything else.")
                         .arg(m_site.displayName(), m_site.file)
                         .arg(m_site.line));
    m_save->setText(Tr::tr("Save"));
    m_cancel->setText(Tr::tr("Cancel"));
}

void DirectiveDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void DirectiveDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e;") : QString());
    m_status->setText(text);
}

void DirectiveDialog::load()
{
    showStatus(Tr::tr("Reading %1…").arg(m_site.file), false);
    m_service->getById(m_site.id).then(this, [this](const Result<QJsonObject> &r) {
        if (!r) {
            showStatus(r.error().message + QStringLiteral("\n") + r.error().detail, true);
            return;
        }
        const QList<BlockDirective> found = serverBlockDirectives(r->value(QLatin1String("text")).toString(), m_site.line);
        while (m_form->rowCount() > 0)
            m_form->removeRow(0);
        m_rows.clear();
        for (const QString &name : editableDirectives()) {
            QList<BlockDirective> same;
            for (const BlockDirective &d : found) {
                if (d.name == name)
                    same << d;
            }
            if (same.isEmpty())
                same << BlockDirective{name, {}, 0};
            for (const BlockDirective &d : same) {
                Row row;
                row.name = name;
                row.line = d.line;
                row.repeated = same.size() > 1;
                row.original = d.args.join(QLatin1Char(' '));
                row.edit = new QLineEdit(row.original, this);
                row.edit->setObjectName(name);
                if (d.line == 0)
                    row.edit->setPlaceholderText(Tr::tr("not set"));
                const QString label = row.repeated ? QStringLiteral("%1 (%2)").arg(name, Tr::tr("line %1").arg(d.line)) : name;
                m_form->addRow(label, row.edit);
                m_rows << row;
            }
        }
        m_loaded = true;
        m_save->setEnabled(true);
        showStatus(QString(), false);
    });
}

QLineEdit *DirectiveDialog::field(const QString &name, int index) const
{
    int seen = 0;
    for (const Row &r : m_rows) {
        if (r.name == name && seen++ == index)
            return r.edit;
    }
    return nullptr;
}

QList<DirectiveChange> DirectiveDialog::changes() const
{
    QList<DirectiveChange> out;
    for (const Row &r : m_rows) {
        const QStringList args = splitArgs(r.edit->text());
        if (args.join(QLatin1Char(' ')) == splitArgs(r.original).join(QLatin1Char(' ')))
            continue;
        DirectiveChange c;
        c.name = r.name;
        c.line = r.repeated ? r.line : 0;
        if (args.isEmpty()) {
            if (r.line == 0)
                continue;   // was not there, still is not
            c.remove = true;
        } else {
            c.args = args;
        }
        out << c;
    }
    return out;
}

void DirectiveDialog::save()
{
    if (m_busy || !m_loaded)
        return;
    const QList<DirectiveChange> list = changes();
    if (list.isEmpty()) {
        showStatus(Tr::tr("Nothing was changed."), false);
        return;
    }
    m_busy = true;
    m_save->setEnabled(false);
    showStatus(Tr::tr("Checking with nginx and applying…"), false);
    m_service->edit(m_site.id, list).then(this, [this, list](const Result<QJsonObject> &r) {
        m_busy = false;
        m_save->setEnabled(true);
        if (!r) {
            const Error &e = r.error();
            QString text = e.message;
            if (!e.hint.isEmpty())
                text += QStringLiteral("\n") + e.hint;
            if (!e.detail.isEmpty() && (e.code == ErrorCode::NginxConfigInvalid || e.code == ErrorCode::NginxReloadFailed))
                text += QStringLiteral("\n") + e.detail.left(600);
            showStatus(text, true);
            // "changes[2].args[0]": focus the row of that change.
            static const QRegularExpression re(QStringLiteral("^changes\\[(\\d+)\\]"));
            const QRegularExpressionMatch m = re.match(e.field);
            if (m.hasMatch() && m.captured(1).toInt() < list.size()) {
                const DirectiveChange &c = list.at(m.captured(1).toInt());
                for (const Row &row : m_rows) {
                    if (row.name == c.name && (!row.repeated || row.line == c.line)) {
                        row.edit->setFocus();
                        row.edit->selectAll();
                    }
                }
            }
            return;
        }
        emit applied(*r);
        accept();
    });
}

} // namespace Qwq::Websites
