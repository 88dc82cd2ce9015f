// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <helper/core/methodtable.h>

#include <QDialog>
#include <QFuture>
#include <QJsonObject>
#include <QList>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Qwq::Containers {

/// Confirms one action on several containers at once, like the app's ConfirmCallDialog does
/// for one call: it lists every literal call that will be sent (method and parameters) and,
/// for calls that cannot be undone, asks for the server's name to be typed. An optional
/// checkbox adds a parameter to every call (remove: `force`), and the list follows it.
class BulkConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkConfirmDialog)
public:
    struct Request
    {
        QString serverName;
        QString method;
        QList<QJsonObject> params;     // one call each
        Helper::Risk risk = Helper::Risk::Mutating;
        QString typedWord;             // destructive: what must be typed
        QString optionText;            // empty: no checkbox
        QString optionKey;             // the boolean parameter the checkbox sets
    };

    explicit BulkConfirmDialog(const Request &request, QWidget *parent = nullptr);

    /// The calls as approved (with the option applied).
    QList<QJsonObject> approvedParams() const;
    QLineEdit *typedField() const { return m_typed; }
    QPushButton *approveButton() const { return m_approve; }
    QCheckBox *optionBox() const { return m_option; }

private:
    void updateCalls();

    Request m_request;
    QPlainTextEdit *m_calls = nullptr;
    QLineEdit *m_typed = nullptr;
    QCheckBox *m_option = nullptr;
    QPushButton *m_approve = nullptr;
};

} // namespace Qwq::Containers
