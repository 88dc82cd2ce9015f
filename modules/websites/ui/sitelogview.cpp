// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitelogview.h"

#include <websites/core/websitesservice.h>
#include <websites/core/websitestr.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Qwq::Websites {

SiteLogView::SiteLogView(WebsitesService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    m_log = new QComboBox(this);
    m_log->setObjectName(QStringLiteral("logKind"));
    m_log->addItem(QString(), QStringLiteral("access"));
    m_log->addItem(QString(), QStringLiteral("error"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setClearButtonEnabled(true);
    m_countLabel = new QLabel(this);
    m_count = new QSpinBox(this);
    m_count->setRange(10, 10000);
    m_count->setValue(200);
    m_follow = new QCheckBox(this);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_show = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(20000);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_show, &QPushButton::clicked, this, &SiteLogView::load);
    connect(m_filter, &QLineEdit::returnPressed, this, &SiteLogView::load);
    connect(m_log, &QComboBox::currentIndexChanged, this, &SiteLogView::load);
    connect(m_follow, &QCheckBox::toggled, this, &SiteLogView::load);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_log);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_countLabel);
    bar->addWidget(m_count);
    bar->addWidget(m_follow);
    bar->addWidget(m_show);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_status);
    retranslate();
}

SiteLogView::~SiteLogView()
{
    stop();
}

void SiteLogView::retranslate()
{
    m_log->setItemText(0, Tr::tr("Access log"));
    m_log->setItemText(1, Tr::tr("Error log"));
    m_filter->setPlaceholderText(Tr::tr("Only lines containing… (e.g. \" 404 \" or /api)"));
    m_countLabel->setText(Tr::tr("Last"));
    m_count->setSuffix(Tr::tr(" lines"));
    m_follow->setText(Tr::tr("Follow"));
    m_show->setText(Tr::tr("Show"));
}

void SiteLogView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void SiteLogView::setSite(const QString &domain, const QString &id)
{
    if (domain == m_domain && id == m_id)
        return;
    stop();
    m_domain = domain;
    m_id = id;
    m_text->clear();
    m_lines = 0;
    m_status->clear();
}

void SiteLogView::stop()
{
    ++m_generation;
    if (m_running.isRunning())
        m_running.cancel();
    m_running = {};
}

void SiteLogView::load()
{
    stop();
    if (m_domain.isEmpty() && m_id.isEmpty())
        return;
    m_text->clear();
    m_lines = 0;
    WebsitesService::LogQuery q;
    q.domain = m_domain;
    q.id = m_domain.isEmpty() ? m_id : QString();
    q.log = m_log->currentData().toString();
    q.lines = m_count->value();
    q.follow = m_follow->isChecked();
    q.filter = m_filter->text();
    m_followRequested = q.follow;
    m_status->setText(Tr::tr("Reading…"));
    const quint64 generation = m_generation;
    m_running = m_service->logs(q, [this, generation](const QStringList &lines) {
        if (generation != m_generation)
            return;
        m_text->appendPlainText(lines.join(QLatin1Char('\n')));
        m_lines += int(lines.size());
        if (m_followRequested)
            m_status->setText(Tr::tr("Following: %n line(s)", nullptr, m_lines));
    });
    m_running.then(this, [this, generation](const Result<QJsonValue> &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            if (r.error().code != ErrorCode::Cancelled) {
                m_status->setText(r.error().message);
                emit errorOccurred(r.error());
            }
            return;
        }
        m_path = r->toObject().value(QLatin1String("path")).toString();
        m_status->setText(m_lines == 0 ? Tr::tr("No matching lines in %1.").arg(m_path)
                                       : Tr::tr("%n line(s) from %1.", nullptr, m_lines).arg(m_path));
    });
}

} // namespace Qwq::Websites
