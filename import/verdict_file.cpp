#include "import/verdict_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "import/csv_reader.hpp"
#include "import/xlsx.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

// One row of the sheet, whatever the file: its cells as text and where each cell is.
using Where = std::function<std::string(std::size_t col)>;

// An oordelenbestand is the auditor's own sheet: its table never needs more columns than this.
constexpr std::size_t kMaxVerdictColumns = 64;

class VerdictParser {
public:
    explicit VerdictParser(VerdictFile& f) : f_(f) {}

    void row(const std::vector<std::string>& cells, const Where& where) {
        const auto cell = [&](std::size_t c) { return c < cells.size() ? std::string(trim(cells[c])) : std::string(); };
        bool blank = true;
        for (const std::string& c : cells) blank = blank && trim(c).empty();
        if (blank) return;
        if (!in_table_) {
            if (f_.head_where.empty()) f_.head_where = where(0);
            const std::string key = fold_compact(cell(0));
            if (key == fold_compact("Nr") || key == fold_compact("Dossier")) return header(cells, where);
            if (key == fold_compact("Zaad")) f_.head.seed = cell(1);
            else if (key == fold_compact("Omvang")) f_.head.size = cell(1);
            else if (key == fold_compact("Strata")) f_.head.strata = cell(1);
            else if (key == fold_compact("Kenmerk")) f_.head.fingerprint = cell(1);
            else if (key == fold_compact("Peildatum")) f_.head.peildatum = cell(1);
            return;
        }
        VerdictLine l;
        l.where = where(verdict_col_);
        l.dossier = cell(dossier_col_);
        l.rule = cell(rule_col_);
        l.verdict = cell(verdict_col_);
        if (explanation_col_) l.explanation = cell(*explanation_col_);
        if (source_col_) l.source = cell(*source_col_);
        if (auditor_col_) l.auditor = cell(*auditor_col_);
        if (date_col_) l.date = cell(*date_col_);
        f_.lines.push_back(std::move(l));
    }

    void finish() {
        if (!in_table_)
            throw Error(f_.path +
                        ": geen tabel met oordelen gevonden (de kopregel met Dossier, Regel en Oordeel ontbreekt); "
                        "gebruik het bestand oordelen.xlsx dat 'wmotoets steekproef trek --uit MAP' schrijft");
        std::string missing;
        for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"Zaad", &f_.head.seed},
                                         {"Omvang", &f_.head.size},
                                         {"Strata", &f_.head.strata},
                                         {"Kenmerk", &f_.head.fingerprint}})
            if (value->empty()) missing += (missing.empty() ? "" : ", ") + std::string(key);
        if (!missing.empty())
            throw Error(
                f_.path + ": boven de tabel ontbreekt " + missing +
                " van de steekproef; zonder die gegevens is niet vast te stellen bij welke steekproef deze oordelen "
                "horen (laat de regels boven de tabel staan zoals 'steekproef trek' ze schreef)");
    }

private:
    void header(const std::vector<std::string>& cells, const Where& where) {
        std::map<std::string, std::size_t> at;
        for (std::size_t c = 0; c < cells.size(); ++c) at.emplace(fold_compact(trim(cells[c])), c);
        const auto find = [&](std::string_view name) -> std::optional<std::size_t> {
            const auto it = at.find(fold_compact(name));
            return it == at.end() ? std::nullopt : std::optional(it->second);
        };
        std::string missing;
        for (const char* name : {"Dossier", "Regel", "Oordeel"})
            if (!find(name)) missing += (missing.empty() ? "'" : ", '") + std::string(name) + "'";
        if (!missing.empty()) throw Error(where(0) + ": de kopregel mist de kolom " + missing);
        dossier_col_ = *find("Dossier");
        rule_col_ = *find("Regel");
        verdict_col_ = *find("Oordeel");
        explanation_col_ = find("Toelichting");
        source_col_ = find("Bron (document, datum)");
        auditor_col_ = find("Auditor");
        date_col_ = find("Datum");
        in_table_ = true;
    }

    VerdictFile& f_;
    bool in_table_ = false;
    std::size_t dossier_col_ = 0, rule_col_ = 0, verdict_col_ = 0;
    std::optional<std::size_t> explanation_col_, source_col_, auditor_col_, date_col_;
};

bool looks_like_zip(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && ((magic[0] == 'P' && magic[1] == 'K') ||
                                std::string_view(magic, 4) == std::string_view("\xD0\xCF\x11\xE0", 4));
}

void read_xlsx(VerdictFile& f, VerdictParser& p) {
    const XlsxWorkbook wb(f.path);
    std::string sheet;
    for (const std::string& n : wb.sheet_names())
        if (n == "Oordelen") sheet = n;
    wb.read_sheet(sheet, [&](std::size_t row, const std::vector<XlsxCell>& cells) {
        p.row(row_texts(cells, kMaxVerdictColumns), [&](std::size_t col) { return wb.location(sheet, row, col); });
    });
}

void read_csv(VerdictFile& f, VerdictParser& p) {
    const bool utf8 = file_is_utf8(f.path);
    std::ifstream in(f.path, std::ios::binary);
    CsvReader reader(in, !utf8);
    std::vector<std::string_view> fields;
    std::uint64_t line = 0;
    while (reader.next(fields, line)) {
        if (reader.status() != CsvReader::Status::ok)
            throw Error(fmt::format("{}:{}: {}", f.path, line,
                                    reader.unterminated_quote()
                                        ? "aanhalingsteken niet gesloten"
                                        : "regel te lang of te veel kolommen voor een oordelenbestand"));
        const std::vector<std::string> cells(fields.begin(), fields.end());
        p.row(cells, [&](std::size_t) { return fmt::format("{}:{}", f.path, line); });
    }
}

}  // namespace

VerdictFile read_verdict_file(const std::string& path) {
    require_regular_file(path);
    VerdictFile f;
    f.path = path;
    VerdictParser p(f);
    if (is_xlsx_path(path) || looks_like_zip(path)) read_xlsx(f, p);
    else read_csv(f, p);
    p.finish();
    return f;
}

}  // namespace wmotoets
