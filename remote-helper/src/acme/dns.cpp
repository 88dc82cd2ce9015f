// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acme/dns.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <ldns/ldns.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdlib>

namespace qwqhelper::acme {

std::optional<std::pair<std::string, int>> parseServer(const std::string &server)
{
    std::string host = server;
    int port = 53;
    if (!server.empty() && server.front() == '[') {
        const auto close = server.find(']');
        if (close == std::string::npos)
            return std::nullopt;
        host = server.substr(1, close - 1);
        if (close + 1 < server.size()) {
            if (server[close + 1] != ':')
                return std::nullopt;
            port = std::atoi(server.c_str() + close + 2);
        }
    } else if (std::count(server.begin(), server.end(), ':') == 1) {
        const auto colon = server.find(':');
        host = server.substr(0, colon);
        const std::string p = server.substr(colon + 1);
        if (p.empty() || p.size() > 5 || !std::all_of(p.begin(), p.end(), ::isdigit))
            return std::nullopt;
        port = std::atoi(p.c_str());
    }
    unsigned char buf[16];
    if (::inet_pton(AF_INET, host.c_str(), buf) != 1 && ::inet_pton(AF_INET6, host.c_str(), buf) != 1)
        return std::nullopt;
    if (port < 1 || port > 65535)
        return std::nullopt;
    return std::make_pair(host, port);
}

namespace {

ldns_resolver *makeResolver(const std::string &server, std::string &error)
{
    ldns_resolver *res = nullptr;
    if (server.empty()) {
        if (ldns_resolver_new_frm_file(&res, nullptr) != LDNS_STATUS_OK || !res) {
            error = "cannot read /etc/resolv.conf";
            return nullptr;
        }
    } else {
        const auto hp = parseServer(server);
        if (!hp) {
            error = "not an IP address and port: " + server;
            return nullptr;
        }
        res = ldns_resolver_new();
        ldns_rdf *ns = ldns_rdf_new_frm_str(hp->first.find(':') == std::string::npos ? LDNS_RDF_TYPE_A
                                                                                       : LDNS_RDF_TYPE_AAAA,
                                            hp->first.c_str());
        ldns_resolver_push_nameserver(res, ns);
        ldns_rdf_deep_free(ns);
        ldns_resolver_set_port(res, static_cast<uint16_t>(hp->second));
    }
    ldns_resolver_set_timeout(res, timeval{2, 0});
    ldns_resolver_set_retry(res, 2);
    ldns_resolver_set_recursive(res, true);
    return res;
}

} // namespace

Lookup resolve(const std::string &name, const std::string &server)
{
    Lookup out;
    ldns_resolver *res = makeResolver(server, out.error);
    if (!res)
        return out;
    ldns_rdf *dname = ldns_dname_new_frm_str(name.c_str());
    if (!dname) {
        out.error = "not a domain name";
        ldns_resolver_deep_free(res);
        return out;
    }
    for (const ldns_rr_type type : {LDNS_RR_TYPE_A, LDNS_RR_TYPE_AAAA}) {
        ldns_pkt *pkt = ldns_resolver_query(res, dname, type, LDNS_RR_CLASS_IN, LDNS_RD);
        if (!pkt)
            continue;
        const ldns_pkt_rcode rcode = ldns_pkt_get_rcode(pkt);
        if (rcode == LDNS_RCODE_NOERROR || rcode == LDNS_RCODE_NXDOMAIN)
            out.answered = true;
        if (ldns_rr_list *rrs = ldns_pkt_rr_list_by_type(pkt, type, LDNS_SECTION_ANSWER)) {
            for (size_t i = 0; i < ldns_rr_list_rr_count(rrs); ++i) {
                const ldns_rdf *rd = ldns_rr_rdf(ldns_rr_list_rr(rrs, i), 0);
                char text[INET6_ADDRSTRLEN] = {};
                if (rd && ::inet_ntop(type == LDNS_RR_TYPE_A ? AF_INET : AF_INET6, ldns_rdf_data(rd), text,
                                      sizeof text))
                    out.addresses.emplace_back(text);
            }
            ldns_rr_list_deep_free(rrs);
        }
        ldns_pkt_free(pkt);
    }
    if (!out.answered && out.error.empty())
        out.error = "no DNS server answered";
    ldns_rdf_deep_free(dname);
    ldns_resolver_deep_free(res);
    return out;
}

std::vector<std::string> localAddresses()
{
    std::vector<std::string> out;
    ifaddrs *list = nullptr;
    if (::getifaddrs(&list) != 0)
        return out;
    for (ifaddrs *a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || !(a->ifa_flags & IFF_UP))
            continue;
        char text[INET6_ADDRSTRLEN] = {};
        if (a->ifa_addr->sa_family == AF_INET)
            ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in *>(a->ifa_addr)->sin_addr, text, sizeof text);
        else if (a->ifa_addr->sa_family == AF_INET6)
            ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6 *>(a->ifa_addr)->sin6_addr, text, sizeof text);
        else
            continue;
        if (std::find(out.begin(), out.end(), text) == out.end())
            out.emplace_back(text);
    }
    ::freeifaddrs(list);
    return out;
}

} // namespace qwqhelper::acme
