// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;

namespace Qwq::Editor {
class CodeEditor;
}

namespace Qwq::Websites {

class WebsitesService;

/// The raw editor of one site's file (nginx highlighting): read with `websites.get`, saved with
/// `websites.writeRaw` against the hash it was read with, so a file changed meanwhile on the
/// server is never overwritten (the user reloads it). nginx's refusal is marked on its line.
/// A managed site's file edited here stays managed; its form shows what it would replace.
class RawConfigDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawConfigDialog)
public:
    /// Opens a managed site by `domain`, or any server block's file by `id`.
    RawConfigDialog(WebsitesService *service, const QString &domain, const QString &id, QWidget *parent = nullptr);

    void reload();
    void save();
    Editor::CodeEditor *editor() const { return m_editor; }
    QString file() const { return m_file; }
    QString baseSha256() const { return m_sha; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *reloadButton() const { return m_reload; }
    int loads() const { return m_loads; }
    int saves() const { return m_saves; }
    bool busy() const { return m_busy; }

signals:
    void applied(const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showStatus(const QString &text, bool error);

    WebsitesService *m_service;
    QString m_domain;
    QString m_id;
    QString m_file;
    QString m_sha;
    QLabel *m_path;
    Editor::CodeEditor *m_editor;
    QLabel *m_status;
    QPushButton *m_reload;
    QPushButton *m_save;
    QPushButton *m_close;
    bool m_busy = false;
    int m_loads = 0;
    int m_saves = 0;
};

} // namespace Qwq::Websites
