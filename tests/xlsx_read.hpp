#pragma once
// rapport.xlsx read back the way a spreadsheet program does (zip + XML), the tables of an HTML
// report as a reader sees them, and the built command line run as a user would: shared by the
// report tests (test_xlsx.cpp, test_publication.cpp).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace wmotoets::test {

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::uint32_t u32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, s.data() + at, 4);
    return v;
}
inline std::uint16_t u16(const std::string& s, std::size_t at) {
    std::uint16_t v = 0;
    std::memcpy(&v, s.data() + at, 2);
    return v;
}

// The files of a zip archive, through its central directory (stored or deflated entries).
inline std::map<std::string, std::string> unzip(const std::string& zip) {
    std::map<std::string, std::string> out;
    std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos) return out;
    const std::uint16_t entries = u16(zip, end + 10);
    std::size_t at = u32(zip, end + 16);
    for (std::uint16_t i = 0; i < entries; ++i) {
        const std::uint16_t method = u16(zip, at + 10);
        const std::uint32_t csize = u32(zip, at + 20), usize = u32(zip, at + 24);
        const std::uint16_t nlen = u16(zip, at + 28), xlen = u16(zip, at + 30), clen = u16(zip, at + 32);
        const std::uint32_t local = u32(zip, at + 42);
        const std::string name = zip.substr(at + 46, nlen);
        const std::size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
        std::string content(usize, '\0');
        if (method == 0) {
            content = zip.substr(data, csize);
        } else {
            z_stream z{};
            inflateInit2(&z, -15);
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
            z.avail_in = csize;
            z.next_out = reinterpret_cast<Bytef*>(content.data());
            z.avail_out = usize;
            inflate(&z, Z_FINISH);
            inflateEnd(&z);
        }
        out[name] = content;
        at += 46 + nlen + xlen + clen;
    }
    return out;
}

inline std::string unescape(std::string s) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                   {"&gt;", ">"},
                                   {"&quot;", "\""},
                                   {"&apos;", "'"},
                                   {"&#39;", "'"},
                                   {"&amp;", "&"}}) {
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
            s.replace(p, from.size(), to);
    }
    return s;
}

// A sheet as cell reference → text (shared strings resolved, numbers as written), head lines included.
inline std::map<std::string, std::string> raw_cells(const std::map<std::string, std::string>& files,
                                                    const std::string& sheet) {
    std::vector<std::string> shared;
    static const std::string none;
    const std::string& ss = files.count("xl/sharedStrings.xml") ? files.at("xl/sharedStrings.xml") : none;
    const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
    for (auto it = std::sregex_iterator(ss.begin(), ss.end(), si); it != std::sregex_iterator(); ++it)
        shared.push_back(unescape((*it)[1]));
    std::map<std::string, std::string> out;
    const std::string& xml = files.at(sheet);
    const std::regex c("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>([^<]*)</v></c>");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), c); it != std::sregex_iterator(); ++it) {
        const std::string attrs = (*it)[2], value = (*it)[3];
        out[(*it)[1]] = attrs.find("t=\"s\"") != std::string::npos ? shared.at(std::stoul(value)) : value;
    }
    return out;
}

// A sheet by its name in the workbook as written, head lines included (empty when there is no such sheet).
inline std::map<std::string, std::string> sheet_as_written(const std::map<std::string, std::string>& files,
                                                           const std::string& name) {
    const std::string& wb = files.at("xl/workbook.xml");
    const std::regex sheet_re("<sheet name=\"([^\"]*)\" sheetId=\"([0-9]+)\"");
    int index = 0;
    for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet_re); it != std::sregex_iterator(); ++it) {
        ++index;
        if ((*it)[1] == name) return raw_cells(files, "xl/worksheets/sheet" + std::to_string(index) + ".xml");
    }
    return {};
}

// The rows of the head that opens a sheet of rapport.xlsx and scheiding.xlsx (title, period, peildatum,
// source, a blank row: reports/xlsx_report.hpp kSheetHeadRows).
inline constexpr int kHeadRows = 5;
inline bool has_head(const std::map<std::string, std::string>& sheet) {
    return sheet.count("A4") && sheet.at("A4").rfind("Bron: ", 0) == 0 && sheet.count("A3") &&
           sheet.at("A3").rfind("Peildatum: ", 0) == 0;
}

// A sheet by its name, as cell reference → text, its table's column heads in row 1: the head lines
// above it (when there are) left out (empty when there is no such sheet).
inline std::map<std::string, std::string> without_head(std::map<std::string, std::string> sheet) {
    if (!has_head(sheet)) return sheet;
    std::map<std::string, std::string> out;
    for (const auto& [ref, value] : sheet) {
        const std::size_t digits = ref.find_first_of("0123456789");
        const int row = std::stoi(ref.substr(digits));
        if (row > kHeadRows) out[ref.substr(0, digits) + std::to_string(row - kHeadRows)] = value;
    }
    return out;
}

inline std::map<std::string, std::string> sheet_named(const std::map<std::string, std::string>& files,
                                                      const std::string& name) {
    return without_head(sheet_as_written(files, name));
}
// A sheet by its file in the archive, the same way.
inline std::map<std::string, std::string> cells(const std::map<std::string, std::string>& files,
                                                const std::string& sheet) {
    return without_head(raw_cells(files, sheet));
}

// The HTML tables after heading `h` (up to the next <h2>): rows of cell texts, tags removed. Read with
// find, not std::regex: a lazy "[\s\S]*?" over a table of 30 KB recursed deep enough to overflow the
// stack under ASan.
using Table = std::vector<std::vector<std::string>>;
// Where the element `name` ("tr", "td", "th") next opens from `from` ("<th" followed by '>' or ' ', not
// "<thead"); npos when not before `end`.
inline std::size_t find_element(const std::string& html, const std::string& name, std::size_t from, std::size_t end) {
    for (std::size_t p = html.find("<" + name, from); p < end; p = html.find("<" + name, p + 1)) {
        const char next = p + 1 + name.size() < html.size() ? html[p + 1 + name.size()] : '\0';
        if (next == '>' || next == ' ') return p;
    }
    return std::string::npos;
}
inline std::string without_tags(const std::string& s) {
    std::string out;
    bool in_tag = false;
    for (const char c : s) {
        if (c == '<') in_tag = true;
        else if (c == '>' && in_tag) in_tag = false;
        else if (!in_tag) out += c;
    }
    return out;
}
inline std::vector<Table> tables_after(const std::string& html, const std::string& heading) {
    std::vector<Table> out;
    const std::size_t at = html.find(">" + heading + "</h");
    if (at == std::string::npos) return out;
    const std::size_t end = std::min(html.find("<h2", at), html.size());
    for (std::size_t t = find_element(html, "table", at, end); t != std::string::npos;
         t = find_element(html, "table", t + 1, end)) {
        const std::size_t body = html.find('>', t) + 1, body_end = std::min(html.find("</table>", body), end);
        Table tab;
        for (std::size_t r = find_element(html, "tr", body, body_end); r != std::string::npos;
             r = find_element(html, "tr", r + 1, body_end)) {
            const std::size_t row = html.find('>', r) + 1, row_end = std::min(html.find("</tr>", row), body_end);
            std::vector<std::string> cells;
            for (std::size_t c = row;;) {
                const std::size_t td = find_element(html, "td", c, row_end), th = find_element(html, "th", c, row_end);
                const std::size_t cell = std::min(td, th);
                if (cell == std::string::npos) break;
                const std::size_t content = html.find('>', cell) + 1;
                const std::size_t close = std::min(html.find(cell == td ? "</td>" : "</th>", content), row_end);
                cells.push_back(unescape(without_tags(html.substr(content, close - content))));
                c = close;
            }
            tab.push_back(cells);
        }
        out.push_back(tab);
    }
    return out;
}

// Runs the built wmotoets with `args`, as a user would; its exit code (-1 when it could not run). With
// `messages`, what it says on stderr goes to that file.
inline int cli(std::vector<std::string> args, const std::string& messages = {}) {
    args.insert(args.begin(), WMOTOETS_EXE);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!messages.empty())
        posix_spawn_file_actions_addopen(&actions, 2, messages.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

}  // namespace wmotoets::test
