// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <core/core/result.h>

#include <QFuture>
#include <QJsonValue>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Qwq::Websites {

class WebsitesService;

/// A site's access or error log (`websites.logs`): the last N lines matching a filter, then
/// optionally followed (new lines appended as nginx writes them, rotation followed). Shows at
/// most 20,000 lines; plain text only.
class SiteLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteLogView)
public:
    explicit SiteLogView(WebsitesService *service, QWidget *parent = nullptr);
    ~SiteLogView() override;

    /// The site whose logs to show: a managed site's domain, else a server block's id.
    void setSite(const QString &domain, const QString &id);
    void load();
    void stop();

    QComboBox *logBox() const { return m_log; }
    QLineEdit *filterField() const { return m_filter; }
    QCheckBox *followBox() const { return m_follow; }
    QPlainTextEdit *text() const { return m_text; }
    QLabel *statusLabel() const { return m_status; }
    int lineCount() const { return m_lines; }
    bool following() const { return m_running.isRunning() && m_followRequested; }

signals:
    void errorOccurred(const Qwq::Error &error);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();

    WebsitesService *m_service;
    QString m_domain;
    QString m_id;
    QComboBox *m_log;
    QLineEdit *m_filter;
    QSpinBox *m_count;
    QCheckBox *m_follow;
    QPushButton *m_show;
    QLabel *m_countLabel;
    QLabel *m_status;
    QPlainTextEdit *m_text;
    QFuture<Result<QJsonValue>> m_running;
    quint64 m_generation = 0;
    bool m_followRequested = false;
    int m_lines = 0;
    QString m_path;
};

} // namespace Qwq::Websites
