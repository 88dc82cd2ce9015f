// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginx/edit.h"

#include "errors.h"
#include "nginx/install.h"
#include "nginx/validate.h"

#include <algorithm>
#include <cctype>

namespace qwqhelper::nginx {

using nlohmann::json;

namespace {

std::string argField(std::size_t i, std::size_t j)
{
    return "changes[" + std::to_string(i) + "].args[" + std::to_string(j) + "]";
}

void checkArgs(const std::string &name, const std::vector<std::string> &args, std::size_t i,
               const std::vector<std::string> &roots)
{
    const std::string field = "changes[" + std::to_string(i) + "].args";
    auto count = [&](std::size_t min, std::size_t max) {
        if (args.size() < min || args.size() > max)
            throw invalidValue(field, name + " takes " + std::to_string(min) + " to "
                                          + std::to_string(max) + " arguments");
    };
    std::vector<std::string> logRoots = roots, certRoots = roots;
    logRoots.push_back("/var/log");
    for (const char *d : {"/etc/ssl", "/etc/letsencrypt", "/etc/nginx"})
        certRoots.push_back(d);
    if (name == "server_name") {
        count(1, 64);
        for (std::size_t j = 0; j < args.size(); ++j)
            if (args[j] != "_")
                domainField(args[j], argField(i, j), true);
    } else if (name == "listen") {
        count(1, 4);
        listenField(args[0], argField(i, 0));
        for (std::size_t j = 1; j < args.size(); ++j)
            if (args[j] != "ssl" && args[j] != "http2" && args[j] != "default_server")
                throw invalidValue(argField(i, j), "invalid " + argField(i, j), "ssl, http2 or default_server");
    } else if (name == "root") {
        count(1, 1);
        pathField(args[0], argField(i, 0), roots);
    } else if (name == "index") {
        count(1, 16);
        for (std::size_t j = 0; j < args.size(); ++j)
            if (args[j].empty() || args[j].size() > 128
                || !std::all_of(args[j].begin(), args[j].end(), [](unsigned char c) {
                       return std::isalnum(c) || c == '.' || c == '_' || c == '-';
                   }))
                throw invalidValue(argField(i, j), "invalid " + argField(i, j), "a file name");
    } else if (name == "client_max_body_size") {
        count(1, 1);
        sizeField(args[0], argField(i, 0));
    } else if (name == "gzip") {
        count(1, 1);
        if (args[0] != "on" && args[0] != "off")
            throw invalidValue(argField(i, 0), "invalid " + argField(i, 0), "on or off");
    } else if (name == "access_log" || name == "error_log") {
        count(1, 1);
        if (!(name == "access_log" && args[0] == "off"))
            pathField(args[0], argField(i, 0), logRoots);
    } else if (name == "ssl_certificate" || name == "ssl_certificate_key") {
        count(1, 1);
        pathField(args[0], argField(i, 0), certRoots);
    } else if (name == "return") {
        count(2, 2);
        if (args[0] != "301" && args[0] != "302" && args[0] != "307" && args[0] != "308")
            throw invalidValue(argField(i, 0), "invalid " + argField(i, 0), "301, 302, 307 or 308");
        urlField(args[1], argField(i, 1));
    }
}

// Start of the line holding `pos`.
std::size_t lineStart(const std::string &text, std::size_t pos)
{
    while (pos > 0 && text[pos - 1] != '\n')
        --pos;
    return pos;
}

// A directive removed with its whole line when nothing else is on it.
Edit removal(const std::string &text, const Directive &d)
{
    const std::size_t start = lineStart(text, d.span.begin);
    const bool aloneBefore = std::all_of(text.begin() + static_cast<long>(start),
                                         text.begin() + static_cast<long>(d.span.begin),
                                         [](char c) { return c == ' ' || c == '\t'; });
    std::size_t end = d.span.end;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
        ++end;
    if (aloneBefore && (end == text.size() || text[end] == '\n'))
        return {{start, end < text.size() ? end + 1 : end}, ""};
    return {d.span, ""};
}

std::string joinArgs(const std::vector<std::string> &args)
{
    std::string s;
    for (const auto &a : args)
        s += (s.empty() ? "" : " ") + quoteArg(a);
    return s;
}

const Directive *findServer(const std::vector<Directive> &list, int line, int depth = 0)
{
    if (depth > 64)
        return nullptr;
    for (const auto &d : list) {
        if (d.name == "server" && d.block && d.line == line)
            return &d;
        if (d.block && d.name != "server")
            if (const Directive *s = findServer(d.children, line, depth + 1))
                return s;
    }
    return nullptr;
}

} // namespace

const std::vector<std::string> &editableDirectives()
{
    static const std::vector<std::string> names{
        "server_name", "listen", "root", "index", "client_max_body_size", "gzip", "access_log",
        "error_log", "ssl_certificate", "ssl_certificate_key", "return"};
    return names;
}

std::vector<DirectiveChange> parseChanges(const json &changes, const std::vector<std::string> &roots)
{
    if (!changes.is_array() || changes.empty() || changes.size() > 64)
        throw invalidValue("changes", "changes must list 1 to 64 directives");
    std::vector<DirectiveChange> out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string f = "changes[" + std::to_string(i) + "]";
        if (!changes[i].is_object())
            throw RpcError(Code::InvalidParams, "invalid params: " + f + " must be an object", errorData(f));
        DirectiveChange c;
        c.name = str(changes[i], "name", f + ".name");
        const auto &names = editableDirectives();
        if (std::find(names.begin(), names.end(), c.name) == names.end())
            throw invalidValue(f + ".name", "invalid " + f + ".name",
                               "one of server_name, listen, root, index, client_max_body_size, gzip, "
                               "access_log, error_log, ssl_certificate, ssl_certificate_key, return");
        c.remove = flag(changes[i], "remove", f + ".remove");
        c.line = static_cast<int>(integer(changes[i], "line", f + ".line", 1, 10000000, 0));
        if (!c.remove) {
            const json &args = array(changes[i], "args", f + ".args");
            for (std::size_t j = 0; j < args.size(); ++j) {
                if (!args[j].is_string())
                    throw RpcError(Code::InvalidParams, "invalid params: " + argField(i, j) + " must be a string",
                                   errorData(argField(i, j)));
                c.args.push_back(args[j].get<std::string>());
                if (!isSafeValue(c.args.back()) || c.args.back().find(' ') != std::string::npos
                    || c.args.back().empty())
                    throw invalidValue(argField(i, j), "invalid " + argField(i, j),
                                       "one word: printable ASCII without spaces, ; { } quotes \\ $ #");
            }
            checkArgs(c.name, c.args, i, roots);
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::string editServer(const std::string &text, const std::string &file, int line,
                       const std::vector<DirectiveChange> &changes)
{
    const std::vector<Directive> list = parse(text, file);
    const Directive *server = findServer(list, line);
    if (!server)
        throw RpcError(kSiteNotFound, "no server block on that line",
                       json{{"field", "id"}, {"value", file + ":" + std::to_string(line)}});
    std::vector<Edit> edits;
    std::string appended;
    // indentation of the block's first directive, else the closing brace's plus four spaces
    const std::size_t closeBrace = server->span.end - 1;
    std::string indent = "    ";
    if (!server->children.empty()) {
        const std::size_t s = lineStart(text, server->children[0].span.begin);
        indent = text.substr(s, server->children[0].span.begin - s);
        if (!std::all_of(indent.begin(), indent.end(), [](char c) { return c == ' ' || c == '\t'; }))
            indent = "    ";
    }
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const DirectiveChange &c = changes[i];
        std::vector<const Directive *> found;
        for (const auto &d : server->children)
            if (d.name == c.name && (c.line == 0 || d.line == c.line))
                found.push_back(&d);
        if (found.size() > 1)
            throw invalidValue("changes[" + std::to_string(i) + "].line",
                               "the server block has several " + c.name + " directives",
                               "give the line of the one to change");
        if (found.empty() && c.line != 0)
            throw invalidValue("changes[" + std::to_string(i) + "].line",
                               "no " + c.name + " directive on that line");
        if (c.remove) {
            if (!found.empty())
                edits.push_back(removal(text, *found[0]));
        } else if (!found.empty()) {
            const Directive &d = *found[0];
            const Span args = d.argSpans.empty() ? Span{d.span.end - 1, d.span.end - 1}
                                                 : Span{d.argSpans.front().begin, d.argSpans.back().end};
            edits.push_back({args, (d.argSpans.empty() ? " " : "") + joinArgs(c.args)});
        } else {
            appended += indent + c.name + " " + joinArgs(c.args) + ";\n";
        }
    }
    if (!appended.empty()) {
        const std::size_t s = lineStart(text, closeBrace);
        const bool braceAlone = std::all_of(text.begin() + static_cast<long>(s),
                                            text.begin() + static_cast<long>(closeBrace),
                                            [](char c) { return c == ' ' || c == '\t'; });
        if (braceAlone)
            edits.push_back({{s, s}, appended});
        else
            edits.push_back({{closeBrace, closeBrace}, "\n" + appended});
    }
    return splice(text, edits);
}

} // namespace qwqhelper::nginx
