// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolcallcard.h"

#include <ai/core/aitr.h>
#include <core/core/redact.h>
#include <editor/ui/diffview.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Qwq::Ai {

using Helper::Risk;

namespace {

QLabel *plainLabel(QWidget *parent, bool wrap = true)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);   // tool names, params and output come from the model/server
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(wrap);
    return l;
}

QString riskColor(Risk r)
{
    switch (r) {
    case Risk::Read: return QStringLiteral("#3a8f4b");
    case Risk::SecretRead: return QStringLiteral("#5b5fc7");
    case Risk::Mutating: return QStringLiteral("#c77700");
    case Risk::Destructive:
    case Risk::Unknown: break;
    }
    return QStringLiteral("#c62828");
}

QString firstLine(const QString &text, int max)
{
    QString s = text.simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

} // namespace

ToolCallCard::ToolCallCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("toolCallCard"));
    // The card must fit the chat column however narrow it is: the head wraps.
    m_title = plainLabel(this, true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_risk = new QLabel(this);
    m_risk->setTextFormat(Qt::PlainText);
    m_risk->setObjectName(QStringLiteral("riskBadge"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("callStatus"));
    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    head->addWidget(m_title, 1);
    head->addWidget(m_risk);
    head->addWidget(m_status);

    m_params = plainLabel(this);
    m_params->setObjectName(QStringLiteral("callParams"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_params->setFont(mono);

    m_suspicious = plainLabel(this);
    m_suspicious->setObjectName(QStringLiteral("suspiciousMarker"));
    m_suspicious->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3cd; color: #6b4500; border: 1px solid #e0a800;"
        " border-radius: 3px; padding: 4px; }"));
    m_suspicious->hide();

    // Approval: inline, with the literal call above it.
    m_approval = new QFrame(this);
    m_approval->setObjectName(QStringLiteral("approvalBox"));
    m_approvalText = new QLabel(m_approval);
    m_approvalText->setWordWrap(true);
    m_afterSuspicious = new QLabel(m_approval);
    m_afterSuspicious->setObjectName(QStringLiteral("afterSuspicious"));
    m_afterSuspicious->setWordWrap(true);
    m_afterSuspicious->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #c62828;"
        " border-radius: 3px; padding: 4px; font-weight: bold; }"));
    m_typedLabel = new QLabel(m_approval);
    m_typedLabel->setTextFormat(Qt::PlainText);
    m_typedLabel->setWordWrap(true);
    m_typed = new QLineEdit(m_approval);
    m_typed->setObjectName(QStringLiteral("typedConfirmation"));
    m_approve = new QPushButton(m_approval);
    m_approve->setObjectName(QStringLiteral("approveCall"));
    m_deny = new QPushButton(m_approval);
    m_deny->setObjectName(QStringLiteral("denyCall"));
    connect(m_approve, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_deny, &QPushButton::clicked, this, [this] { answer(false); });
    connect(m_typed, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_approve->setEnabled(!m_request.typed || t == m_request.typedWord);
    });
    connect(m_typed, &QLineEdit::returnPressed, this, [this] {
        if (m_approve->isEnabled())
            answer(true);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_typed, 1);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_deny);
    m_diffTitle = new QLabel(m_approval);
    m_diffTitle->setObjectName(QStringLiteral("diffTitle"));
    m_diffTitle->setTextFormat(Qt::PlainText);
    m_diffTitle->setWordWrap(true);
    m_diffTitle->hide();
    auto *al = new QVBoxLayout(m_approval);
    al->setContentsMargins(0, 4, 0, 0);
    al->addWidget(m_afterSuspicious);
    al->addWidget(m_diffTitle);
    al->addWidget(m_approvalText);
    al->addWidget(m_typedLabel);
    al->addLayout(buttons);
    m_approval->hide();

    m_summary = plainLabel(this);
    m_summary->setObjectName(QStringLiteral("outputSummary"));
    m_outputToggle = new QToolButton(this);
    m_outputToggle->setObjectName(QStringLiteral("outputToggle"));
    m_outputToggle->setCheckable(true);
    m_outputToggle->setAutoRaise(true);
    m_outputToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_outputToggle->setArrowType(Qt::RightArrow);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("callOutput"));
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumHeight(220);
    m_output->hide();
    connect(m_outputToggle, &QToolButton::toggled, this, [this](bool on) {
        m_output->setVisible(on);
        m_outputToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(m_outputToggle);
    outRow->addWidget(m_summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(head);
    layout->addWidget(m_params);
    layout->addWidget(m_approval);
    layout->addWidget(m_suspicious);
    layout->addLayout(outRow);
    layout->addWidget(m_output);
    refresh();
}

ToolCallCard::~ToolCallCard()
{
    withdrawApproval();
}

QString ToolCallCard::riskText(Risk r)
{
    switch (r) {
    case Risk::Read: return Tr::tr("reads only");
    case Risk::SecretRead: return Tr::tr("reads secrets (redacted)");
    case Risk::Mutating: return Tr::tr("changes the server");
    case Risk::Destructive: return Tr::tr("cannot be undone");
    case Risk::Unknown: break;
    }
    return Tr::tr("unknown: treated as cannot be undone");
}

QString ToolCallCard::statusName(ToolCallStatus s)
{
    switch (s) {
    case ToolCallStatus::AwaitingApproval: return Tr::tr("awaiting your approval");
    case ToolCallStatus::Running: return Tr::tr("running…");
    case ToolCallStatus::Done: return Tr::tr("done");
    case ToolCallStatus::Failed: return Tr::tr("failed");
    case ToolCallStatus::Denied: return Tr::tr("denied");
    case ToolCallStatus::Refused: return Tr::tr("refused, not run");
    }
    return {};
}

void ToolCallCard::setRecord(const ToolCallRecord &record)
{
    m_record = record;
    if (record.status != ToolCallStatus::AwaitingApproval && m_promise)
        withdrawApproval();
    refresh();
}

QString ToolCallCard::statusText() const
{
    return m_status->text();
}

bool ToolCallCard::outputShown() const
{
    return m_output->isVisible();
}

bool ToolCallCard::isAwaitingAnswer() const
{
    return m_promise != nullptr;
}

QFuture<Approval> ToolCallCard::askApproval(const ApprovalRequest &request, const QString &approvedBy)
{
    withdrawApproval();
    m_request = request;
    m_approvedBy = approvedBy;
    m_promise = std::make_shared<QPromise<Approval>>();
    m_promise->start();
    m_typed->clear();
    m_approve->setEnabled(!request.typed);
    m_diffParam = request.diff ? request.diffParam : QString();
    if (request.diff) {
        if (!m_diff) {
            m_diff = new Editor::DiffView(m_approval);
            m_diff->setObjectName(QStringLiteral("approvalDiff"));
            m_diff->setMinimumHeight(240);
            // The chat column is narrow: one column first; the view's button switches.
            m_diff->setMode(Editor::DiffView::Mode::Unified);
            auto *al = static_cast<QVBoxLayout *>(m_approval->layout());
            al->insertWidget(al->indexOf(m_diffTitle) + 1, m_diff, 1);
        }
        const ConfigDiff &d = *request.diff;
        m_diff->setTexts(d.current, d.proposed,
                         d.currentExists ? Tr::tr("On the server") : Tr::tr("(none)"),
                         Tr::tr("Proposed"));
        m_diff->show();
        m_diffTitle->show();
    } else if (m_diff) {
        m_diff->hide();
        m_diffTitle->hide();
    }
    refresh();
    m_approval->show();
    if (request.typed)
        m_typed->setFocus();
    return m_promise->future();
}

void ToolCallCard::withdrawApproval()
{
    if (!m_promise)
        return;
    const auto promise = std::exchange(m_promise, nullptr);
    promise->future().cancel();
    promise->finish();
    m_approval->hide();
}

void ToolCallCard::answer(bool approved)
{
    if (!m_promise)
        return;
    Approval a;
    a.approved = approved;
    a.typedText = m_typed->text();
    a.approvedBy = m_approvedBy;
    const auto promise = std::exchange(m_promise, nullptr);
    m_approval->hide();
    promise->addResult(a);
    promise->finish();
}

void ToolCallCard::refresh()
{
    const ToolCallRecord &r = m_record;
    m_title->setText(r.method.isEmpty() || r.method == r.toolName
                         ? r.toolName
                         : Tr::tr("%1 · %2").arg(r.toolName, r.method));
    m_risk->setText(riskText(r.risk));
    m_risk->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 3px;"
                                         " padding: 1px 6px; }").arg(riskColor(r.risk)));
    m_status->setText(statusName(r.status));
    setStyleSheet(QStringLiteral("QFrame#toolCallCard { border: 1px solid palette(mid);"
                                 " border-left: 4px solid %1; border-radius: 4px; }")
                      .arg(riskColor(r.risk)));
    QJsonObject masked = Redact::maskJson(r.params).toObject();
    if (!m_diffParam.isEmpty() && masked.contains(m_diffParam))
        masked.insert(m_diffParam, Tr::tr("(%1 lines, shown as a diff below)")
                                       .arg(r.params.value(m_diffParam).toString().count(QLatin1Char('\n')) + 1));
    // Compact JSON has no spaces: let it break after commas (zero-width spaces, display only).
    m_params->setText(masked.isEmpty()
                          ? Tr::tr("(no parameters)")
                          : QString::fromUtf8(QJsonDocument(masked).toJson(QJsonDocument::Compact))
                                .replace(QStringLiteral(",\""), QStringLiteral(",\u200b\"")));

    m_suspicious->setVisible(r.suspicious);
    if (r.suspicious) {
        QString text = Tr::tr("⚠ This output contained text that tries to instruct the AI. It was "
                              "not obeyed: anything that changes the server still needs your "
                              "approval here.");
        if (!r.injectionHints.isEmpty())
            text += QLatin1Char('\n')
                    + Tr::tr("Found: %1").arg(r.injectionHints.join(QStringLiteral(" · ")));
        m_suspicious->setText(text);
    }

    if (m_promise) {
        m_approvalText->setText(m_request.typed
                                    ? Tr::tr("The AI wants to make this call, which cannot be "
                                             "undone. Read it above; type the word to approve.")
                                    : Tr::tr("The AI wants to make this call, which changes the "
                                             "server. Read it above, then approve or deny."));
        m_afterSuspicious->setVisible(m_request.afterSuspiciousOutput);
        m_afterSuspicious->setText(Tr::tr("⚠ Earlier output in this conversation tried to "
                                          "instruct the AI. Make sure this call is something "
                                          "you want."));
        if (m_request.diff) {
            const ConfigDiff &d = *m_request.diff;
            const QString name = d.label.isEmpty() ? m_request.diffParam : d.label;
            m_diffTitle->setText(
                d.currentExists
                    ? Tr::tr("This call replaces %1. What changes:").arg(name)
                    : Tr::tr("This call writes %1; the current version could not be read (%2), "
                             "so all of it is shown as new.").arg(name, d.note));
        }
        m_typedLabel->setVisible(m_request.typed);
        m_typed->setVisible(m_request.typed);
        m_typedLabel->setText(Tr::tr("Type “%1” to approve:").arg(m_request.typedWord));
        m_typed->setPlaceholderText(m_request.typedWord);
    }
    m_approve->setText(Tr::tr("Approve"));
    m_deny->setText(Tr::tr("Deny"));

    const bool hasOutput = !r.output.isEmpty();
    m_outputToggle->setVisible(hasOutput);
    m_summary->setVisible(hasOutput);
    if (!hasOutput)
        m_output->hide();
    m_outputToggle->setText(Tr::tr("Output"));
    m_summary->setText(r.trimmed ? Tr::tr("%1 (trimmed)").arg(firstLine(r.output, 140))
                                 : firstLine(r.output, 140));
    if (m_output->toPlainText() != r.output)
        m_output->setPlainText(r.output);
}

void ToolCallCard::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(e);
}

} // namespace Qwq::Ai
