#pragma once
// Reading Excel workbooks (.xlsx, Office Open XML) without a spreadsheet library: the zip archive
// through its central directory (zlib's raw inflate), the XML parts streamed through expat — the
// two libraries the XES importer already uses. Typed cells: shared and inline strings, numbers,
// booleans, errors, and dates (numbers with a date format, 1900 and 1904 systems, Excel's 1900
// leap-year quirk). Every problem is an Error in Dutch that names the file, and where it can the
// sheet and cell ("oordelen.xlsx:Oordelen!E12").
//
// Limits (an archive is someone else's file, issue 27): at most 65535 entries with distinct names,
// no zip64, no encryption; a part inflates to exactly its declared size (at most 2 GiB; the
// relationships, the workbook, the styles at most 8 MiB) with the CRC-32 of the directory; XML at
// most 64 elements deep; the shared strings at most 16 per compressed byte of their part, 50 bytes
// of text per compressed byte (plus 16 MiB) and no more than the sheets can refer to; a cell at
// most 32,767 characters (UTF-16 units, as Excel counts). The sheet is streamed and a row holds the
// cells it has, so memory stays with the shared strings and one row, and time with the input.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/error.hpp"

namespace wmotoets {

struct XlsxCell {
    enum class Kind { empty, text, number, boolean, date, error };
    Kind kind = Kind::empty;
    std::uint32_t col = 0;  // 0 = A
    // text: the string; number: shortest round-trip form ("12", "0.5"); boolean: "ja"/"nee";
    // date: ISO "2024-03-01", "2024-03-01T10:15:00" with a time of day, or "10:15:00" for a time
    // cell; error: "#N/A" etc.
    std::string text;
    double number = 0;  // number, boolean and date (the Excel serial)
};

class XlsxWorkbook {
public:
    // Opens and checks the archive and reads the workbook, its relationships, the shared strings
    // and the styles. Throws Error (not a zip, an old .xls or an encrypted workbook, a damaged part).
    explicit XlsxWorkbook(std::string path);

    const std::string& path() const { return path_; }
    const std::vector<std::string>& sheet_names() const { return names_; }

    // Streams the rows of the named sheet (empty: the first) in file order: row is 1-based, the
    // cells are those the row has, in column order (XlsxCell::col; one per column, the last written
    // wins). Rows without cells are not reported. Throws Error for an unknown sheet name (listing
    // the sheets).
    using RowHandler = std::function<void(std::size_t row, const std::vector<XlsxCell>& cells)>;
    void read_sheet(std::string_view sheet, const RowHandler& on_row) const;

    // "BESTAND:blad!A12" (col 0-based, row 1-based).
    std::string location(std::string_view sheet, std::size_t row, std::size_t col) const;

    struct Entry {
        std::string name;
        std::uint16_t method = 0, flags = 0;
        std::uint32_t compressed = 0, size = 0, local_offset = 0, crc = 0;
    };

private:
    std::string part(const std::string& name) const;  // a whole metadata part (at most 8 MiB), inflated
    void stream_part(const std::string& name, const std::function<void(const char*, std::size_t, bool)>& sink) const;
    const Entry* find(const std::string& name) const;
    std::size_t resolve_sheet(std::string_view sheet) const;  // index into names_
    // The constructor's steps: the zip archive's directory, the workbook with its sheets (returns the
    // folder of its parts, "xl/"), the shared strings, the styles that show dates.
    void read_archive();
    std::string read_workbook(const std::string& name);
    void read_shared_strings(const std::string& name, const std::string& base);
    void read_styles(const std::string& name, const std::string& base);
    Error damaged(const std::string& what) const;

    std::string path_, zip_;
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> entry_index_;  // name → entries_ index
    // Sheet names as shown (a possible BSN replaced, controls made visible), as written, and their parts.
    std::vector<std::string> names_, raw_names_, targets_;
    // The shared strings, one after another in shared_text_; string k ends at shared_end_[k].
    std::string shared_text_;
    std::vector<std::uint32_t> shared_end_;
    std::vector<bool> date_style_;  // cellXfs index → the number format shows a date
    bool date1904_ = false;
};

// The texts of a row's cells by column (0 = A), up to its last cell and at most `width` columns
// (a reader that needs no more than its header's columns builds no more).
std::vector<std::string> row_texts(const std::vector<XlsxCell>& cells, std::size_t width);

// Whether a file name says Excel workbook (.xlsx, any case), as is_xes_path does for XES.
bool is_xlsx_path(const std::string& path);

// "A" for 0, "Z" for 25, "AA" for 26 …
std::string column_letters(std::size_t col);

// A date serial (1900 system, Excel's fictitious 29 February 1900 included) as ISO text; with a
// time of day when the fraction is not zero; below 1 (1900 system) a time of day alone,
// "10:30:00". Empty when out of the years 1900–9999.
std::string excel_serial_to_iso(double serial, bool date1904 = false);

}  // namespace wmotoets
