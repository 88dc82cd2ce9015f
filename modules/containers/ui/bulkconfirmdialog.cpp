// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkconfirmdialog.h"

#include <containers/core/containerstr.h>
#include <core/core/redact.h>
#include <workbench/ui/confirmcalldialog.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Qwq::Containers {

BulkConfirmDialog::BulkConfirmDialog(const Request &request, QWidget *parent)
    : QDialog(parent), m_request(request)
{
    setObjectName(QStringLiteral("bulkConfirmDialog"));
    const bool typed = request.risk == Helper::Risk::Destructive || request.risk == Helper::Risk::Unknown;
    setWindowTitle(typed ? Tr::tr("Confirm an irreversible change") : Tr::tr("Confirm a change"));
    const int n = int(request.params.size());
    auto *intro = new QLabel(typed ? Tr::tr("These %1 calls cannot be undone. Read them, then type the "
                                            "server's name to approve them.").arg(n)
                                   : Tr::tr("This profile asks before every change. These %1 calls "
                                            "will be sent:").arg(n),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *server = new QLabel(request.serverName, this);
    server->setTextFormat(Qt::PlainText);
    form->addRow(Tr::tr("Server:"), server);
    auto *method = new QLabel(request.method, this);
    method->setTextFormat(Qt::PlainText);
    form->addRow(Tr::tr("Operation:"), method);
    m_calls = new QPlainTextEdit(this);
    m_calls->setObjectName(QStringLiteral("bulkCalls"));
    m_calls->setReadOnly(true);
    m_calls->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_calls->setMinimumHeight(120);
    form->addRow(Tr::tr("Calls:"), m_calls);
    if (!request.optionText.isEmpty()) {
        m_option = new QCheckBox(request.optionText, this);
        m_option->setObjectName(QStringLiteral("bulkOption"));
        form->addRow(QString(), m_option);
        connect(m_option, &QCheckBox::toggled, this, &BulkConfirmDialog::updateCalls);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(Tr::tr("Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    buttons->addButton(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (typed) {
        m_typed = Workbench::addTypedConfirmation(form, m_approve, request.typedWord);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    updateCalls();
}

QList<QJsonObject> BulkConfirmDialog::approvedParams() const
{
    QList<QJsonObject> out = m_request.params;
    if (m_option) {
        for (QJsonObject &p : out)
            p.insert(m_request.optionKey, m_option->isChecked());
    }
    return out;
}

void BulkConfirmDialog::updateCalls()
{
    QStringList lines;
    for (const QJsonObject &p : approvedParams()) {
        lines << QStringLiteral("%1 %2").arg(m_request.method,
                                             QString::fromUtf8(QJsonDocument(Redact::maskJson(p).toObject())
                                                                   .toJson(QJsonDocument::Compact)));
    }
    m_calls->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace Qwq::Containers
