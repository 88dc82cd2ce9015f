// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ai/core/agenttypes.h>

#include <QFrame>
#include <QFuture>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
template<typename T> class QPromise;

namespace Qwq::Editor {
class DiffView;
}

namespace Qwq::Ai {

/// One tool call in the chat: tool and helper method, risk class (from the helper's table),
/// the parameters exactly as they will be sent (secret-named fields masked), status, and the
/// output behind a toggle. A call that changes the server is approved or denied right here;
/// a destructive one needs the typed word; a config change shows current vs proposed text as a
/// diff (Editor::DiffView) above the buttons. Output that tried to instruct the AI is marked.
/// Everything from the server or the model is shown as plain text.
class ToolCallCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolCallCard)
public:
    explicit ToolCallCard(QWidget *parent = nullptr);
    ~ToolCallCard() override;

    void setRecord(const ToolCallRecord &record);
    const ToolCallRecord &record() const { return m_record; }
    /// Shows the approval controls; the future resolves when the user answers (Approve needs
    /// the typed word first when the request asks for one). `approvedBy` goes into the answer.
    QFuture<Approval> askApproval(const ApprovalRequest &request, const QString &approvedBy);
    /// The turn ended or was stopped: the question is gone.
    void withdrawApproval();
    bool isAwaitingAnswer() const;

    QPushButton *approveButton() const { return m_approve; }
    QPushButton *denyButton() const { return m_deny; }
    QLineEdit *typedField() const { return m_typed; }
    /// The current-vs-proposed diff of a config change (null until a request brings one).
    Editor::DiffView *diffView() const { return m_diff; }
    QLabel *diffTitle() const { return m_diffTitle; }
    QString statusText() const;
    bool outputShown() const;

    static QString riskText(Helper::Risk risk);
    static QString statusName(ToolCallStatus status);

protected:
    void changeEvent(QEvent *e) override;

private:
    void refresh();
    void answer(bool approved);

    ToolCallRecord m_record;
    ApprovalRequest m_request;
    QString m_approvedBy;
    std::shared_ptr<QPromise<Approval>> m_promise;
    QLabel *m_title;
    QLabel *m_risk;
    QLabel *m_status;
    QLabel *m_params;
    QLabel *m_suspicious;
    QFrame *m_approval;
    QLabel *m_approvalText;
    QLabel *m_diffTitle = nullptr;
    Editor::DiffView *m_diff = nullptr;
    QString m_diffParam;
    QLabel *m_afterSuspicious;
    QLabel *m_typedLabel;
    QLineEdit *m_typed;
    QPushButton *m_approve;
    QPushButton *m_deny;
    QLabel *m_summary;
    QToolButton *m_outputToggle;
    QPlainTextEdit *m_output;
};

} // namespace Qwq::Ai
