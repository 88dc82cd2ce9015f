// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <websites/core/sitetypes.h>

#include <QDialog>
#include <QJsonObject>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Qwq::Websites {

class WebsitesService;

/// The form of a hand-written site: the directives qwq may change in its server block
/// (`websites.edit`: server_name, listen, root, index, client_max_body_size, gzip, logs,
/// certificate, return), one row each, read from the file. Saving sends only the rows that
/// changed; an emptied row removes its directive. Every other byte of the file stays as the
/// user wrote it (the helper splices the arguments in place).
class DirectiveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectiveDialog)
public:
    DirectiveDialog(WebsitesService *service, const SiteEntry &site, QWidget *parent = nullptr);

    void load();
    void save();
    /// The field of `name` (the `index`th occurrence), or null.
    QLineEdit *field(const QString &name, int index = 0) const;
    QList<DirectiveChange> changes() const;
    bool loaded() const { return m_loaded; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }

signals:
    void applied(const QJsonObject &result);

protected:
    void changeEvent(QEvent *e) override;

private:
    struct Row
    {
        QString name;
        int line = 0;
        bool repeated = false;
        QString original;
        QLineEdit *edit = nullptr;
    };
    void retranslate();
    void showStatus(const QString &text, bool error);

    WebsitesService *m_service;
    SiteEntry m_site;
    QLabel *m_intro;
    QFormLayout *m_form;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QList<Row> m_rows;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace Qwq::Websites
