// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawconfigdialog.h"

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>
#include <editor/ui/codeeditor.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Websites {

RawConfigDialog::RawConfigDialog(WebsitesService *service, const QString &domain, const QString &id, QWidget *parent)
    : QDialog(parent), m_service(service), m_domain(domain), m_id(id)
{
    setObjectName(QStringLiteral("rawConfigDialog"));
    resize(820, 620);
    m_path = new QLabel(this);
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editor = new Editor::CodeEditor(this);
    m_editor->setLanguage(QStringLiteral("nginx"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rawStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reload = new QPushButton(this);
    m_save = new QPushButton(this);
    m_save->setDefault(true);
    m_close = new QPushButton(this);
    connect(m_reload, &QPushButton::clicked, this, &RawConfigDialog::reload);
    connect(m_save, &QPushButton::clicked, this, &RawConfigDialog::save);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_editor, &Editor::CodeEditor::modificationChanged, this, [this](bool modified) {
        m_save->setEnabled(modified && !m_busy && !m_file.isEmpty());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_path);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);
    m_save->setEnabled(false);
    retranslate();
    reload();
}

void RawConfigDialog::retranslate()
{
    setWindowTitle(Tr::tr("Raw Configuration"));
    m_path->setText(m_file.isEmpty() ? QString() : Tr::tr("File: %1").arg(m_file));
    m_reload->setText(Tr::tr("Reload"));
    m_save->setText(Tr::tr("Check and Save"));
    m_close->setText(Tr::tr("Close"));
}

void RawConfigDialog::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(e);
}

void RawConfigDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e;") : QString());
    m_status->setText(text);
}

void RawConfigDialog::reload()
{
    m_busy = true;
    m_save->setEnabled(false);
    showStatus(Tr::tr("Reading…"), false);
    auto f = m_domain.isEmpty() ? m_service->getById(m_id) : m_service->getByDomain(m_domain);
    f.then(this, [this](const Result<QJsonObject> &r) {
        m_busy = false;
        ++m_loads;
        if (!r) {
            showStatus(r.error().message + QStringLiteral("\n") + r.error().detail, true);
            return;
        }
        m_file = r->value(QLatin1String("file")).toString();
        m_sha = r->value(QLatin1String("sha256")).toString();
        m_editor->clearDiagnostics();
        m_editor->setText(r->value(QLatin1String("text")).toString());
        m_editor->setModified(false);
        retranslate();
        // The file that keeps the configuration from parsing: its error marked where it is.
        const QJsonObject broken = r->value(QLatin1String("parseError")).toObject();
        if (!broken.isEmpty()) {
            const int line = broken.value(QLatin1String("line")).toInt();
            const QString detail = broken.value(QLatin1String("detail")).toString();
            if (line > 0) {
                m_editor->addDiagnostic({line, 0, detail, Editor::Diagnostic::Severity::Error});
                m_editor->goTo(line);
            }
            showStatus(Tr::tr("This file does not parse (line %1: %2). Repair it and save: nginx checks it "
                              "before anything is written.")
                           .arg(line)
                           .arg(detail),
                       true);
            return;
        }
        showStatus(r->value(QLatin1String("managed")).toBool()
                       ? Tr::tr("qwq manages this site: its form rewrites the file from its fields, and shows "
                                "what that would replace.")
                       : QString(),
                   false);
    });
}

void RawConfigDialog::save()
{
    if (m_busy || m_file.isEmpty())
        return;
    m_busy = true;
    m_save->setEnabled(false);
    m_editor->clearDiagnostics();
    showStatus(Tr::tr("Checking with nginx and applying…"), false);
    const QString text = m_editor->text();
    m_service->writeRaw(m_file, text, m_sha).then(this, [this](const Result<QJsonObject> &r) {
        m_busy = false;
        if (!r) {
            const Error &e = r.error();
            QString message = e.message;
            if (!e.detail.isEmpty())
                message += QStringLiteral("\n") + e.detail.left(600);
            if (e.code == ErrorCode::SiteChangedMeanwhile)
                message += QStringLiteral("\n") + Tr::tr("Copy your changes, then Reload.");
            if (e.code == ErrorCode::NginxConfigInvalid && !e.file.isEmpty() && e.file != m_file)
                message += QStringLiteral("\n") + Tr::tr("In %1, line %2").arg(e.file).arg(e.line);
            showStatus(message, true);
            if (e.code == ErrorCode::NginxConfigInvalid && e.line > 0 && (e.file.isEmpty() || e.file == m_file)) {
                m_editor->addDiagnostic({e.line, 0, e.detail.isEmpty() ? e.message : e.detail,
                                         Editor::Diagnostic::Severity::Error});
                m_editor->goTo(e.line);
            }
            m_save->setEnabled(m_editor->isModified());
            return;
        }
        ++m_saves;
        m_sha = r->value(QLatin1String("sha256")).toString();
        m_editor->setModified(false);
        showStatus(applyOutcomeText(*r), false);
        emit applied(*r);
    });
}

} // namespace Qwq::Websites
