// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Certificates and DNS health of websites: websites.certificates (expiry overview),
// websites.certImport, websites.certRequest (ACME, RFC 8555) and websites.dnsCheck.
#include "acme/crypto.h"
#include "acme/dns.h"
#include "acme/store.h"
#include "fsutil.h"
#include "handlers/websites.h"
#include "nginx/site.h"
#include "nginx/validate.h"

#include <arpa/inet.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace qwqhelper {

using nlohmann::json;
namespace ng = nginx;
using namespace websites;

namespace {

constexpr const char *kLetsEncrypt = "https://acme-v02.api.letsencrypt.org/directory";
constexpr std::size_t kMaxPem = 256 * 1024;

int64_t now()
{
    return static_cast<int64_t>(std::time(nullptr));
}

std::string resolvePath(const ng::Install &in, const std::string &path)
{
    return !path.empty() && path[0] == '/' ? path : in.confDir + "/" + path;
}

// One certificate file as the overview shows it.
json describeFile(const std::string &path)
{
    json entry = {{"path", path}};
    const auto text = fs::readRegular(path, kMaxPem);
    if (!text) {
        entry["error"] = "cannot read the file";
        return entry;
    }
    std::string error;
    const auto certs = acme::certsFromPem(*text, &error);
    if (certs.empty()) {
        entry["error"] = error;
        return entry;
    }
    entry.update(acme::certInfoJson(acme::certInfo(certs.front().get()), now()));
    entry["chainLength"] = certs.size();
    return entry;
}

// The certificate files of every loaded server block and of qwq's own store.
json websitesCertificates(const Params &p, const Context &)
{
    const int64_t renewDays = 30;
    std::map<std::string, json> byPath;
    json nginxError;
    try {
        const ng::Install in = install(p);
        const ng::Tree tree = loadTree(in);
        for (const auto &s : ng::listServers(tree)) {
            if (!s.contains("sslCertificate"))
                continue;
            const std::string path = resolvePath(in, s["sslCertificate"].get<std::string>());
            json &entry = byPath[path];
            if (entry.is_null()) {
                entry = describeFile(path);
                entry["sites"] = json::array();
                if (s.contains("sslCertificateKey"))
                    entry["keyPath"] = resolvePath(in, s["sslCertificateKey"].get<std::string>());
            }
            json use = {{"id", s["id"]}, {"names", s["names"]}, {"managed", s["managed"]}};
            if (s.contains("site"))
                use["site"] = s["site"];
            entry["sites"].push_back(use);
        }
    } catch (const RpcError &e) {
        nginxError = e.toJson(); // qwq's own certificates are still listed
    }
    for (const auto &name : acme::storedNames()) {
        const acme::Stored st = acme::storePaths(name);
        json &entry = byPath[st.certPath];
        if (entry.is_null()) {
            entry = describeFile(st.certPath);
            entry["sites"] = json::array();
        }
        entry["keyPath"] = st.keyPath;
        const json meta = acme::readMeta(st);
        entry["qwq"] = true;
        entry["source"] = meta.value("source", "import");
        if (entry["source"] == "acme") {
            json renewal = {{"auto", true}, {"directory", meta.value("directory", "")},
                            {"due", entry.value("daysLeft", 0) < renewDays}};
            for (const char *k : {"lastRun", "lastResult", "lastError"})
                if (meta.contains(k))
                    renewal[k] = meta[k];
            entry["renewal"] = renewal;
        }
    }
    json list = json::array();
    for (auto &[path, entry] : byPath) {
        if (!entry.contains("qwq"))
            entry["qwq"] = false;
        list.push_back(entry);
    }
    std::sort(list.begin(), list.end(), [](const json &a, const json &b) {
        return a.value("notAfter", int64_t(0)) < b.value("notAfter", int64_t(0));
    });
    json r = {{"certificates", list}, {"certDir", acme::certDir()}, {"renewDays", renewDays}};
    if (!nginxError.is_null())
        r["nginxError"] = nginxError;
    return r;
}

std::string pemParam(const Params &p, const char *field, bool required)
{
    const auto v = required ? std::optional<std::string>(p.requiredString(field)) : p.optionalString(field);
    if (!v)
        return {};
    if (v->size() > kMaxPem || v->find('\0') != std::string::npos)
        throw invalidValue(field, std::string(field) + " is too large or not text", "PEM text up to 256 KiB");
    return *v;
}

RpcError certInvalid(const std::string &field, const std::string &message, const std::string &detail = {})
{
    return RpcError(acme::kCertInvalid, message, errorData(field, {}, detail));
}

std::optional<int64_t> sslPortParam(const Params &p)
{
    const auto port = p.optionalInt("sslPort");
    if (port && (*port < 1 || *port > 65535))
        throw outOfRange("sslPort", 1, 65535);
    return port;
}

json websitesCertImport(const Params &p, const Context &ctx)
{
    // grammars first: a name becomes a directory under the certificate directory
    const std::string givenName = p.has("name") ? ng::domainField(p.requiredString("name"), "name", true) : "";
    const std::string certPem = pemParam(p, "certificate", true);
    const std::string keyPem = pemParam(p, "key", true);
    const std::string chainPem = pemParam(p, "chain", false);
    const std::string site = p.has("site") ? ng::domainField(p.requiredString("site"), "site", false) : "";
    const auto sslPort = sslPortParam(p);
    const auto httpsRedirect = p.optionalBool("httpsRedirect");

    std::string error;
    auto certs = acme::certsFromPem(certPem, &error);
    if (certs.empty())
        throw certInvalid("certificate", "the certificate is not valid PEM", error);
    acme::Key key = acme::keyFromPem(keyPem);
    if (!key)
        throw certInvalid("key", "the key is not an unencrypted PEM private key");
    if (!acme::keyMatches(certs.front().get(), key.get()))
        throw certInvalid("key", "the key does not belong to the certificate");
    std::vector<acme::Cert> chain;
    if (!chainPem.empty()) {
        chain = acme::certsFromPem(chainPem, &error);
        if (chain.empty())
            throw certInvalid("chain", "the chain is not valid PEM", error);
    }
    std::vector<X509 *> all;
    for (auto &c : certs)
        all.push_back(c.get());
    for (auto &c : chain)
        all.push_back(c.get());
    if (const std::string why = acme::verifyChain(all); !why.empty())
        throw certInvalid(chainPem.empty() ? "certificate" : "chain", "the chain does not verify", why);
    const int64_t t = now();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const acme::CertInfo info = acme::certInfo(all[i]);
        if (info.notAfter < t || info.notBefore > t)
            throw certInvalid(i < certs.size() ? "certificate" : "chain",
                              info.notAfter < t ? "the certificate has expired" : "the certificate is not valid yet",
                              info.subject);
    }
    const acme::CertInfo leaf = acme::certInfo(certs.front().get());
    std::string name;
    if (!givenName.empty())
        name = givenName;
    else if (!site.empty())
        name = site;
    else if (!leaf.names.empty())
        name = ng::domainField(leaf.names.front(), "name", true);
    else
        throw invalidValue("name", "the certificate names no domain: give a name", "a domain name");

    // the chain as nginx wants it: leaf first, then the intermediates; the key re-encoded
    std::string fullchain = certPem;
    if (!fullchain.empty() && fullchain.back() != '\n')
        fullchain += '\n';
    fullchain += chainPem;
    const acme::Stored st = acme::storePaths(name);
    const json meta = {{"source", "import"}, {"names", leaf.names}, {"imported", t}, {"notAfter", leaf.notAfter},
                       {"site", site}};
    const acme::Previous previous = acme::writeCertificate(st, fullchain, acme::keyToPem(key.get()), meta);
    json r = acme::certInfoJson(leaf, t);
    r["certificate"] = st.certPath;
    r["key"] = st.keyPath;
    if (!site.empty()) {
        try {
            r["site"] = acme::installIntoSite(install(p), site, st, sslPort, httpsRedirect, &ctx.cancel);
        } catch (...) {
            acme::restore(st, previous); // nginx refused it: the store is as it was too
            throw;
        }
    }
    return r;
}

// Names to check: `names`, or the site's (domain + aliases), or every name of every site.
std::vector<std::pair<std::string, std::string>> checkNames(const Params &p)
{
    std::vector<std::pair<std::string, std::string>> out; // name, field
    if (p.has("names")) {
        const auto list = p.stringList("names");
        if (list.empty() || list.size() > 256)
            throw invalidValue("names", "give 1 to 256 names");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string f = "names[" + std::to_string(i) + "]";
            out.emplace_back(ng::domainField(list[i], f, false), f);
        }
        return out;
    }
    const ng::Install in = install(p);
    if (p.has("domain")) {
        for (const auto &n : acme::siteNames(in, domainParam(p)))
            out.emplace_back(n, "domain");
        return out;
    }
    std::set<std::string> seen;
    for (const auto &s : ng::listServers(loadTree(in)))
        for (const auto &n : s["names"]) {
            const std::string name = n.get<std::string>();
            if (ng::isDomain(name, false) && name.find('.') != std::string::npos && seen.insert(name).second)
                out.emplace_back(name, "names");
        }
    return out;
}

std::string resolverParam(const Params &p)
{
    const std::string r = p.optionalString("resolver").value_or("");
    if (!r.empty() && !acme::parseServer(r))
        throw invalidValue("resolver", "invalid resolver", "an IP address with an optional port: 192.0.2.53:53");
    return r;
}

bool isIpLiteral(const std::string &s)
{
    unsigned char buf[16];
    return ::inet_pton(AF_INET, s.c_str(), buf) == 1 || ::inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

std::vector<std::string> expectParam(const Params &p)
{
    auto list = p.stringList("expect");
    if (list.size() > 64)
        throw invalidValue("expect", "at most 64 addresses");
    for (std::size_t i = 0; i < list.size(); ++i)
        if (!isIpLiteral(list[i]))
            throw invalidValue("expect[" + std::to_string(i) + "]", "invalid address", "an IPv4 or IPv6 address");
    return list;
}

// The server's public addresses: loopback and link-local ones cannot be what a CA reaches.
std::vector<std::string> serverAddresses()
{
    std::vector<std::string> out;
    for (const auto &a : acme::localAddresses())
        if (a.compare(0, 4, "127.") != 0 && a != "::1" && a.compare(0, 5, "fe80:") != 0
            && a.compare(0, 8, "169.254.") != 0)
            out.push_back(a);
    return out;
}

json dnsReport(const std::vector<std::pair<std::string, std::string>> &names, const std::vector<std::string> &expect,
               const std::string &resolver, const Context &ctx)
{
    std::vector<std::string> mine = serverAddresses();
    std::set<std::string> accepted(mine.begin(), mine.end());
    accepted.insert(expect.begin(), expect.end());
    json list = json::array();
    bool allOk = true;
    for (const auto &[name, field] : names) {
        ctx.throwIfCancelled();
        const acme::Lookup l = acme::resolve(name, resolver);
        json entry = {{"name", name}, {"addresses", l.addresses}};
        json matching = json::array();
        for (const auto &a : l.addresses)
            if (accepted.count(a))
                matching.push_back(a);
        entry["matching"] = matching;
        if (l.addresses.empty()) {
            entry["status"] = "unresolved";
            if (!l.error.empty())
                entry["error"] = l.error;
        } else {
            entry["status"] = matching.empty() ? "mismatch" : "ok";
        }
        allOk = allOk && entry["status"] == "ok";
        list.push_back(entry);
    }
    return {{"names", list}, {"serverAddresses", mine}, {"expect", expect}, {"ok", allOk}};
}

json websitesDnsCheck(const Params &p, const Context &ctx)
{
    const auto expect = expectParam(p);
    const std::string resolver = resolverParam(p);
    return dnsReport(checkNames(p), expect, resolver, ctx);
}

std::string directoryParam(const Params &p)
{
    const std::string url = p.optionalString("directory").value_or(kLetsEncrypt);
    // the same URL grammar as the sites' (no blanks, quotes or control characters), https only
    const std::string checked = ng::urlField(url, "directory");
    if (checked.compare(0, 8, "https://") != 0)
        throw invalidValue("directory", "the CA directory must be an https URL", kLetsEncrypt);
    return checked;
}

json websitesCertRequest(const Params &p, const Context &ctx)
{
    acme::RequestOptions o;
    o.domain = domainParam(p);
    o.directory = directoryParam(p);
    o.email = p.optionalString("email").value_or("");
    if (!o.email.empty()) {
        const auto at = o.email.find('@');
        if (at == std::string::npos || at == 0 || o.email.size() > 254
            || !ng::isDomain(o.email.substr(at + 1), false)
            || o.email.substr(0, at).find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#%&*+/=?^_`{|}~-")
                   != std::string::npos)
            throw invalidValue("email", "invalid email", "name@example.com");
    }
    o.challenge = p.optionalString("challenge").value_or("http-01");
    if (o.challenge != "http-01" && o.challenge != "dns-01")
        throw invalidValue("challenge", "invalid challenge", "http-01 or dns-01");
    if (const json *dns = p.optionalObject("dns"))
        o.dns = *dns;
    o.sslPort = sslPortParam(p);
    o.httpsRedirect = p.optionalBool("httpsRedirect");
    const bool force = p.optionalBool("force").value_or(false);
    const auto expect = expectParam(p);
    const std::string resolver = resolverParam(p);
    const ng::Install in = install(p);
    const auto names = acme::siteNames(in, o.domain);
    auto progress = [&ctx](const std::string &stage, const json &detail) {
        json d = detail;
        d["stage"] = stage;
        ctx.stream(d);
    };

    // DNS health first: an HTTP-01 order for a name that does not point here cannot validate
    if (o.challenge == "http-01" && !force) {
        std::vector<std::pair<std::string, std::string>> check;
        for (const auto &n : names)
            check.emplace_back(n, "domain");
        progress("dns", json::object());
        const json report = dnsReport(check, expect, resolver, ctx);
        if (!report["ok"].get<bool>()) {
            json bad = json::array();
            for (const auto &e : report["names"])
                if (e["status"] != "ok")
                    bad.push_back({{"name", e["name"]}, {"addresses", e["addresses"]}, {"status", e["status"]}});
            throw RpcError(acme::kDnsMismatch, "a name does not resolve to this server",
                           json{{"names", bad}, {"serverAddresses", report["serverAddresses"]}, {"field", "domain"}});
        }
    }
    return acme::requestCertificate(in, o, progress, &ctx.cancel);
}

} // namespace

void registerWebsiteCertRenewMethods(Dispatcher &dispatcher);

QWQ_STARTUP void registerWebsiteCertMethods(Dispatcher &dispatcher)
{
    registerWebsiteCertRenewMethods(dispatcher);
    dispatcher.add("websites.certificates", Risk::Read, websitesCertificates);
    dispatcher.add("websites.certImport", Risk::Mutating, websitesCertImport);
    dispatcher.add("websites.certRequest", Risk::Mutating, websitesCertRequest);
    dispatcher.add("websites.dnsCheck", Risk::Read, websitesDnsCheck);
}

} // namespace qwqhelper
