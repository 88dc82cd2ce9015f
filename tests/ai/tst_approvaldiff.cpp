// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The approval card of a config change (offscreen): the diff of current vs proposed text above
// the buttons, the long param shown as a pointer to it, and the answer.
#include <ai/ui/toolcallcard.h>
#include <editor/ui/diffview.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace Qwq;
using namespace Qwq::Ai;

class tst_ApprovalDiff : public QObject
{
    Q_OBJECT

    static ApprovalRequest request(bool exists)
    {
        ApprovalRequest r;
        r.callId = "call_1";
        r.toolName = "compose_deploy";
        r.method = "compose.deploy";
        r.risk = Helper::Risk::Mutating;
        r.params = {{"project", "shop"}, {"yaml", "services:\n  web:\n    image: nginx:1.27\n"}};
        ConfigDiff d;
        d.label = "compose.yml";
        d.language = "yaml";
        d.current = exists ? "services:\n  web:\n    image: nginx:1.25\n" : QString();
        d.proposed = r.params.value("yaml").toString();
        d.currentExists = exists;
        d.note = exists ? QString() : QStringLiteral("<b>no such project</b>");
        r.diff = d;
        r.diffParam = "yaml";
        return r;
    }

private slots:
    void cardShowsTheDiffBeforeApproval()
    {
        ToolCallCard card;
        card.resize(520, 600);
        ToolCallRecord rec;
        rec.callId = "call_1";
        rec.toolName = "compose_deploy";
        rec.method = "compose.deploy";
        rec.risk = Helper::Risk::Mutating;
        rec.status = ToolCallStatus::AwaitingApproval;
        rec.params = request(true).params;
        card.setRecord(rec);
        QVERIFY(!card.diffView());
        QFuture<Approval> answer = card.askApproval(request(true), "tester");
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        Editor::DiffView *diff = card.diffView();
        QVERIFY(diff && diff->isVisible());
        QCOMPARE(diff->mode(), Editor::DiffView::Mode::Unified);
        QCOMPARE(diff->diff().removedCount(), 1);
        QCOMPARE(diff->diff().addedCount(), 1);
        QVERIFY(diff->leftEditor()->text().contains("nginx:1.25"));
        QVERIFY(diff->leftEditor()->text().contains("nginx:1.27"));
        QVERIFY(card.diffTitle()->isVisible());
        QVERIFY(card.diffTitle()->text().contains("compose.yml"));
        // The YAML is not repeated in the params line: it points to the diff.
        auto *params = card.findChild<QLabel *>("callParams");
        QVERIFY(params->text().contains("shown as a diff below"));
        QVERIFY(!params->text().contains("nginx:1.27"));
        QVERIFY(params->text().contains("\"project\":\"shop\""));
        card.approveButton()->click();
        QVERIFY(answer.isFinished());
        QVERIFY(answer.result().approved);
        QVERIFY(!diff->isVisible()); // the question is gone with its answer
    }

    void newFileSaysWhyThereIsNoCurrentText()
    {
        ToolCallCard card;
        ToolCallRecord rec;
        rec.toolName = "compose_deploy";
        rec.method = "compose.deploy";
        rec.risk = Helper::Risk::Mutating;
        rec.status = ToolCallStatus::AwaitingApproval;
        card.setRecord(rec);
        QFuture<Approval> answer = card.askApproval(request(false), "tester");
        QVERIFY(card.diffView());
        QCOMPARE(card.diffView()->diff().addedCount(), 3);
        QCOMPARE(card.diffView()->diff().removedCount(), 0);
        QCOMPARE(card.diffTitle()->textFormat(), Qt::PlainText); // the note came from the server
        QVERIFY(card.diffTitle()->text().contains("<b>no such project</b>"));
        card.denyButton()->click();
        QVERIFY(!answer.result().approved);
    }

    void aCallWithoutDiffShowsNone()
    {
        ToolCallCard card;
        ApprovalRequest r = request(true);
        card.askApproval(r, "tester");
        QVERIFY(card.diffView());
        r.diff.reset();
        r.diffParam.clear();
        card.askApproval(r, "tester");
        QVERIFY(card.diffView()->isHidden());
        QVERIFY(card.diffTitle()->isHidden());
    }
};

QTEST_MAIN(tst_ApprovalDiff)
#include "tst_approvaldiff.moc"
