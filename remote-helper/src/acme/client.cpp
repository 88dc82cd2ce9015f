// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/client.h"

#include "acme/https.h"
#include "dispatch.h"
#include "errors.h"

#include <chrono>
#include <thread>

namespace qwqhelper::acme {

using nlohmann::json;

namespace {

json parseJson(const std::string &body)
{
    json j = json::parse(body, nullptr, false);
    return j.is_discarded() ? json() : j;
}

// A problem document (RFC 7807) cut to what the app shows: type, detail, subproblems.
json problemOf(const json &body)
{
    json p = json::object();
    if (!body.is_object())
        return p;
    for (const char *k : {"type", "detail"})
        if (body.contains(k) && body[k].is_string())
            p[k] = body[k].get<std::string>().substr(0, 2048);
    if (body.contains("subproblems") && body["subproblems"].is_array())
        p["subproblems"] = body["subproblems"];
    return p;
}

} // namespace

Client::Client(std::string directoryUrl, EVP_PKEY *accountKey, CancelToken *cancel)
    : m_directoryUrl(std::move(directoryUrl)), m_key(accountKey), m_cancel(cancel)
{}

void Client::fail(const std::string &what, int status, const json &problem) const
{
    json data = problem.is_object() ? problem : json::object();
    data["status"] = status;
    data["url"] = m_directoryUrl;
    const std::string detail = data.value("detail", "");
    throw RpcError(kAcmeFailed, "the ACME CA failed: " + what + (detail.empty() ? "" : ": " + detail), data);
}

void Client::loadDirectory()
{
    if (!m_directory.is_null())
        return;
    const HttpResponse r = httpsRequest("GET", m_directoryUrl, {}, {}, m_cancel);
    if (m_cancel && m_cancel->isCancelled())
        throw cancelledError();
    if (r.status == 0)
        fail("cannot reach the CA directory", 0, json{{"detail", r.error}});
    const json dir = parseJson(r.body);
    if (r.status != 200 || !dir.is_object() || !dir.contains("newNonce") || !dir.contains("newAccount")
        || !dir.contains("newOrder"))
        fail("the directory URL does not answer an ACME directory", r.status, problemOf(dir));
    m_directory = dir;
}

std::string Client::nonce()
{
    if (!m_nonce.empty())
        return std::exchange(m_nonce, {});
    loadDirectory();
    const HttpResponse r = httpsRequest("HEAD", m_directory["newNonce"].get<std::string>(), {}, {}, m_cancel);
    auto it = r.headers.find("replay-nonce");
    if (it == r.headers.end())
        fail("no nonce", r.status, json{{"detail", r.error}});
    return it->second;
}

Client::Reply Client::post(const std::string &url, const std::string &payload, bool useKid)
{
    for (int attempt = 0;; ++attempt) {
        if (m_cancel && m_cancel->isCancelled())
            throw cancelledError();
        json prot = {{"alg", "ES256"}, {"nonce", nonce()}, {"url", url}};
        if (useKid)
            prot["kid"] = m_kid;
        else
            prot["jwk"] = jwk(m_key);
        const HttpResponse r = httpsRequest("POST", url, signJws(m_key, prot, payload),
                                            "application/jose+json", m_cancel);
        if (m_cancel && m_cancel->isCancelled())
            throw cancelledError();
        if (r.status == 0)
            fail("cannot reach the CA", 0, json{{"detail", r.error}});
        if (auto it = r.headers.find("replay-nonce"); it != r.headers.end())
            m_nonce = it->second;
        Reply reply;
        reply.status = r.status;
        reply.body = r.body;
        if (auto it = r.headers.find("location"); it != r.headers.end())
            reply.location = it->second;
        if (r.headers.count("content-type") && r.headers.at("content-type").find("json") != std::string::npos)
            reply.json = parseJson(r.body);
        if (r.status >= 400) {
            const json problem = problemOf(reply.json);
            // RFC 8555 6.5: a rejected nonce is retried with the fresh one the answer carries
            if (problem.value("type", "") == "urn:ietf:params:acme:error:badNonce" && attempt < 5)
                continue;
            fail("request refused", r.status, problem);
        }
        return reply;
    }
}

std::string Client::account(const std::string &email)
{
    loadDirectory();
    json payload = {{"termsOfServiceAgreed", true}};
    if (!email.empty())
        payload["contact"] = json::array({"mailto:" + email});
    const Reply r = post(m_directory["newAccount"].get<std::string>(), payload.dump(), false);
    if (r.location.empty())
        fail("no account URL in the answer", r.status, json::object());
    m_kid = r.location;
    return m_kid;
}

json Client::pollUntil(const std::string &url, const std::vector<std::string> &done, int timeoutSeconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    for (;;) {
        const Reply r = post(url, {}, true);
        const std::string status = r.json.is_object() ? r.json.value("status", "") : "";
        for (const auto &d : done)
            if (status == d)
                return r.json;
        if (status == "invalid")
            return r.json;
        if (std::chrono::steady_clock::now() > deadline)
            fail("timed out waiting for " + url + " (status " + status + ")", r.status, json::object());
        if (m_cancel ? m_cancel->waitFor(std::chrono::milliseconds(500))
                     : (std::this_thread::sleep_for(std::chrono::milliseconds(500)), false))
            throw cancelledError();
    }
}

std::string Client::issue(const std::vector<std::string> &names, EVP_PKEY *certKey, IChallengeSolver &solver,
                          const Progress &progress)
{
    json identifiers = json::array();
    for (const auto &n : names)
        identifiers.push_back({{"type", "dns"}, {"value", n}});
    progress("order", json{{"names", names}});
    const Reply order = post(m_directory["newOrder"].get<std::string>(),
                             json{{"identifiers", identifiers}}.dump(), true);
    if (!order.json.is_object() || order.location.empty() || !order.json.contains("authorizations")
        || !order.json.contains("finalize"))
        fail("malformed order", order.status, json::object());
    const std::string orderUrl = order.location;
    const std::string thumb = thumbprint(m_key);

    for (const auto &authzUrl : order.json["authorizations"]) {
        const json authz = post(authzUrl.get<std::string>(), {}, true).json;
        if (!authz.is_object())
            fail("malformed authorization", 0, json::object());
        const std::string domain = authz.value("identifier", json::object()).value("value", "");
        if (authz.value("status", "") == "valid")
            continue;
        json challenge;
        for (const auto &c : authz.value("challenges", json::array()))
            if (c.value("type", "") == solver.type())
                challenge = c;
        if (challenge.is_null())
            throw RpcError(kChallengeFailed, "the CA offers no " + solver.type() + " challenge for " + domain,
                           json{{"domain", domain}, {"type", solver.type()}});
        const std::string token = challenge.value("token", "");
        // RFC 8555 8.1: base64url characters only; it becomes a file name and a DNS value
        if (token.empty() || token.size() > 256
            || token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                   != std::string::npos)
            fail("malformed challenge token", 0, json::object());
        const std::string keyAuth = token + "." + thumb;
        solver.present(domain, token, solver.type() == "dns-01" ? base64url(sha256(keyAuth)) : keyAuth);
        progress("challenge", json{{"domain", domain}, {"type", solver.type()}});
        json result;
        try {
            post(challenge.value("url", ""), "{}", true);
            result = pollUntil(authzUrl.get<std::string>(), {"valid"}, 120);
        } catch (...) {
            solver.cleanup(domain, token);
            throw;
        }
        solver.cleanup(domain, token);
        if (result.value("status", "") != "valid") {
            std::string detail;
            for (const auto &c : result.value("challenges", json::array()))
                if (c.value("type", "") == solver.type() && c.contains("error"))
                    detail = problemOf(c["error"]).value("detail", "");
            json data = {{"domain", domain}, {"type", solver.type()}, {"detail", detail}};
            throw RpcError(kChallengeFailed, "the " + solver.type() + " challenge for " + domain + " failed"
                                                 + (detail.empty() ? "" : ": " + detail), data);
        }
        progress("validated", json{{"domain", domain}});
    }

    json state = pollUntil(orderUrl, {"ready", "valid"}, 60);
    if (state.value("status", "") == "invalid")
        fail("the order became invalid", 0, problemOf(state.value("error", json::object())));
    progress("finalize", json::object());
    if (state.value("status", "") == "ready")
        post(order.json["finalize"].get<std::string>(), json{{"csr", base64url(makeCsr(certKey, names))}}.dump(),
             true);
    state = pollUntil(orderUrl, {"valid"}, 120);
    if (state.value("status", "") != "valid" || !state.contains("certificate"))
        fail("the order was not issued", 0, problemOf(state.value("error", json::object())));
    progress("download", json::object());
    const Reply cert = post(state["certificate"].get<std::string>(), {}, true);
    return cert.body;
}

} // namespace qwqhelper::acme
