// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DNS-01 providers behind IChallengeSolver. "rfc2136": the TXT record is added and removed with
// dynamic updates (RFC 2136) signed with TSIG (RFC 8945), which BIND, Knot, PowerDNS and
// Windows DNS accept; the messages are built and signed by libldns. An API provider (a DNS
// host's HTTPS API) is another IChallengeSolver chosen by `provider` in dnsSolver().
#include "acme/dns.h"
#include "acme/store.h"

#include "dispatch.h"
#include "errors.h"
#include "nginx/validate.h"

#include <ldns/ldns.h>

#include <algorithm>
#include <chrono>

namespace qwqhelper::acme {

using nlohmann::json;

namespace {

std::string field(const json &dns, const char *key)
{
    return nginx::str(dns, key, std::string("dns.") + key);
}

class Rfc2136Solver final : public IChallengeSolver
{
public:
    Rfc2136Solver(const json &dns, CancelToken *cancel) : m_cancel(cancel)
    {
        m_server = field(dns, "server");
        if (!parseServer(m_server))
            throw invalidValue("dns.server", "invalid dns.server", "the primary's IP address and port: 192.0.2.53:53");
        m_zone = nginx::domainField(field(dns, "zone"), "dns.zone", false);
        m_keyName = field(dns, "keyName");
        if (!nginx::isDomain(m_keyName, false))
            throw invalidValue("dns.keyName", "invalid dns.keyName", "the TSIG key's name, e.g. qwq-acme");
        const std::string algorithm = field(dns, "algorithm").empty() ? "hmac-sha256" : field(dns, "algorithm");
        if (algorithm != "hmac-sha256" && algorithm != "hmac-sha512")
            throw invalidValue("dns.algorithm", "invalid dns.algorithm", "hmac-sha256 or hmac-sha512");
        m_algorithm = algorithm + ".";
        m_secret = field(dns, "secret");
        if (m_secret.empty() || m_secret.size() > 1024
            || m_secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                   != std::string::npos)
            throw invalidValue("dns.secret", "invalid dns.secret", "the TSIG key's base64 secret");
    }

    std::string type() const override { return "dns-01"; }

    void present(const std::string &domain, const std::string &, const std::string &value) override
    {
        update(domain, value, true);
        waitVisible(recordName(domain), value);
    }

    void cleanup(const std::string &domain, const std::string &token) noexcept override
    {
        (void)token;
        try {
            for (const auto &v : m_published[domain])
                update(domain, v, false);
            m_published.erase(domain);
        } catch (...) {
            // a record left behind is harmless (a stale challenge value) and removed next time
        }
    }

private:
    std::string recordName(const std::string &domain) const
    {
        return "_acme-challenge." + domain + ".";
    }

    ldns_resolver *resolver() const
    {
        const auto hp = parseServer(m_server);
        ldns_resolver *res = ldns_resolver_new();
        ldns_rdf *ns = ldns_rdf_new_frm_str(hp->first.find(':') == std::string::npos ? LDNS_RDF_TYPE_A
                                                                                      : LDNS_RDF_TYPE_AAAA,
                                            hp->first.c_str());
        ldns_resolver_push_nameserver(res, ns);
        ldns_rdf_deep_free(ns);
        ldns_resolver_set_port(res, static_cast<uint16_t>(hp->second));
        ldns_resolver_set_timeout(res, timeval{3, 0});
        ldns_resolver_set_retry(res, 2);
        ldns_resolver_set_recursive(res, false);
        return res;
    }

    void update(const std::string &domain, const std::string &value, bool add)
    {
        const std::string name = recordName(domain);
        if (name.size() < m_zone.size() + 2
            || name.compare(name.size() - m_zone.size() - 2, m_zone.size() + 2, "." + m_zone + ".") != 0)
            throw invalidValue("dns.zone", domain + " is not inside the zone " + m_zone, "the zone that holds " + domain);
        // the value is base64url (checked by the client), so it needs no escaping in the text form
        ldns_rr *rr = nullptr;
        const std::string text = name + " 60 IN TXT \"" + value + "\"";
        if (ldns_rr_new_frm_str(&rr, text.c_str(), 0, nullptr, nullptr) != LDNS_STATUS_OK)
            throw RpcError(kDnsUpdateFailed, "cannot build the TXT record", json{{"detail", "ldns"}});
        if (!add) { // RFC 2136 2.5.4: delete an RR from an RRset: class NONE, TTL 0
            ldns_rr_set_class(rr, LDNS_RR_CLASS_NONE);
            ldns_rr_set_ttl(rr, 0);
        }
        ldns_rr_list *up = ldns_rr_list_new();
        ldns_rr_list_push_rr(up, rr);
        ldns_rdf *zone = ldns_dname_new_frm_str((m_zone + ".").c_str());
        ldns_pkt *pkt = ldns_update_pkt_new(zone, LDNS_RR_CLASS_IN, nullptr, up, nullptr);
        ldns_resolver *res = resolver();
        ldns_resolver_set_tsig_keyname(res, (m_keyName + ".").c_str());
        ldns_resolver_set_tsig_algorithm(res, m_algorithm.c_str());
        ldns_resolver_set_tsig_keydata(res, m_secret.c_str());
        ldns_pkt *answer = nullptr;
        ldns_status status = ldns_update_pkt_tsig_add(pkt, res);
        if (status == LDNS_STATUS_OK)
            status = ldns_resolver_send_pkt(&answer, res, pkt);
        std::string rcode;
        if (status == LDNS_STATUS_OK && answer && ldns_pkt_get_rcode(answer) != LDNS_RCODE_NOERROR) {
            ldns_lookup_table *lt = ldns_lookup_by_id(ldns_rcodes, ldns_pkt_get_rcode(answer));
            rcode = lt ? lt->name : std::to_string(ldns_pkt_get_rcode(answer));
        }
        // the packet owns the zone name and a copy of the update list (it takes it as const)
        ldns_pkt_free(pkt);
        ldns_rr_list_deep_free(up);
        ldns_pkt_free(answer);
        ldns_resolver_deep_free(res);
        if (status != LDNS_STATUS_OK || !rcode.empty()) {
            const std::string detail = !rcode.empty() ? "the server answered " + rcode
                                                      : std::string(ldns_get_errorstr_by_id(status));
            throw RpcError(kDnsUpdateFailed, "the DNS update for " + name + " failed: " + detail,
                           json{{"rcode", rcode.empty() ? json(nullptr) : json(rcode)}, {"detail", detail},
                                {"server", m_server}, {"field", "dns"}});
        }
        if (add)
            m_published[domain].push_back(value);
    }

    // The CA asks the zone's servers; the primary answers at once, so wait until it does.
    void waitVisible(const std::string &name, const std::string &value)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            ldns_resolver *res = resolver();
            ldns_rdf *dname = ldns_dname_new_frm_str(name.c_str());
            ldns_pkt *pkt = ldns_resolver_query(res, dname, LDNS_RR_TYPE_TXT, LDNS_RR_CLASS_IN, 0);
            bool seen = false;
            if (pkt) {
                char *text = ldns_pkt2str(pkt);
                seen = text && std::string(text).find("\"" + value + "\"") != std::string::npos;
                free(text);
                ldns_pkt_free(pkt);
            }
            ldns_rdf_deep_free(dname);
            ldns_resolver_deep_free(res);
            if (seen)
                return;
            if (m_cancel && m_cancel->waitFor(std::chrono::milliseconds(250)))
                throw cancelledError();
        }
    }

    CancelToken *m_cancel;
    std::string m_server, m_zone, m_keyName, m_algorithm, m_secret;
    std::map<std::string, std::vector<std::string>> m_published;
};

} // namespace

std::unique_ptr<IChallengeSolver> dnsSolver(const json &dns, CancelToken *cancel)
{
    if (!dns.is_object())
        throw invalidValue("dns", "dns-01 needs the dns settings", "{\"provider\": \"rfc2136\", …}");
    const std::string provider = field(dns, "provider").empty() ? "rfc2136" : field(dns, "provider");
    if (provider == "rfc2136")
        return std::make_unique<Rfc2136Solver>(dns, cancel);
    throw invalidValue("dns.provider", "unknown dns.provider", "rfc2136");
}

} // namespace qwqhelper::acme
