// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composedeploydialog.h"

#include <containers/core/containersservice.h>
#include <containers/core/containertypes.h>
#include <containers/core/containerstr.h>
#include <containers/core/yamlcheck.h>
#include <editor/ui/codeeditor.h>
#include <editor/ui/diffview.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Qwq::Containers {

namespace {
const char kTemplate[] = "services:\n"
                         "  web:\n"
                         "    image: nginx:1.25\n"
                         "    restart: unless-stopped\n"
                         "    ports:\n"
                         "      - \"127.0.0.1:8080:80\"\n";

/// The line and column the helper's message names ("line 3, column 5"), else {0, 0}.
std::pair<int, int> locate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("line (\\d+)(?:,? column (\\d+))?"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {0, 0};
    return {m.captured(1).toInt(), m.captured(2).toInt()};
}
} // namespace

ComposeDeployDialog::ComposeDeployDialog(ContainersService *service, const QString &project,
                                         const QStringList &existing, QWidget *parent)
    : QDialog(parent), m_service(service), m_existing(existing)
{
    setObjectName(QStringLiteral("composeDeployDialog"));
    setWindowTitle(project.isEmpty() ? Tr::tr("Deploy a Compose Project")
                                     : Tr::tr("Redeploy %1").arg(project));
    m_project = new QLineEdit(project, this);
    m_project->setObjectName(QStringLiteral("deployProject"));
    m_project->setReadOnly(!project.isEmpty());
    m_project->setPlaceholderText(Tr::tr("lower-case letters, digits, “_” and “-”"));
    m_editor = new Editor::CodeEditor(this);
    m_editor->setObjectName(QStringLiteral("deployEditor"));
    m_editor->setLanguage(QStringLiteral("yaml"));
    if (project.isEmpty())
        m_editor->setText(QString::fromLatin1(kTemplate));

    m_findings = new QTreeWidget(this);
    m_findings->setObjectName(QStringLiteral("deployFindings"));
    m_findings->setHeaderLabels({Tr::tr("Severity"), Tr::tr("Service"), Tr::tr("Line"), Tr::tr("Finding")});
    m_findings->setRootIsDecorated(false);
    m_findings->header()->setStretchLastSection(true);
    connect(m_findings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const int line = item->text(2).toInt(); line > 0)
            m_editor->goTo(line, 1);
    });
    m_diff = new Editor::DiffView(this);
    m_diff->setObjectName(QStringLiteral("deployDiff"));
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_findings, Tr::tr("Findings"));
    m_tabs->addTab(m_diff, Tr::tr("Changes"));
    m_tabs->addTab(m_output, Tr::tr("Output"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_accept = new QCheckBox(Tr::tr("Deploy despite the high-risk findings above"), this);
    m_accept->setObjectName(QStringLiteral("acceptRisks"));
    m_accept->setVisible(false);
    connect(m_accept, &QCheckBox::toggled, this, &ComposeDeployDialog::updateDeployButton);

    auto *buttons = new QDialogButtonBox(this);
    m_check = buttons->addButton(Tr::tr("Check"), QDialogButtonBox::ActionRole);
    m_check->setObjectName(QStringLiteral("deployCheck"));
    m_deploy = buttons->addButton(Tr::tr("Deploy"), QDialogButtonBox::AcceptRole);
    m_deploy->setObjectName(QStringLiteral("deployGo"));
    m_deploy->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_check, &QPushButton::clicked, this, &ComposeDeployDialog::check);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_deploy, &QPushButton::clicked, this, &ComposeDeployDialog::deploy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &Editor::CodeEditor::textChanged, this, &ComposeDeployDialog::updateDeployButton);
    connect(m_project, &QLineEdit::textChanged, this, &ComposeDeployDialog::updateDeployButton);

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Project:"), m_project);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_accept);
    layout->addWidget(buttons);
    resize(860, 720);
    setStatus(Tr::tr("Write the compose file, then Check: nothing changes on the server until Deploy."), false);

    if (!project.isEmpty()) {
        setStatus(Tr::tr("Loading the current file…"), false);
        m_service->composeFiles(project).then(this, [this](const Result<QJsonObject> &r) {
            if (!r)
                return setStatus(r.error().message, true);
            const QJsonArray files = r->value(QLatin1String("files")).toArray();
            m_editor->setText(files.isEmpty() ? QString()
                                              : files.first().toObject().value(QLatin1String("content")).toString());
            m_editor->setModified(false);
            setStatus(Tr::tr("Edit, then Check: nothing changes on the server until Deploy."), false);
        });
    }
}

QString ComposeDeployDialog::statusText() const
{
    return m_status->text();
}

void ComposeDeployDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
}

void ComposeDeployDialog::updateDeployButton()
{
    const bool current = m_checkedOk && m_editor->text() == m_checkedText;
    m_deploy->setEnabled(!m_busy && current && (!m_highRisk || m_accept->isChecked()));
    if (m_checkedOk && !current)
        setStatus(Tr::tr("Changed since the last check: Check again before deploying."), false);
}

void ComposeDeployDialog::check()
{
    const QString project = m_project->text().trimmed();
    if (!ContainersService::isValidProjectName(project)) {
        setStatus(Tr::tr("“%1” is not a valid project name: use lower-case letters, digits, “_” and “-”, "
                         "starting with a letter or digit").arg(project), true);
        return;
    }
    const QString yaml = m_editor->text();
    const quint64 gen = ++m_generation;
    m_checkedOk = false;
    m_highRisk = false;
    m_accept->setVisible(false);
    m_accept->setChecked(false);
    m_editor->clearDiagnostics();
    m_findings->clear();
    updateDeployButton();
    setStatus(Tr::tr("Checking…"), false);
    m_service->composeValidate(yaml, project).then(this, [this, gen, yaml, project](const Result<QJsonObject> &r) {
        if (gen != m_generation)
            return;
        if (!r) {
            const Error &e = r.error();
            auto [line, column] = locate(e.detail);
            if (line == 0 && e.code == ErrorCode::ComposeInvalid) {
                const YamlLocation here = locateYamlProblem(yaml, e.detail);
                line = here.line;
                column = here.column;
            }
            if (line > 0) {
                m_editor->setDiagnostics({Editor::Diagnostic{line, column, e.detail}});
                m_editor->goTo(line, qMax(column, 1));
                setStatus(Tr::tr("%1 at line %2: %3").arg(e.message).arg(line).arg(e.detail), true);
            } else {
                setStatus(e.detail.isEmpty() ? e.message : Tr::tr("%1: %2").arg(e.message, e.detail), true);
            }
            return;
        }
        m_service->composeLint(yaml, project).then(this, [this, gen, yaml, project](const Result<QJsonObject> &l) {
            if (gen != m_generation)
                return;
            if (!l)
                return setStatus(l.error().message, true);
            showFindings(*l);
            m_checkedText = yaml;
            m_checkedOk = true;
            updateDeployButton();
            loadDiff(project, yaml);
        });
    });
}

void ComposeDeployDialog::showFindings(const QJsonObject &lint)
{
    QList<Editor::Diagnostic> diags;
    int high = 0;
    bool portTaken = false;
    for (const QJsonValue &v : lint.value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString severity = f.value(QLatin1String("severity")).toString();
        const QString rule = f.value(QLatin1String("rule")).toString();
        const int line = f.value(QLatin1String("line")).toInt();
        const QString message = f.value(QLatin1String("message")).toString();
        if (rule == QLatin1String("port-in-use"))
            portTaken = true;
        else if (severity == QLatin1String("high"))
            ++high;
        const QString sevText = severity == QLatin1String("high") ? Tr::tr("High")
                                : severity == QLatin1String("medium") ? Tr::tr("Medium") : Tr::tr("Low");
        auto *item = new QTreeWidgetItem(m_findings, {sevText, f.value(QLatin1String("service")).toString(),
                                                      line > 0 ? QString::number(line) : QString(),
                                                      QStringLiteral("%1 (%2)").arg(message, rule)});
        item->setToolTip(3, plainToolTip(f.value(QLatin1String("path")).toString()));
        if (line > 0)
            diags << Editor::Diagnostic{line, f.value(QLatin1String("column")).toInt(), message,
                                        severity == QLatin1String("high") ? Editor::Diagnostic::Severity::Error
                                                                           : Editor::Diagnostic::Severity::Warning};
    }
    m_editor->setDiagnostics(diags);
    m_highRisk = high > 0;
    m_accept->setVisible(m_highRisk);
    const int n = m_findings->topLevelItemCount();
    if (portTaken) {
        m_checkedOk = false;
        setStatus(Tr::tr("A port this file publishes is already in use on the server (see Findings)."), true);
    } else if (m_highRisk) {
        setStatus(Tr::tr("Valid, with %1 high-risk findings: read them before deploying.").arg(high), true);
    } else if (n > 0) {
        setStatus(Tr::tr("Valid; %1 findings to consider.").arg(n), false);
    } else {
        setStatus(Tr::tr("Valid; nothing risky found."), false);
    }
    m_tabs->setCurrentWidget(n > 0 ? static_cast<QWidget *>(m_findings) : static_cast<QWidget *>(m_diff));
}

void ComposeDeployDialog::loadDiff(const QString &project, const QString &yaml)
{
    if (!m_existing.contains(project)) {
        m_diff->setTexts(QString(), yaml, Tr::tr("nothing (new project)"), Tr::tr("proposed"));
        return;
    }
    const quint64 gen = m_generation;
    m_service->composeFiles(project).then(this, [this, gen, yaml](const Result<QJsonObject> &r) {
        if (gen != m_generation)
            return;
        const QJsonArray files = r ? r->value(QLatin1String("files")).toArray() : QJsonArray();
        const QString current = files.isEmpty() ? QString()
                                                 : files.first().toObject().value(QLatin1String("content")).toString();
        m_diff->setTexts(current, yaml, Tr::tr("running now"), Tr::tr("proposed"));
    });
}

void ComposeDeployDialog::deploy()
{
    if (!m_deploy->isEnabled())
        return;
    const QString project = m_project->text().trimmed();
    m_busy = true;
    updateDeployButton();
    m_tabs->setCurrentWidget(m_output);
    setStatus(Tr::tr("Deploying %1…").arg(project), false);
    QPointer<QPlainTextEdit> out(m_output);
    m_service->composeDeploy(project, m_checkedText, m_accept->isChecked(), [out](bool, const QJsonArray &lines) {
        if (!out)
            return;
        for (const QJsonValue &l : lines)
            out->appendPlainText(l.toString());
    }).then(this, [this, project](const Result<QJsonValue> &r) {
        m_busy = false;
        updateDeployButton();
        if (!r) {
            setStatus(r.error().detail.isEmpty() ? r.error().message
                                                 : Tr::tr("%1: %2").arg(r.error().message, r.error().detail), true);
            return;
        }
        setStatus(Tr::tr("Deployed %1 as version %2.").arg(project).arg(r->toObject().value(QLatin1String("version")).toInt()),
                  false);
        emit deployed(project);
    });
}

} // namespace Qwq::Containers
