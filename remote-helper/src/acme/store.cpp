// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/store.h"

#include "errors.h"
#include "fsutil.h"
#include "handlers/websites.h"
#include "nginx/apply.h"
#include "nginx/site.h"
#include "nginx/validate.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace qwqhelper::acme {

using nlohmann::json;
namespace ng = nginx;

namespace {

std::string hexOf(const std::string &bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string accountDir(const std::string &directoryUrl)
{
    return fs::dataRoot() + "/acme/accounts/" + hexOf(sha256(directoryUrl)).substr(0, 24);
}

// A directory qwq writes secrets or tokens into must be a real directory (not a link) that only
// this user can change: otherwise whoever can write there could swap a file under the rename.
void requirePrivateDir(const std::string &dir, const std::string &field)
{
    struct stat st{};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 022))
        throw invalidValue(field, dir + " is not a directory only this user can write",
                           "owned by the helper's user, not writable by group or others, not a link");
}

} // namespace

std::vector<std::string> certRoots()
{
    std::vector<std::string> roots = ng::allowedRoots();
    for (const char *d : {"/etc/ssl", "/etc/letsencrypt", "/etc/nginx"})
        roots.emplace_back(d);
    return roots;
}

std::string certDir()
{
    const char *env = std::getenv("QWQ_CERT_DIR");
    const std::string dir = env && *env ? env : "/etc/ssl/qwq";
    if (!fs::isCleanAbsolutePath(dir) || !ng::isPathUnder(dir, certRoots()))
        throw invalidValue("certDir", "QWQ_CERT_DIR is not under the allowed certificate roots",
                           "a directory under /etc/ssl, /etc/nginx or the site roots");
    return dir;
}

std::string storeName(const std::string &domain)
{
    if (domain.compare(0, 2, "*.") == 0)
        return "_wildcard." + domain.substr(2);
    return domain;
}

Key accountKey(const std::string &directoryUrl, json &account)
{
    const std::string dir = accountDir(directoryUrl);
    fs::makeDirs(dir, 0700);
    if (auto pem = fs::readRegular(dir + "/key.pem", 64 * 1024)) {
        if (Key k = keyFromPem(*pem)) {
            const json a = json::parse(fs::readRegular(dir + "/account.json", 64 * 1024).value_or("{}"), nullptr,
                                       false);
            account = a.is_object() ? a : json::object();
            return k;
        }
    }
    Key k = generateEcKey();
    if (!k)
        throw RpcError(Code::Internal, "cannot create an account key", errorData({}, {}, "OpenSSL"));
    fs::writeAtomic(dir + "/key.pem", keyToPem(k.get()), 0600);
    account = json{{"directory", directoryUrl}, {"created", static_cast<int64_t>(std::time(nullptr))}};
    saveAccount(directoryUrl, account);
    return k;
}

void saveAccount(const std::string &directoryUrl, const json &account)
{
    fs::writeAtomic(accountDir(directoryUrl) + "/account.json", account.dump(2) + "\n", 0600);
}

Stored storePaths(const std::string &name)
{
    Stored s;
    s.dir = certDir() + "/" + storeName(name);
    s.certPath = s.dir + "/fullchain.pem";
    s.keyPath = s.dir + "/privkey.pem";
    return s;
}

Previous writeCertificate(const Stored &s, const std::string &chainPem, const std::string &keyPem,
                          const json &meta)
{
    Previous p;
    p.dirExisted = fs::isDirectory(s.dir);
    p.cert = fs::readRegular(s.certPath, 1u << 20);
    p.key = fs::readRegular(s.keyPath, 1u << 20);
    p.meta = fs::readRegular(s.dir + "/qwq.json", 1u << 20);
    fs::makeDirs(s.dir, 0755);
    requirePrivateDir(certDir(), "certDir");
    requirePrivateDir(s.dir, "certDir");
    fs::writeAtomic(s.keyPath, keyPem, 0600);
    fs::writeAtomic(s.certPath, chainPem, 0644);
    writeMeta(s, meta);
    return p;
}

void restore(const Stored &s, const Previous &p) noexcept
{
    try {
        if (!p.dirExisted) {
            fs::removeTree(s.dir);
            return;
        }
        auto put = [](const std::string &path, const std::optional<std::string> &content, unsigned mode) {
            if (content)
                fs::writeAtomic(path, *content, mode);
            else
                ::unlink(path.c_str());
        };
        put(s.keyPath, p.key, 0600);
        put(s.certPath, p.cert, 0644);
        put(s.dir + "/qwq.json", p.meta, 0644);
    } catch (...) {
    }
}

json readMeta(const Stored &s)
{
    const json j = json::parse(fs::readRegular(s.dir + "/qwq.json", 1u << 20).value_or(""), nullptr, false);
    return j.is_object() ? j : json();
}

void writeMeta(const Stored &s, const json &meta)
{
    fs::writeAtomic(s.dir + "/qwq.json", meta.dump(2) + "\n", 0644);
}

std::vector<std::string> storedNames()
{
    std::vector<std::string> out;
    const std::string dir = certDir();
    for (const auto &name : fs::listDir(dir))
        if (fs::exists(dir + "/" + name + "/qwq.json"))
            out.push_back(name);
    std::sort(out.begin(), out.end());
    return out;
}

json dnsSettings(const std::string &name)
{
    const auto text = fs::readRegular(fs::dataRoot() + "/acme/dns/" + storeName(name) + ".json", 64 * 1024);
    const json j = text ? json::parse(*text, nullptr, false) : json();
    return j.is_object() ? j : json();
}

std::vector<std::string> siteNames(const ng::Install &in, const std::string &domain)
{
    const auto paths = websites::sitePaths(in, domain);
    const auto text = websites::siteText(in, paths);
    if (!text)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "domain"}, {"value", domain}});
    const json spec = ng::managedSpec(*text);
    if (spec.is_null())
        throw RpcError(ng::kNotManaged, "the site's file is not managed by qwq",
                       json{{"field", "domain"}, {"file", paths.file}});
    std::vector<std::string> names{spec.value("domain", domain)};
    for (const auto &a : spec.value("aliases", json::array()))
        if (a.is_string())
            names.push_back(a.get<std::string>());
    return names;
}

json installIntoSite(const ng::Install &in, const std::string &domain, const Stored &s,
                     std::optional<int64_t> sslPort, std::optional<bool> httpsRedirect, CancelToken *cancel)
{
    const auto paths = websites::sitePaths(in, domain);
    const auto text = websites::siteText(in, paths);
    if (!text)
        throw RpcError(ng::kSiteNotFound, "no such site", json{{"field", "site"}, {"value", domain}});
    json spec = ng::managedSpec(*text);
    if (spec.is_null())
        throw RpcError(ng::kNotManaged, "the site's file is not managed by qwq",
                       json{{"field", "site"}, {"file", paths.file}});
    spec["sslCertificate"] = s.certPath;
    spec["sslCertificateKey"] = s.keyPath;
    if (sslPort)
        spec["sslPort"] = *sslPort;
    if (httpsRedirect)
        spec["httpsRedirect"] = *httpsRedirect;
    const websites::Plan plan = websites::planWrite(in, spec, 1);
    const auto r = ng::apply(in, plan.ops, "certificate", plan.domain, cancel);
    json files = json::array();
    for (const auto &op : plan.ops)
        files.push_back(op.path);
    return {{"domain", plan.domain}, {"version", r.version}, {"reloaded", r.reloaded},
            {"running", r.running}, {"files", files}};
}

void HttpSolver::present(const std::string &, const std::string &token, const std::string &value)
{
    const std::string dir = ng::acmeChallengeDir();
    fs::makeDirs(dir, 0755); // nginx's workers read the tokens
    requirePrivateDir(dir, "challengeDir");
    // the file holds the key authorization and nothing else (RFC 8555 8.3)
    fs::writeAtomic(dir + "/" + token, value, 0644);
}

void HttpSolver::cleanup(const std::string &, const std::string &token) noexcept
{
    ::unlink((ng::acmeChallengeDir() + "/" + token).c_str());
}

json requestCertificate(const ng::Install &in, const RequestOptions &o, const Client::Progress &progress,
                        CancelToken *cancel)
{
    const std::vector<std::string> names = siteNames(in, o.domain);
    std::unique_ptr<IChallengeSolver> solver;
    if (o.challenge == "dns-01") {
        solver = dnsSolver(o.dns, cancel);
    } else {
        for (std::size_t i = 1; i < names.size(); ++i)
            if (names[i].compare(0, 2, "*.") == 0)
                throw invalidValue("challenge", "a wildcard alias (" + names[i] + ") needs the dns-01 challenge",
                                   "dns-01");
        solver = std::make_unique<HttpSolver>();
        // A site written before the emitter served the challenge path gets it first (its own
        // spec applied again), or the CA's request would meet the old file's redirect or 404.
        const auto paths = websites::sitePaths(in, o.domain);
        const auto text = websites::siteText(in, paths);
        if (text && text->find("/.well-known/acme-challenge/") == std::string::npos) {
            progress("prepare", json{{"site", o.domain}});
            const websites::Plan plan = websites::planWrite(in, ng::managedSpec(*text), 1);
            ng::apply(in, plan.ops, "update", plan.domain, cancel);
        }
    }
    json account;
    Key accountK = accountKey(o.directory, account);
    Client client(o.directory, accountK.get(), cancel);
    progress("account", json{{"directory", o.directory}});
    const std::string kid = client.account(o.email);
    if (account.value("url", "") != kid) {
        account["url"] = kid;
        account["directory"] = o.directory;
        saveAccount(o.directory, account);
    }
    Key certKey = generateEcKey();
    const std::string chain = client.issue(names, certKey.get(), *solver, progress);
    std::string error;
    const auto certs = certsFromPem(chain, &error);
    if (certs.empty() || !keyMatches(certs.front().get(), certKey.get()))
        throw RpcError(kAcmeFailed, "the CA's certificate does not parse or does not match the key",
                       json{{"detail", error}, {"url", o.directory}});
    const CertInfo info = certInfo(certs.front().get());
    const Stored s = storePaths(o.domain);
    json meta = readMeta(s);
    if (!meta.is_object())
        meta = json::object();
    meta.update(json{{"source", "acme"}, {"directory", o.directory}, {"names", names}, {"site", o.domain},
                     {"challenge", o.challenge}, {"issued", static_cast<int64_t>(std::time(nullptr))},
                     {"notAfter", info.notAfter}, {"email", o.email}});
    if (o.challenge == "dns-01") {
        json dns = o.dns;
        dns.erase("secret"); // the TSIG secret stays in the request that carried it
        meta["dns"] = dns;
    }
    const Previous previous = writeCertificate(s, chain, keyToPem(certKey.get()), meta);
    progress("install", json{{"site", o.domain}});
    json installed;
    try {
        installed = installIntoSite(in, o.domain, s, o.sslPort, o.httpsRedirect, cancel);
    } catch (...) {
        restore(s, previous);
        throw;
    }
    if (o.challenge == "dns-01") {
        // kept for renewal, readable by root only; never in qwq.json, an answer or a log
        fs::makeDirs(fs::dataRoot() + "/acme/dns", 0700);
        fs::writeAtomic(fs::dataRoot() + "/acme/dns/" + storeName(o.domain) + ".json", o.dns.dump() + "\n", 0600);
    }
    json r = certInfoJson(info, static_cast<int64_t>(std::time(nullptr)));
    r["certificate"] = s.certPath;
    r["key"] = s.keyPath;
    r["site"] = installed;
    r["account"] = kid;
    return r;
}

} // namespace qwqhelper::acme
