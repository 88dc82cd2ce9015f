// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `qwqctl ai ask PROFILE|--local "QUESTION" [--deny-all] [--json] [--tools FILE]`: one AI turn
// about a server from the command line. The provider comes from the AI settings and the
// keychain; for scripts and tests the environment overrides them:
//   QWQ_AI_BASE_URL   an OpenAI-compatible base URL (…/v1); makes the provider "custom"
//   QWQ_AI_MODEL      the model id
//   QWQ_AI_API_KEY    the API key (the keychain is then not read)
#include "qwqctlai.h"

#include "apptr.h"

#include <ai/core/agentturn.h>
#include <ai/core/helpertoolexecutor.h>
#include <ai/core/helpindex.h>
#include <ai/core/llmclient.h>
#include <ai/core/serverfacts.h>
#include <ai/core/toolregistry.h>
#include <containers/core/containertools.h>
#include <core/core/auditlog.h>
#include <core/core/redact.h>
#include <editor/core/textdiff.h>
#include <helper/core/helperclient.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/secretstore.h>
#include <websites/core/websitetools.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QPromise>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace Qwq::App::Ctl {

using namespace Qwq::Ai;

namespace {

volatile std::sig_atomic_t g_aiInterrupted = 0;
void onAiSigint(int) { g_aiInterrupted = 1; }

// Model and server text reach the terminal without control characters (no escape sequences).
QString printable(const QString &s)
{
    static const QRegularExpression controls(QStringLiteral("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]"));
    QString t = s;
    return t.remove(controls);
}

QString oneLine(const QString &s, int max)
{
    QString t = printable(s).simplified();
    return t.size() > max ? t.left(max - 1) + QChar(0x2026) : t;
}

QString riskText(Helper::Risk r)
{
    switch (r) {
    case Helper::Risk::Read: return Tr::tr("reads only");
    case Helper::Risk::SecretRead: return Tr::tr("reads secrets, redacted");
    case Helper::Risk::Mutating: return Tr::tr("changes the server");
    case Helper::Risk::Destructive: return Tr::tr("cannot be undone");
    case Helper::Risk::Unknown: break;
    }
    return Tr::tr("unknown, treated as cannot be undone");
}

QString osUser()
{
    if (const passwd *pw = getpwuid(getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

/// A config change as a unified diff for the terminal (coloured unless TERM is dumb), at
/// most 400 lines.
QString diffForTerminal(const ConfigDiff &d)
{
    const QString name = d.label.isEmpty() ? Tr::tr("the file") : d.label;
    QString out = d.currentExists
                      ? Tr::tr("  Changes to %1 (current → proposed):\n").arg(name)
                      : Tr::tr("  %1 could not be read (%2); all of it is new:\n")
                            .arg(name, printable(d.note));
    const Editor::TextDiff diff = Editor::TextDiff::compute(d.current, d.proposed);
    if (diff.isIdentical())
        return out + Tr::tr("  (no changes)\n");
    const bool colour = qEnvironmentVariable("TERM") != QLatin1String("dumb")
                        && qEnvironmentVariableIsEmpty("NO_COLOR");
    const QStringList lines = diff.toUnified(QStringLiteral("current/") + name,
                                             QStringLiteral("proposed/") + name)
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int shown = 0;
    for (const QString &line : lines) {
        if (++shown > 400) {
            out += Tr::tr("  … %1 more lines of diff not shown\n").arg(lines.size() - 400);
            break;
        }
        const QString text = printable(line);
        if (colour && line.startsWith(QLatin1Char('+')) && !line.startsWith(QLatin1String("+++")))
            out += QStringLiteral("  \x1b[32m") + text + QStringLiteral("\x1b[0m\n");
        else if (colour && line.startsWith(QLatin1Char('-')) && !line.startsWith(QLatin1String("---")))
            out += QStringLiteral("  \x1b[31m") + text + QStringLiteral("\x1b[0m\n");
        else if (colour && line.startsWith(QLatin1String("@@")))
            out += QStringLiteral("  \x1b[36m") + text + QStringLiteral("\x1b[0m\n");
        else
            out += QStringLiteral("  ") + text + QLatin1Char('\n');
    }
    return out;
}

/// Asks on /dev/tty; denies when there is no terminal or input ends.
Approval askOnTerminal(const ApprovalRequest &req, const QString &serverName)
{
    Approval a;
    a.approvedBy = osUser() + QStringLiteral(" (qwqctl)");
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        err() << Tr::tr("No terminal to ask for approval: denied.") << Qt::endl;
        return a;
    }
    const auto say = [fd](const QString &text) {
        const QByteArray b = text.toUtf8();
        [[maybe_unused]] auto n = ::write(fd, b.constData(), size_t(b.size()));
    };
    say(Tr::tr("\nThe AI wants to make this call on %1:\n").arg(printable(serverName)));
    say(QStringLiteral("  %1  (%2)\n").arg(printable(req.method), riskText(req.risk)));
    QJsonObject shown = Redact::maskJson(req.params).toObject();
    if (req.diff && shown.contains(req.diffParam))
        shown.insert(req.diffParam, Tr::tr("(%1 lines, shown as a diff below)")
                                        .arg(req.diff->proposed.count(QLatin1Char('\n')) + 1));
    say(QStringLiteral("  %1\n").arg(printable(QString::fromUtf8(
        QJsonDocument(shown).toJson(QJsonDocument::Compact)))));
    if (req.diff)
        say(diffForTerminal(*req.diff));
    if (req.afterSuspiciousOutput)
        say(Tr::tr("⚠ Earlier output in this turn tried to instruct the AI. Make sure this call "
                   "is something you want.\n"));
    say(req.typed ? Tr::tr("Type “%1” to approve (anything else denies): ").arg(req.typedWord)
                  : Tr::tr("Approve? [y/N] "));
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
        line.append(c);
    ::close(fd);
    const QString answer = QString::fromUtf8(line).trimmed();
    if (req.typed) {
        a.typedText = answer;
        a.approved = answer == req.typedWord;
    } else {
        a.approved = answer.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0
                     || answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
    }
    return a;
}

void printCall(const ToolCallRecord &r)
{
    switch (r.status) {
    case ToolCallStatus::AwaitingApproval:
        return;
    case ToolCallStatus::Running:
        err() << Tr::tr("→ %1 (%2, %3) %4")
                     .arg(printable(r.toolName), r.method, riskText(r.risk),
                          oneLine(QString::fromUtf8(QJsonDocument(Redact::maskJson(r.params).toObject())
                                                        .toJson(QJsonDocument::Compact)), 200))
              << Qt::endl;
        return;
    case ToolCallStatus::Done:
        err() << Tr::tr("✓ %1: %2").arg(printable(r.toolName), oneLine(r.output, 120)) << Qt::endl;
        break;
    case ToolCallStatus::Failed:
        err() << Tr::tr("✗ %1 failed: %2").arg(printable(r.toolName), oneLine(r.output, 160))
              << Qt::endl;
        break;
    case ToolCallStatus::Denied:
        err() << Tr::tr("✗ %1 (%2) denied: nothing was run").arg(printable(r.toolName), r.method)
              << Qt::endl;
        break;
    case ToolCallStatus::Refused:
        err() << Tr::tr("✗ %1 not run: %2").arg(printable(r.toolName), oneLine(r.output, 160))
              << Qt::endl;
        break;
    }
    if (r.suspicious)
        err() << Tr::tr("⚠ this output contained text that tries to instruct the AI (not obeyed)")
              << Qt::endl;
}

QJsonObject callJson(const ToolCallRecord &r)
{
    return {{QStringLiteral("tool"), r.toolName},
            {QStringLiteral("method"), r.method},
            {QStringLiteral("risk"), Helper::riskName(r.risk)},
            {QStringLiteral("params"), Redact::maskJson(r.params)},
            {QStringLiteral("status"), toolCallStatusName(r.status)},
            {QStringLiteral("approvedBy"), r.approvedBy},
            {QStringLiteral("suspicious"), r.suspicious}};
}

void printHelp(const QString &question)
{
    const auto index = HelpIndex::builtIn();
    if (!index)
        return;
    const QList<HelpTopic> topics = index->match(question, 2);
    if (topics.isEmpty())
        return;
    const QString lang = QLocale().name();
    err() << Qt::endl << Tr::tr("Bundled help (no model needed):") << Qt::endl;
    for (const HelpTopic &t : topics)
        err() << Qt::endl
              << QStringLiteral("## ") << t.title(lang) << Qt::endl
              << t.body(lang) << Qt::endl;
}

Result<void> addToolsFromFile(ToolRegistry &registry, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileError, Tr::tr("Cannot read %1").arg(path), f.errorString(), {},
                     QStringLiteral("tools"));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isArray())
        return Error(ErrorCode::InvalidParam,
                     Tr::tr("The tools file must hold a JSON array of tool definitions"), path, {},
                     QStringLiteral("tools"));
    // The keys of Tool and DiffSource (toolregistry.h); anything else is a mistake, named.
    const auto unknownKey = [&](const QJsonObject &o, const QStringList &known, const QString &where)
        -> std::optional<Error> {
        for (const QString &key : o.keys()) {
            if (!known.contains(key))
                return Error(ErrorCode::InvalidParam, Tr::tr("Unknown key \"%1\" in %2").arg(key, where), path,
                             {}, QStringLiteral("tools"));
        }
        return std::nullopt;
    };
    const QJsonArray list = doc.array();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QString where = QStringLiteral("tools[%1]").arg(i);
        if (auto e = unknownKey(o, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("parameters"),
                                    QStringLiteral("method"), QStringLiteral("fixedParams"),
                                    QStringLiteral("defaultParams"), QStringLiteral("diffSource")},
                                where))
            return *e;
        Tool t{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("description")).toString(),
               o.value(QStringLiteral("parameters")).toObject(), o.value(QStringLiteral("method")).toString(),
               o.value(QStringLiteral("fixedParams")).toObject(), o.value(QStringLiteral("defaultParams")).toObject()};
        if (o.contains(QStringLiteral("diffSource"))) {
            const QJsonObject d = o.value(QStringLiteral("diffSource")).toObject();
            if (auto e = unknownKey(d, {QStringLiteral("param"), QStringLiteral("method"), QStringLiteral("passParams"),
                                        QStringLiteral("passParamsAs"), QStringLiteral("fixedParams"),
                                        QStringLiteral("resultPath"), QStringLiteral("language"),
                                        QStringLiteral("label")},
                                    where + QStringLiteral(".diffSource")))
                return *e;
            DiffSource source;
            source.param = d.value(QStringLiteral("param")).toString();
            source.method = d.value(QStringLiteral("method")).toString();
            for (const QJsonValue &p : d.value(QStringLiteral("passParams")).toArray())
                source.passParams << p.toString();
            const QJsonObject as = d.value(QStringLiteral("passParamsAs")).toObject();
            for (auto it = as.begin(); it != as.end(); ++it)
                source.passParamsAs.insert(it.key(), it.value().toString());
            source.fixedParams = d.value(QStringLiteral("fixedParams")).toObject();
            source.resultPath = d.value(QStringLiteral("resultPath")).toString();
            source.language = d.value(QStringLiteral("language")).toString();
            source.label = d.value(QStringLiteral("label")).toString();
            t.diffSource = source;
        }
        if (auto r = registry.add(t); !r) {
            Error e = r.error();
            e.detail = where + QStringLiteral(": ") + e.detail;
            return e;
        }
    }
    return {};
}

} // namespace

QString aiUsage()
{
    return Tr::tr("       qwqctl ai ask PROFILE|--local \"QUESTION\" [--deny-all] [--json] [--tools FILE]\n"
                  "              [--trust-host-key SHA256:…]   the AI provider of the settings and\n"
                  "              keychain; QWQ_AI_BASE_URL, QWQ_AI_MODEL, QWQ_AI_API_KEY override it\n");
}

std::optional<AiAskOptions> takeAiAskOptions(QStringList &args)
{
    if (args.isEmpty() || args.takeFirst() != QLatin1String("ask"))
        return std::nullopt;
    AiAskOptions o;
    o.denyAll = args.removeAll(QStringLiteral("--deny-all")) > 0;
    o.json = args.removeAll(QStringLiteral("--json")) > 0;
    const qsizetype t = args.indexOf(QStringLiteral("--tools"));
    if (t >= 0) {
        if (t + 1 >= args.size())
            return std::nullopt;
        o.toolsFile = args.at(t + 1);
        args.remove(t, 2);
    }
    return o;
}

int aiAsk(QCoreApplication &app, Helper::ServerConnection &conn, AuditLog &audit,
          const QString &trust, const AiAskOptions &options, const QStringList &args)
{
    if (args.size() != 1 || args.first().trimmed().isEmpty()) {
        err() << aiUsage() << Qt::endl;
        return 2;
    }
    const QString question = args.first();
    const Profiles::Profile profile = conn.profile();
    // stderr carries the tool calls and retries in plain words; the client's own log lines
    // would repeat them (QT_LOGGING_RULES still brings them back).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("qwq.ai.debug=false\nqwq.ai.warning=false"));

    ToolRegistry tools;
    for (const Tool &t : Containers::containerTools() + Websites::websiteTools() + ToolRegistry::builtins()) {
        if (auto r = tools.add(t); !r)
            return fail(r.error());
    }
    if (!options.toolsFile.isEmpty()) {
        if (auto r = addToolsFromFile(tools, options.toolsFile); !r)
            return fail(r.error());
    }
    ProviderConfig config = ProviderConfig::load();
    const bool fromEnvironment = !qEnvironmentVariable("QWQ_AI_BASE_URL").isEmpty();
    if (!ProviderConfig::isConfigured() && !fromEnvironment) {
        fail(Error(ErrorCode::AiUnavailable, Tr::tr("No AI model is set up"), {},
                   Tr::tr("Choose one in qwq's AI settings, or set QWQ_AI_BASE_URL and QWQ_AI_MODEL.")));
        printHelp(question);
        return 1;
    }
    if (!qEnvironmentVariableIsSet("QWQ_AI_API_KEY")) {
        Profiles::SecretStore secrets;
        const QFuture<Result<QString>> key = readApiKey(secrets, config.providerId);
        while (!key.isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (key.result())
            config.apiKey = *key.result();
    }
    config.applyEnvironment();
    if (auto v = config.validate(); !v) {
        fail(v.error());
        printHelp(question);
        return 1;
    }
    LlmClient llm;
    llm.setConfig(config);
    const AiOptions aiOptions = AiOptions::load();

    std::signal(SIGINT, onAiSigint);
    std::signal(SIGTERM, onAiSigint);
    std::unique_ptr<HelperToolExecutor> executor;
    std::unique_ptr<AgentTurn> turn;
    bool wrote = false;
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &app, [&] {
        if (!g_aiInterrupted)
            return;
        g_aiInterrupted = 0;
        if (turn && !turn->isFinished())
            return turn->cancel();   // finished() exits with 130
        err() << Tr::tr("interrupted") << Qt::endl;
        QCoreApplication::exit(130);
    });
    interruptPoll.start(100);

    const auto start = [&](Helper::HelperClient *helper, const QJsonObject &systemInfo) {
        executor = std::make_unique<HelperToolExecutor>(helper);
        turn = std::make_unique<AgentTurn>(&llm, &tools, executor.get());
        AgentPolicy policy;
        policy.readOnly = profile.mode == Profiles::Mode::ReadOnly || helper->isReadOnly();
        policy.localModelOnly = aiOptions.localOnly;
        policy.tokenBudget = aiOptions.tokenBudget;
        policy.typedWord = profile.name;
        turn->setPolicy(policy);
        turn->setServerId(profile.id);
        turn->setAudit(&audit);
        turn->setContext(ServerFacts::from(profile.name, helper->info(), systemInfo).toContext());
        const QString serverName = profile.name;
        const bool denyAll = options.denyAll;
        turn->setApprovalHandler([serverName, denyAll](const ApprovalRequest &req) {
            Approval a;
            if (denyAll)
                a.approvedBy = osUser() + QStringLiteral(" (qwqctl --deny-all)");
            else
                a = askOnTerminal(req, serverName);
            return QtFuture::makeReadyFuture(a);
        });
        QObject::connect(turn.get(), &AgentTurn::contentDelta, &app, [&](const QString &text) {
            if (options.json)
                return;
            out() << printable(text);
            out().flush();
            wrote = true;
        });
        QObject::connect(turn.get(), &AgentTurn::stepStarted, &app, [&](int) {
            if (wrote) {
                out() << Qt::endl;
                wrote = false;
            }
        });
        QObject::connect(turn.get(), &AgentTurn::toolCallUpdated, &app, &printCall);
        QObject::connect(turn.get(), &AgentTurn::retrying, &app,
                         [](int attempt, int delayMs, const Error &why) {
                             err() << Tr::tr("%1; trying again in %2 ms (attempt %3)")
                                          .arg(why.message).arg(delayMs).arg(attempt + 1)
                                   << Qt::endl;
                         });
        QObject::connect(turn.get(), &AgentTurn::finished, &app, [&] {
            const Result<TurnSummary> &r = turn->result();
            if (wrote)
                out() << Qt::endl;
            if (options.json && r) {
                QJsonArray calls;
                for (const ToolCallRecord &c : r->calls)
                    calls.append(callJson(c));
                const QJsonObject o{{QStringLiteral("answer"), r->answer},
                                    {QStringLiteral("steps"), r->steps},
                                    {QStringLiteral("model"), config.model},
                                    {QStringLiteral("tokens"), r->usage.totalTokens},
                                    {QStringLiteral("calls"), calls}};
                out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            }
            out().flush();
            if (r)
                return QCoreApplication::exit(0);
            if (r.error().code == ErrorCode::Cancelled) {
                err() << Tr::tr("interrupted") << Qt::endl;
                return QCoreApplication::exit(130);
            }
            fail(r.error());
            printHelp(question);
            QCoreApplication::exit(1);
        });
        turn->start({}, question);
    };

    withConnection(&conn, trust, [start](Helper::HelperClient *helper) {
        helper->call(QStringLiteral("system.info"))
            .then(helper, [start, helper](const Result<QJsonValue> &r) {
                start(helper, r ? r->toObject() : QJsonObject());
            });
    });
    return app.exec();
}

} // namespace Qwq::App::Ctl
