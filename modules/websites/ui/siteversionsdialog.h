// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Qwq::Editor {
class CodeEditor;
}

namespace Qwq::Websites {

class WebsitesService;

/// The stored versions of the nginx files (`websites.versions`, one site's or all): each
/// change qwq applied, newest first. Selecting one shows what rolling back to before it would
/// change (`websites.diff {version}`); "Roll Back" applies that through the same staged check
/// (`websites.rollback`, itself recorded as a new version).
class SiteVersionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteVersionsDialog)
public:
    SiteVersionsDialog(WebsitesService *service, const QString &domain, QWidget *parent = nullptr);

    void reload();
    bool selectVersion(int version);
    void rollBack();
    QTreeWidget *versionList() const { return m_list; }
    Editor::CodeEditor *diffView() const { return m_diff; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QLabel *statusLabel() const { return m_status; }
    int loads() const { return m_loads; }
    int diffsShown() const { return m_diffs; }

signals:
    void rolledBack(const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showDiff(int version);
    void showStatus(const QString &text, bool error);

    WebsitesService *m_service;
    QString m_domain;
    QTreeWidget *m_list;
    Editor::CodeEditor *m_diff;
    QLabel *m_status;
    QPushButton *m_rollback;
    QPushButton *m_close;
    int m_selected = 0;
    quint64 m_generation = 0;
    bool m_busy = false;
    int m_loads = 0;
    int m_diffs = 0;
};

} // namespace Qwq::Websites
