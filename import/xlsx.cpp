#include "import/xlsx.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unordered_map>

#include "import/xml_words.hpp"
#include "model/bsn.hpp"
#include "model/date.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

constexpr std::uint64_t kMaxWorkbookBytes = std::uint64_t(1) << 30;  // the .xlsx file itself
constexpr std::uint64_t kMaxPartBytes = std::uint64_t(2) << 30;      // one inflated part
constexpr std::uint64_t kMaxMetadataBytes = std::uint64_t(8) << 20;  // rels, workbook, styles
constexpr std::size_t kMaxCellChars = 32767;                         // Excel's own limit per cell
constexpr int kMaxDepth = 64;                                        // elements in elements, as for XES
// The shared strings, in proportion to their part: unique texts seldom compress more than tenfold.
constexpr std::uint64_t kSharedPerCompressedByte = 16, kSharedTextPerCompressedByte = 50,
                        kSharedTextSlack = std::uint64_t(16) << 20;
// A cell that refers to a shared string is at least <c t="s"><v>0</v></c>: 19 bytes of its sheet.
constexpr std::uint64_t kMinSharedCellBytes = 19;
constexpr std::size_t kMaxColumns = 16384;  // A … XFD
constexpr std::size_t kMaxRows = 1048576;

std::uint16_t u16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}
std::uint32_t u32(const std::string& s, std::size_t at) {
    return std::uint32_t(u16(s, at)) | std::uint32_t(u16(s, at + 2)) << 16;
}

// The local part of a name from a namespace-aware expat parser ("uri\x01local"), or the name.
std::string_view local(const char* name) {
    std::string_view n(name);
    const auto sep = n.rfind('\x01');
    return sep == std::string_view::npos ? n : n.substr(sep + 1);
}

const char* attribute(const char** atts, std::string_view want) {
    for (const char** a = atts; *a; a += 2)
        if (local(a[0]) == want) return a[1];
    return nullptr;
}

// UTF-16 units of a piece of UTF-8 (Excel counts a cell's length so): one per character, two for
// one beyond U+FFFF. A character cut between two pieces is counted once, at its first byte.
std::size_t utf16_units(const char* s, std::size_t n) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        units += (c & 0xC0) != 0x80;
        units += c >= 0xF0;
    }
    return units;
}

// One XML part parsed with expat, with handlers as functions; a DTD is refused (a workbook never
// has one, and entity declarations are how XML is made to explode).
class XmlPart {
public:
    using Start = std::function<void(std::string_view, const char**)>;
    using End = std::function<void(std::string_view)>;
    using Text = std::function<void(const char*, int)>;
    XmlPart(std::string where, Start start, End end, Text text)
        : where_(std::move(where)), start_(std::move(start)), end_(std::move(end)), text_(std::move(text)) {
        parser_ = XML_ParserCreateNS(nullptr, '\x01');
        if (!parser_) throw Error(where_ + ": onvoldoende geheugen voor de XML-lezer");
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XmlPart::on_start, &XmlPart::on_end);
        if (text_) XML_SetCharacterDataHandler(parser_, &XmlPart::on_text);
        XML_SetStartDoctypeDeclHandler(parser_, &XmlPart::on_doctype);
    }
    ~XmlPart() { XML_ParserFree(parser_); }
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    void feed(const char* data, std::size_t n, bool last) {
        while (n > 0 || last) {
            const int chunk = static_cast<int>(std::min<std::size_t>(n, 1 << 20));
            const bool end = last && std::size_t(chunk) == n;
            const auto status = XML_Parse(parser_, data, chunk, end);
            if (error_) std::rethrow_exception(error_);
            if (status == XML_STATUS_ERROR)
                throw Error(fmt::format("{} (regel {}): beschadigd: {}", where_, XML_GetCurrentLineNumber(parser_),
                                        xml_error_dutch(XML_GetErrorCode(parser_))));
            data += chunk;
            n -= std::size_t(chunk);
            if (end) break;
        }
    }

private:
    template <typename F>
    static void guarded(void* self, F&& f) {
        auto* p = static_cast<XmlPart*>(self);
        if (p->error_) return;
        try {
            f(*p);
        } catch (...) {
            p->error_ = std::current_exception();
            XML_StopParser(p->parser_, XML_FALSE);
        }
    }
    static void on_start(void* self, const char* name, const char** atts) {
        guarded(self, [&](XmlPart& p) {
            if (++p.depth_ > kMaxDepth)
                throw Error(
                    fmt::format("{} (regel {}): meer dan {} elementen in elkaar (de grens van Wmo-toets); "
                                "dit is geen werkmap zoals Excel die schrijft",
                                p.where_, XML_GetCurrentLineNumber(p.parser_), kMaxDepth));
            p.start_(local(name), atts);
        });
    }
    static void on_end(void* self, const char* name) {
        guarded(self, [&](XmlPart& p) {
            --p.depth_;
            p.end_(local(name));
        });
    }
    static void on_text(void* self, const char* s, int n) {
        guarded(self, [&](XmlPart& p) { p.text_(s, n); });
    }
    static void on_doctype(void* self, const char*, const char*, const char*, int) {
        guarded(self, [](XmlPart& p) { throw Error(p.where_ + ": beschadigd: een werkmap bevat geen DTD"); });
    }

    std::string where_;
    Start start_;
    End end_;
    Text text_;
    XML_Parser parser_ = nullptr;
    std::exception_ptr error_;
    int depth_ = 0;
};

// Does this number format show a date or a time? Built-in ids (ECMA-376 §18.8.30, with the East
// Asian date formats), or a format code with day, month, year, hour or second letters outside
// quoted text, escapes and [colour]/[condition] brackets.
bool is_date_format(unsigned id, const std::string& code) {
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return true;
    if (code.empty()) return false;
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (bracket) {
            bracket = c != ']';
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '[') bracket = true;
        else if (c == '\\' || c == '_' || c == '*') ++i;  // the next character is literal (or padding)
        else if (c == ';') break;                         // the first section decides
        else {
            const char l = static_cast<char>(c | 0x20);
            if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') return true;
        }
    }
    return false;
}

// Parses a cell reference "AB12" into (col 0-based, row 1-based); false when malformed.
bool parse_reference(std::string_view ref, std::size_t& col, std::size_t& row) {
    std::size_t i = 0, c = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) c = c * 26 + std::size_t(ref[i++] - 'A' + 1);
    if (c == 0 || i == ref.size()) return false;
    const std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 7) r = r * 10 + std::size_t(ref[i++] - '0');
    if (i != ref.size() || r == 0 || c > kMaxColumns || r > kMaxRows) return false;
    col = c - 1;
    row = r;
    return true;
}

std::string number_text(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
    return fmt::format("{}", v);
}

}  // namespace

bool is_xlsx_path(const std::string& path) {
    const std::string p = ascii_lower(path);
    return p.size() >= 5 && p.compare(p.size() - 5, 5, ".xlsx") == 0;
}

std::string column_letters(std::size_t col) {
    std::string s;
    for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), char('A' + (c - 1) % 26));
    return s;
}

std::string excel_serial_to_iso(double serial, bool date1904) {
    if (std::isfinite(serial) && serial >= 0 && serial < 1 && !date1904) {
        // A time of day without a date (a time column): "10:30:00".
        const auto seconds = std::llround(serial * 86400.0) % 86400;
        return fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return {};
    double whole = std::floor(serial);
    auto seconds = std::llround((serial - whole) * 86400.0);
    if (seconds == 86400) {
        whole += 1;
        seconds = 0;
    }
    const auto n = static_cast<int>(whole);
    Date d;
    if (date1904) d = Date::from_ymd(1904, 1, 1) + n;
    else if (n == 60) return {};  // 29 February 1900, a day that never was (Lotus 1-2-3's mistake)
    else d = n < 60 ? Date::from_ymd(1899, 12, 31) + n : Date::from_ymd(1899, 12, 30) + n;
    if (d.year() > 9999) return {};
    if (seconds == 0) return d.iso();
    return fmt::format("{}T{:02}:{:02}:{:02}", d.iso(), seconds / 3600, seconds / 60 % 60, seconds % 60);
}

XlsxWorkbook::XlsxWorkbook(std::string path) : path_(std::move(path)) {
    const std::string name = std::filesystem::path(path_).filename().string();
    require_regular_file(path_);
    read_archive();
    const std::string base = read_workbook(name);
    read_shared_strings(name, base);
    read_styles(name, base);
}

Error XlsxWorkbook::damaged(const std::string& what) const {
    return Error(path_ + ": de werkmap is beschadigd (" + what + "); open en bewaar hem opnieuw in Excel");
}

// The whole file in memory (at most kMaxWorkbookBytes) and the entries of its zip directory.
void XlsxWorkbook::read_archive() {
    {
        std::ifstream in(path_, std::ios::binary);
        if (!in) throw Error(path_ + ": bestand bestaat niet of is niet leesbaar");
        in.seekg(0, std::ios::end);
        const auto size = static_cast<std::uint64_t>(in.tellg());
        if (size > kMaxWorkbookBytes)
            throw Error(path_ + ": de werkmap is groter dan 1 GiB (de grens van Wmo-toets); sla het blad op als CSV");
        in.seekg(0);
        zip_.resize(size);
        in.read(zip_.data(), static_cast<std::streamsize>(size));
        if (!in) throw Error(path_ + ": bestand is niet leesbaar");
    }
    if (zip_.size() >= 8 && zip_.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        throw Error(path_ +
                    ": dit is een versleutelde werkmap (met wachtwoord) of een oud Excel-bestand (.xls); open het in "
                    "Excel en sla het op als .xlsx zonder wachtwoord");
    if (zip_.size() < 22 || zip_.compare(0, 2, "PK") != 0)
        throw Error(path_ + ": geen Excel-werkmap (.xlsx): het bestand is geen zip-archief");
    // The end of central directory record, within the last 64 KiB + 22 bytes.
    std::size_t eocd = std::string::npos;
    for (std::size_t at = zip_.size() - 22;; --at) {
        if (zip_.compare(at, 4, "PK\x05\x06", 4) == 0) {
            eocd = at;
            break;
        }
        if (at == 0 || zip_.size() - at > 65557) break;
    }
    if (eocd == std::string::npos) throw damaged("geen inhoudsopgave van het zip-archief");
    const std::uint16_t count = u16(zip_, eocd + 10);
    const std::uint32_t cd_offset = u32(zip_, eocd + 16);
    if (count == 0xFFFF || cd_offset == 0xFFFFFFFF)
        throw Error(path_ + ": de werkmap gebruikt zip64 (groter dan 4 GiB); dat leest Wmo-toets niet");
    std::size_t at = cd_offset;
    for (std::uint16_t i = 0; i < count; ++i) {
        if (at + 46 > zip_.size() || zip_.compare(at, 4, "PK\x01\x02", 4) != 0)
            throw damaged("inhoudsopgave afgebroken");
        Entry e;
        e.flags = u16(zip_, at + 8);
        e.method = u16(zip_, at + 10);
        e.crc = u32(zip_, at + 16);
        e.compressed = u32(zip_, at + 20);
        e.size = u32(zip_, at + 24);
        const std::size_t nlen = u16(zip_, at + 28), xlen = u16(zip_, at + 30), clen = u16(zip_, at + 32);
        e.local_offset = u32(zip_, at + 42);
        if (at + 46 + nlen > zip_.size()) throw damaged("inhoudsopgave afgebroken");
        e.name = zip_.substr(at + 46, nlen);
        if (e.flags & 1) throw Error(path_ + ": de werkmap is versleuteld; sla hem in Excel op zonder wachtwoord");
        // Two parts with one name: which one a program reads differs, so neither is trusted.
        if (!entry_index_.emplace(e.name, entries_.size()).second)
            throw damaged("het onderdeel '" + shown_text(replace_bsn_groups(utf8_prefix(e.name, 200))) +
                          "' staat twee keer in het archief");
        entries_.push_back(std::move(e));
        at += 46 + nlen + xlen + clen;
    }
}

std::string XlsxWorkbook::read_workbook(const std::string& name) {
    // The workbook: sheet names and their relationship ids, the date system.
    std::string workbook = "xl/workbook.xml";
    if (find("_rels/.rels")) {
        XmlPart rels(
            name + ":_rels/.rels",
            [&](std::string_view el, const char** atts) {
            const char* type = attribute(atts, "Type");
            const char* target = attribute(atts, "Target");
            if (el == "Relationship" && type && target && std::string_view(type).ends_with("/officeDocument"))
                workbook = target[0] == '/' ? std::string(target + 1) : std::string(target);
            },
            [](std::string_view) {}, nullptr);
        const std::string body = part("_rels/.rels");
        rels.feed(body.data(), body.size(), true);
    }
    if (!find(workbook))
        throw Error(path_ + ": geen Excel-werkmap (.xlsx): het zip-archief heeft geen werkboek (" + workbook + ")");
    const std::string base = workbook.substr(0, workbook.rfind('/') + 1);  // "xl/"
    std::vector<std::string> ids;
    {
        XmlPart wb(
            name + ":" + workbook,
            [&](std::string_view el, const char** atts) {
            if (el == "sheet") {
                const char* n = attribute(atts, "name");
                const char* id = attribute(atts, "id");
                if (n && id) {
                    raw_names_.emplace_back(n);
                    // A sheet's name travels into messages: a possible BSN replaced, controls shown.
                    names_.push_back(shown_text(replace_bsn_groups(n)));
                    ids.emplace_back(id);
                }
            } else if (el == "workbookPr") {
                const char* d = attribute(atts, "date1904");
                date1904_ = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
            }
            },
            [](std::string_view) {}, nullptr);
        const std::string body = part(workbook);
        wb.feed(body.data(), body.size(), true);
    }
    if (names_.empty()) throw damaged("het werkboek noemt geen bladen");
    targets_.assign(names_.size(), {});
    std::unordered_map<std::string, std::vector<std::size_t>> sheets_of;  // relationship id → sheets
    for (std::size_t i = 0; i < ids.size(); ++i) sheets_of[ids[i]].push_back(i);
    const std::string rels_name = base + "_rels/" + workbook.substr(base.size()) + ".rels";
    if (find(rels_name)) {
        XmlPart rels(
            name + ":" + rels_name,
            [&](std::string_view el, const char** atts) {
            const char* id = attribute(atts, "Id");
            const char* target = attribute(atts, "Target");
            if (el != "Relationship" || !id || !target) return;
            const auto it = sheets_of.find(id);
            if (it == sheets_of.end()) return;
            for (const std::size_t i : it->second)
                targets_[i] = target[0] == '/' ? std::string(target + 1) : base + target;
            },
            [](std::string_view) {}, nullptr);
        const std::string body = part(rels_name);
        rels.feed(body.data(), body.size(), true);
    }
    for (std::size_t i = 0; i < targets_.size(); ++i)
        if (targets_[i].empty()) targets_[i] = base + "worksheets/sheet" + std::to_string(i + 1) + ".xml";
    return base;
}

void XlsxWorkbook::read_shared_strings(const std::string& name, const std::string& base) {
    const std::string part_name = base + "sharedStrings.xml";
    const Entry* entry = find(part_name);
    if (!entry) return;
    // What this part may hold, in proportion to its size in the archive and to what the sheets
    // can refer to (issue 27: 50 million empty strings in 366 KB took 2.1 GB).
    std::uint64_t sheet_bytes = 0;
    for (const std::string& t : targets_)
        if (const Entry* e = find(t)) sheet_bytes += e->size;
    const std::uint64_t max_count = std::min<std::uint64_t>(kSharedPerCompressedByte * entry->compressed + 4096,
                                                            sheet_bytes / kMinSharedCellBytes + 1);
    const std::uint64_t max_text = kSharedTextPerCompressedByte * entry->compressed + kSharedTextSlack;
    const std::string where = name + ":" + part_name;
    // Shared strings: the text of each <si>, rich-text runs joined, phonetic guides left out.
    std::size_t units = 0;
    bool in_si = false, in_t = false;
    int phonetic = 0;
    XmlPart ss(
        where,
        [&](std::string_view el, const char**) {
        if (el == "si") {
            if (shared_end_.size() >= max_count)
                throw Error(
                    fmt::format("{}: meer dan {} gedeelde teksten, meer dan de bladen kunnen gebruiken of dan "
                                "bij de grootte van het onderdeel past (de grens van Wmo-toets); is dit wel "
                                "een werkmap zoals Excel die schrijft?",
                                where, grouped(max_count)));
            in_si = true;
            units = 0;
        } else if (el == "rPh") {
            ++phonetic;
        } else if (el == "t") {
            in_t = in_si && phonetic == 0;
        }
        },
        [&](std::string_view el) {
        if (el == "si") {
            shared_end_.push_back(static_cast<std::uint32_t>(shared_text_.size()));
            in_si = false;
        } else if (el == "rPh") --phonetic;
        else if (el == "t") in_t = false;
    },
        [&](const char* s, int n) {
        if (!in_t) return;
        units += utf16_units(s, std::size_t(n));
        if (units > kMaxCellChars)
            throw Error(fmt::format("{}: tekst nummer {} is langer dan {} tekens (de grens van Excel)", path_,
                                    grouped(shared_end_.size() + 1), grouped(kMaxCellChars)));
        if (shared_text_.size() + std::size_t(n) > max_text)
            throw Error(
                fmt::format("{}: de gedeelde teksten zijn samen meer dan {} MiB, meer dan bij de grootte van "
                            "het onderdeel past (de grens van Wmo-toets); is dit wel een werkmap zoals Excel "
                            "die schrijft?",
                            where, max_text >> 20));
        shared_text_.append(s, std::size_t(n));
        });
    stream_part(part_name, [&](const char* d, std::size_t n, bool last) { ss.feed(d, n, last); });
}

void XlsxWorkbook::read_styles(const std::string& name, const std::string& base) {
    if (!find(base + "styles.xml")) return;
    // Styles: which cell formats show dates; in one pass, each format looked up once (linear).
    std::unordered_map<unsigned, bool> custom;  // numFmtId → shows a date
    bool in_xfs = false;
    XmlPart st(
        name + ":" + base + "styles.xml",
        [&](std::string_view el, const char** atts) {
        const char* id = attribute(atts, "numFmtId");
        if (el == "numFmt" && id) {
            const char* code = attribute(atts, "formatCode");
            const auto fmt_id = unsigned(std::strtoul(id, nullptr, 10));
            custom[fmt_id] = is_date_format(fmt_id, code ? code : "");
        } else if (el == "cellXfs") {
            in_xfs = true;
        } else if (el == "xf" && in_xfs) {
            const unsigned fmt_id = id ? unsigned(std::strtoul(id, nullptr, 10)) : 0;
            const auto it = custom.find(fmt_id);
            date_style_.push_back(it != custom.end() ? it->second : is_date_format(fmt_id, ""));
        }
        },
        [&](std::string_view el) {
        if (el == "cellXfs") in_xfs = false;
    },
        nullptr);
    const std::string body = part(base + "styles.xml");
    st.feed(body.data(), body.size(), true);
}

const XlsxWorkbook::Entry* XlsxWorkbook::find(const std::string& name) const {
    const auto it = entry_index_.find(name);
    return it == entry_index_.end() ? nullptr : &entries_[it->second];
}

void XlsxWorkbook::stream_part(const std::string& name,
                               const std::function<void(const char*, std::size_t, bool)>& sink) const {
    const Entry* e = find(name);
    if (!e) throw Error(path_ + ": de werkmap is beschadigd (" + name + " ontbreekt)");
    const auto damaged = [&](const std::string& what) {
        return Error(path_ + ": de werkmap is beschadigd (" + name + ": " + what +
                     "); open en bewaar hem opnieuw in Excel");
    };
    const std::size_t lh = e->local_offset;
    if (lh + 30 > zip_.size() || zip_.compare(lh, 4, "PK\x03\x04", 4) != 0) throw damaged("kop ontbreekt");
    const std::size_t data = lh + 30 + u16(zip_, lh + 26) + u16(zip_, lh + 28);
    if (data > zip_.size() || e->compressed > zip_.size() - data) throw damaged("afgekapt");
    if (e->size > kMaxPartBytes)
        throw Error(path_ + ": " + name + " is groter dan 2 GiB uitgepakt (de grens van Wmo-toets)");
    const char* in = zip_.data() + data;
    const auto crc_error = [&] { return damaged("de controlesom (CRC-32) klopt niet"); };
    if (e->method == 0) {
        if (e->compressed != e->size) throw damaged("verkeerde lengte");
        if (crc32_z(0, reinterpret_cast<const Bytef*>(in), e->size) != e->crc) throw crc_error();
        sink(in, e->size, true);
        return;
    }
    if (e->method != 8) throw damaged(fmt::format("onbekende compressiemethode {}", e->method));
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) throw Error(path_ + ": onvoldoende geheugen om de werkmap uit te pakken");
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&z, inflateEnd);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z.avail_in = e->compressed;
    std::vector<char> out(1 << 16);
    std::uint64_t total = 0;
    uLong crc = 0;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            throw damaged(z.msg ? std::string("zlib: ") + z.msg : "niet uit te pakken");
        const std::size_t got = out.size() - z.avail_out;
        total += got;
        if (total > e->size) throw damaged("groter dan opgegeven");
        crc = crc32_z(crc, reinterpret_cast<const Bytef*>(out.data()), got);
        if (rc == Z_STREAM_END) {
            if (total != e->size) throw damaged("kleiner dan opgegeven");
            if (crc != e->crc) throw crc_error();
            sink(out.data(), got, true);
            return;
        }
        if (got == 0 && z.avail_in == 0) throw damaged("afgekapt");
        sink(out.data(), got, false);
    }
}

std::string XlsxWorkbook::part(const std::string& name) const {
    if (const Entry* e = find(name); e && e->size > kMaxMetadataBytes)
        throw Error(
            fmt::format("{}: {} is groter dan {} MiB uitgepakt (de grens van Wmo-toets voor dit onderdeel; "
                        "Excel schrijft het veel kleiner); is dit wel een werkmap?",
                        path_, shown_text(name), kMaxMetadataBytes >> 20));
    std::string body;
    stream_part(name, [&](const char* d, std::size_t n, bool) { body.append(d, n); });
    return body;
}

std::size_t XlsxWorkbook::resolve_sheet(std::string_view sheet) const {
    if (sheet.empty()) return 0;
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (raw_names_[i] == sheet || names_[i] == sheet) return i;
    constexpr std::size_t kListed = 20;
    std::string list;
    for (std::size_t i = 0; i < std::min(names_.size(), kListed); ++i)
        list += (list.empty() ? "'" : ", '") + utf8_prefix(names_[i], 100) + "'";
    if (names_.size() > kListed) list += " en nog " + grouped(names_.size() - kListed);
    throw Error(fmt::format("{}: geen blad '{}' in deze werkmap; de bladen zijn: {}", path_,
                            shown_text(replace_bsn_groups(utf8_prefix(sheet, 200))), list));
}

std::string XlsxWorkbook::location(std::string_view sheet, std::size_t row, std::size_t col) const {
    return fmt::format("{}:{}!{}{}", path_, names_[resolve_sheet(sheet)], column_letters(col), row);
}

void XlsxWorkbook::read_sheet(std::string_view sheet, const RowHandler& on_row) const {
    const std::size_t index = resolve_sheet(sheet);
    const std::string& target = targets_[index];
    const std::string& sheet_name = names_[index];
    // A row holds the cells it has (issue 27: a row of one cell in XFD was 16,384 cells), in
    // column order; a row written out of order is sorted once at its end.
    std::vector<XlsxCell> cells;
    bool unordered = false;
    std::size_t row = 0, col = 0, next_col = 0, cell_row = 0, units = 0;
    std::string type, value;
    std::size_t style = 0;
    bool in_value = false, in_inline = false;
    const auto at = [&] { return fmt::format("{}:{}!{}{}", path_, sheet_name, column_letters(col), cell_row); };
    XmlPart xml(
        std::filesystem::path(path_).filename().string() + ":" + sheet_name,
        [&](std::string_view el, const char** atts) {
        if (el == "row") {
            const char* r = attribute(atts, "r");
            const std::size_t next = row + 1;
            row = r ? std::size_t(std::strtoull(r, nullptr, 10)) : next;
            if (row == 0 || row > kMaxRows)
                throw Error(fmt::format("{}:{}: ongeldig rijnummer '{}'", path_, sheet_name, echoed(r ? r : "")));
            cells.clear();
            unordered = false;
            col = next_col = 0;
        } else if (el == "c") {
            const char* r = attribute(atts, "r");
            std::size_t c = next_col, rr = row;
            if (r && !parse_reference(r, c, rr))
                throw Error(fmt::format("{}:{}!{}: ongeldige celverwijzing", path_, sheet_name, echoed(r)));
            if (c >= kMaxColumns)
                throw Error(fmt::format("{}:{}: een cel voorbij kolom XFD in rij {}", path_, sheet_name, row));
            col = c;
            next_col = c + 1;
            cell_row = row;
            const char* t = attribute(atts, "t");
            type = t ? t : "n";
            const char* s = attribute(atts, "s");
            style = s ? std::size_t(std::strtoull(s, nullptr, 10)) : 0;
            value.clear();
            units = 0;
        } else if (el == "v") {
            in_value = true;
        } else if (el == "is") {
            in_inline = true;
        } else if (el == "t" && in_inline) {
            in_value = true;
        }
        },
        [&](std::string_view el) {
        if (el == "v" || el == "t") {
            in_value = false;
        } else if (el == "is") {
            in_inline = false;
        } else if (el == "c") {
            XlsxCell cell;
            cell.col = static_cast<std::uint32_t>(col);
            if (type == "s") {
                if (value.empty()) return;
                const auto k = std::strtoull(value.c_str(), nullptr, 10);
                if (k >= shared_end_.size())
                    throw Error(at() + ": verwijst naar een tekst die niet in de werkmap staat");
                cell.kind = XlsxCell::Kind::text;
                const std::size_t begin = k == 0 ? 0 : shared_end_[k - 1];
                cell.text.assign(shared_text_, begin, shared_end_[k] - begin);
            } else if (type == "inlineStr" || type == "str") {
                cell.kind = XlsxCell::Kind::text;
                cell.text = value;
            } else if (type == "b") {
                cell.kind = XlsxCell::Kind::boolean;
                cell.number = value == "1" ? 1 : 0;
                cell.text = value == "1" ? "ja" : "nee";
            } else if (type == "e") {
                cell.kind = XlsxCell::Kind::error;
                cell.text = value;
            } else if (type == "d") {  // an ISO 8601 date cell (strict OOXML)
                cell.kind = XlsxCell::Kind::date;
                cell.text = value.size() > 10 && value.substr(10, 9) == "T00:00:00" ? value.substr(0, 10) : value;
            } else {
                if (value.empty()) return;
                char* end = nullptr;
                cell.number = std::strtod(value.c_str(), &end);
                if (end == value.c_str() || *end != '\0')
                    throw Error(at() + ": ongeldig getal '" + echoed(value) + "'");
                const bool date = style < date_style_.size() && date_style_[style];
                cell.text = date ? excel_serial_to_iso(cell.number, date1904_) : std::string();
                if (date && cell.text.empty())
                    throw Error(at() + ": datum buiten de jaren 1900–9999 (" + number_text(cell.number) + ")");
                cell.kind = date ? XlsxCell::Kind::date : XlsxCell::Kind::number;
                if (!date) cell.text = number_text(cell.number);
            }
            if (!cells.empty() && cells.back().col >= cell.col) unordered = true;
            cells.push_back(std::move(cell));
        } else if (el == "row") {
            if (unordered) {
                // One cell per column, the last written wins (as a spreadsheet program shows it).
                std::stable_sort(cells.begin(), cells.end(),
                                 [](const XlsxCell& a, const XlsxCell& b) { return a.col < b.col; });
                std::size_t kept = 0;
                for (std::size_t i = 0; i < cells.size(); ++i) {
                    if (i + 1 < cells.size() && cells[i + 1].col == cells[i].col) continue;
                    cells[kept++] = std::move(cells[i]);
                }
                cells.resize(kept);
            }
            if (!cells.empty()) on_row(row, cells);
            cells.clear();
        }
    },
        [&](const char* s, int n) {
        if (!in_value) return;
        units += utf16_units(s, std::size_t(n));
        if (units > kMaxCellChars)
            throw Error(
                fmt::format("{}: de cel is langer dan {} tekens (de grens van Excel)", at(), grouped(kMaxCellChars)));
        value.append(s, std::size_t(n));
        });
    stream_part(target, [&](const char* d, std::size_t n, bool last) { xml.feed(d, n, last); });
}

std::vector<std::string> row_texts(const std::vector<XlsxCell>& cells, std::size_t width) {
    std::vector<std::string> out;
    if (cells.empty()) return out;
    out.resize(std::min<std::size_t>(cells.back().col + 1, width));
    for (const XlsxCell& c : cells) {
        if (c.col >= out.size()) break;
        out[c.col] = c.text;
    }
    return out;
}

}  // namespace wmotoets
