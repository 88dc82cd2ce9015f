// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// qwq's SQL path as the Databases panel drives it: a ServerConnection to the sshd, the private
// unix-socket bridge into its SSH session, a DbSession on PostgreSQL behind it, a ResultModel in
// a QTableView (offscreen). Measures, per run, on a fresh database connection over the open SSH
// session:
//   first: from "open the connection" to the first 1,000 rows of a million-row query in the model;
//   drain: the same query scrolled to its last row (the view asks for the next batch each time
//          it reaches the end, as a user dragging the scroll bar to the bottom does),
// and the process's peak resident memory while doing so. One JSON line on stdout.
#include <databases/core/dbsession.h>
#include <databases/core/dbtunnel.h>
#include <databases/core/resultmodel.h>
#include <helper/core/serverconnection.h>
#include <profiles/core/profile.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qwq;
using namespace Qwq::Databases;

namespace {

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (l.startsWith(field))
            return l.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_databases: %s\n", qPrintable(why));
    std::exit(1);
}

bool waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption sshPort(QStringLiteral("ssh-port"), QStringLiteral("SSH port."), QStringLiteral("port"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("SSH user."), QStringLiteral("user"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Private key."), QStringLiteral("file"));
    const QCommandLineOption kh(QStringLiteral("known-hosts"), QStringLiteral("known_hosts."), QStringLiteral("file"));
    const QCommandLineOption helper(QStringLiteral("helper"), QStringLiteral("qwq-helper."), QStringLiteral("file"));
    const QCommandLineOption pgPort(QStringLiteral("pg-port"), QStringLiteral("PostgreSQL port."), QStringLiteral("port"));
    const QCommandLineOption pgPassword(QStringLiteral("pg-password"), QStringLiteral("Password of postgres."),
                                        QStringLiteral("password"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs."), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption sql(QStringLiteral("sql"), QStringLiteral("The query."), QStringLiteral("sql"),
                                 QStringLiteral("select g, md5(g::text) from generate_series(1, 1000000) g"));
    p.addOptions({sshPort, user, key, kh, helper, pgPort, pgPassword, runs, sql});
    p.process(app);

    Profiles::Profile prof;
    prof.id = QStringLiteral("benchdb");
    prof.name = prof.id;
    prof.host = QStringLiteral("127.0.0.1");
    prof.port = quint16(p.value(sshPort).toUInt());
    prof.user = p.value(user);
    prof.auth = Profiles::AuthMethod::Key;
    prof.identityFile = p.value(key);
    Helper::ServerConnection conn(prof, nullptr, nullptr);
    conn.setHelperBinary(p.value(helper));
    conn.setKnownHostsFiles(p.value(kh), p.value(kh));
    conn.connectToServer();
    if (!waitFor([&] { return conn.state() == Helper::ServerConnection::State::Ready
                              || conn.state() == Helper::ServerConnection::State::Failed; }, 60000)
        || conn.state() != Helper::ServerConnection::State::Ready)
        fail(QStringLiteral("no SSH connection: ") + conn.lastError().toString());

    ConnectionSpec spec;
    spec.id = QStringLiteral("bench");
    spec.name = spec.id;
    spec.engine = Engine::PostgreSql;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = quint16(p.value(pgPort).toUInt());
    spec.user = QStringLiteral("postgres");
    spec.database = QStringLiteral("qwqtest");
    spec.safeMode = SafeMode::Off;
    DbTunnel tunnel(&conn, spec);
    auto ep = tunnel.open();
    if (!waitFor([&] { return ep.isFinished(); }, 20000) || !ep.result())
        fail(QStringLiteral("no bridge"));
    const Endpoint endpoint = *ep.result();

    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1000, 700);
    view.show();

    std::vector<double> firstMs, drainMs;
    qint64 peakKb = 0;
    qint64 rows = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { peakKb = std::max(peakKb, statusKb("VmRSS:")); });
    sampler.start(20);
    for (int run = 0; run < p.value(runs).toInt(); ++run) {
        ResultModel model;
        view.setModel(&model);
        QElapsedTimer t;
        t.start();
        DbSession session(spec);
        bool opened = false;
        QObject::connect(&session, &DbSession::opened, [&] { opened = true; });
        QObject::connect(&session, &DbSession::openFailed, [&](const Error &e) { fail(e.toString()); });
        session.open(endpoint, p.value(pgPassword));
        if (!waitFor([&] { return opened; }, 20000))
            fail(QStringLiteral("open timed out"));
        bool done = false;
        int runId = 0;
        QObject::connect(&session, &DbSession::started, [&](int id, const QList<Column> &cols) {
            if (id == runId)
                model.reset(cols);
        });
        QObject::connect(&session, &DbSession::rowsArrived, [&](int id, const std::shared_ptr<RowBatch> &b, bool more) {
            if (id == runId)
                model.appendRows(b, more);
        });
        QObject::connect(&session, &DbSession::finished, [&](int id, bool ok, const StatementOutcome &, const Error &e) {
            if (id != runId)
                return;
            if (!ok)
                fail(e.toString());
            done = true;
        });
        QObject::connect(&model, &ResultModel::moreRowsWanted, [&](int n) { session.fetchMore(runId, n); });
        runId = session.execute(p.value(sql), false, 1000);
        if (!waitFor([&] { return model.rowCount() >= 1000; }, 20000))
            fail(QStringLiteral("no first rows"));
        firstMs.push_back(t.nsecsElapsed() / 1e6);
        // drag to the bottom, again and again: the view fetches more when it reaches the end
        QElapsedTimer d;
        d.start();
        model.setBatchRows(20000);
        while (!done) {
            view.scrollToBottom();
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
            if (d.elapsed() > 300000)
                fail(QStringLiteral("drain timed out"));
        }
        view.scrollToBottom();
        drainMs.push_back(t.nsecsElapsed() / 1e6);
        rows = model.rowCount();
        peakKb = std::max(peakKb, statusKb("VmRSS:"));
        view.setModel(nullptr);
    }
    QJsonArray fa, da;
    for (double v : firstMs)
        fa.append(v);
    for (double v : drainMs)
        da.append(v);
    const QJsonObject out {
        {QStringLiteral("first_rows_ms"), median(firstMs)},
        {QStringLiteral("drain_ms"), median(drainMs)},
        {QStringLiteral("first_rows_runs_ms"), fa},
        {QStringLiteral("drain_runs_ms"), da},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("peak_rss_mb"), peakKb / 1024.0},
        {QStringLiteral("vm_hwm_mb"), statusKb("VmHWM:") / 1024.0},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
