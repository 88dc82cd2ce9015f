// SPDX-FileCopyrightText: 2026 qwq contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

/// nginx configuration: a tokenizer and parser that keep the source file, line and byte range of
/// every directive and argument, so an edit splices new text into the original and leaves every
/// byte it does not touch as it was; and a loader that follows `include` (globs included) from
/// the main file. Nothing here writes files or runs nginx.
namespace qwqhelper::nginx {

struct Span
{
    std::size_t begin = 0; // byte offset in the file's text
    std::size_t end = 0;   // one past the last byte
};

struct Directive
{
    std::string name;
    std::vector<std::string> args; // unquoted, escapes resolved
    std::vector<Span> argSpans;    // each argument as written (quotes included)
    int line = 0;                  // 1-based line of the name
    Span span;                     // name .. ';' or the closing '}'
    bool block = false;
    std::vector<Directive> children;
    std::vector<int> includes;     // for `include`: indexes into Tree::files, in glob order
    std::string lua;               // `*_by_lua_block { … }` (OpenResty): the Lua between the braces
};

/// A syntax error: file, 1-based line and nginx-like message.
struct ParseError final : std::runtime_error
{
    ParseError(std::string f, int l, const std::string &m)
        : std::runtime_error(m), file(std::move(f)), line(l)
    {}
    std::string file;
    int line;
};

// Parses one file's text. Throws ParseError.
std::vector<Directive> parse(const std::string &text, const std::string &file);

struct File
{
    std::string path; // as nginx opens it (absolute; a symlink is not resolved)
    std::string text;
    std::vector<Directive> directives;
};

struct Tree
{
    std::string mainPath;
    std::string prefix; // the main file's directory: where relative paths resolve
    std::vector<File> files; // files[0] is the main file
    int indexOf(const std::string &path) const;
};

// Reads `mainPath` and every file it includes (relative includes resolve against the main
// file's directory, globs expand sorted like nginx). `readFile` returns false when a file cannot
// be read. Throws ParseError (also for a missing main file or an include cycle).
using FileReader = std::function<bool(const std::string &path, std::string &text)>;
Tree load(const std::string &mainPath, const FileReader &readFile);
Tree loadFromDisk(const std::string &mainPath);
// The FileReader of loadFromDisk: a regular file (symbolic links followed, as nginx does) of at
// most 16 MiB.
bool readConfigFile(const std::string &path, std::string &text);

// Visits the directives of `file` in order, descending into blocks and into included files as
// if their directives stood in place of the `include`. `context` is the chain of enclosing
// block names ("http", "server"...). Return false from `visit` to skip a block's children.
using Visitor = std::function<bool(const Directive &d, const File &file,
                                   const std::vector<std::string> &context)>;
void walk(const Tree &tree, const Visitor &visit);

struct Edit
{
    Span span;
    std::string text;
};
// Applies non-overlapping edits to `text`; bytes outside the spans stay as they were.
std::string splice(const std::string &text, std::vector<Edit> edits);

// An argument written so nginx reads back exactly `value`: bare when it is a plain word, else in
// double quotes with '"' and '\' escaped. Callers validate values first; this never lets a
// value end the directive.
std::string quoteArg(const std::string &value);

// Writes `list` in a canonical layout (4-space indent, one directive a line, every argument
// through quoteArg): what the file means, without its comments and spacing. Parsing the result
// gives the same names and arguments.
std::string emitCanonical(const std::vector<Directive> &list, int indent = 0);

} // namespace qwqhelper::nginx
