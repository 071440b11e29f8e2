#include "import/mapping_proposal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "import/import_file.hpp"
#include "import/input_formats.hpp"
#include "import/timestamp.hpp"
#include "model/activity.hpp"
#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

constexpr std::size_t kMaxDistinct = 2000;   // per column; more is not a list of labels
constexpr std::size_t kMaxLabelBytes = 200;  // a longer value is no label (a note, a letter)

// What the proposal knows of one column (issue 27: memory bounded by the columns the proposal lists
// values of, kMaxDistinct values of at most kMaxLabelBytes each, never a copy per cell).
struct ColumnStats {
    std::string name;  // as the file has it, a possible BSN replaced
    std::size_t filled = 0, dates = 0, others = 0, bsn = 0;
    bool tracked = false;                                    // its distinct values are listed
    std::map<std::string, std::size_t, std::less<>> values;  // distinct values and counts (a possible BSN replaced)

    void add(std::string_view v) {
        ++filled;
        if (parse_timestamp(v)) ++dates;
        if (!tracked) return;
        std::string replaced;
        if (may_hold_bsn(v) && holds_bsn(v)) {
            ++bsn;
            replaced = replace_bsn_groups(v);
            v = replaced;
        }
        if (v.size() > kMaxLabelBytes) {
            ++others;
            return;
        }
        const auto it = values.find(v);
        if (it != values.end()) ++it->second;
        else if (values.size() < kMaxDistinct) values.emplace(std::string(v), 1);
        else ++others;
    }
};

std::string canonical_column(const std::string& header);

// The canonical column each column is read as: the first column that claims a name keeps it.
std::map<std::string, std::size_t> choose_columns(const std::vector<ColumnStats>& cols,
                                                  std::vector<std::string>& canon) {
    std::map<std::string, std::size_t> chosen;
    canon.assign(cols.size(), {});
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const std::string c = canonical_column(cols[i].name);
        if (!c.empty() && !chosen.count(c)) {
            chosen.emplace(c, i);
            canon[i] = c;
        }
    }
    return chosen;
}

// The columns whose values the proposal lists: activities, roles and the values the checks read.
constexpr std::string_view kListed[] = {"activity",         "role", "aan", "gratis", "onafhankelijk", "uitkomst",
                                        "persoonlijk_plan", "pgb"};

// The header and the distinct values of every column of a CSV or XLSX export.
std::vector<ColumnStats> read_export(const std::string& path, const ProposalOptions& o) {
    require_regular_file(path);
    std::vector<ColumnStats> cols;
    const InputFormat& format = detect_input_format(path);
    if (!format.proposal)
        throw Error(path + ": voor dit formaat (" + std::string(format.name) +
                    ") maakt Wmo-toets geen mappingvoorstel; begin met een voorbeeld uit data/mapping/");
    if (!format.read_rows) {
        // A format with keys of its own (XES: concept:name, time:timestamp, org:resource): only the
        // labels need a mapping.
        ImportOptions options;
        options.keep_unknown = true;
        EventLog log;
        Diagnostics diag;
        import_log_file(path, std::string(format.name), options, log, diag);
        ColumnStats c;
        c.name = "concept:name";
        c.tracked = true;
        for (const Event& e : log.events) c.add(log.label(e));
        cols.push_back(std::move(c));
        return cols;
    }
    bool header = true;
    const auto row = [&](const std::vector<std::string>& cells) {
        bool blank = true;
        for (const std::string& c : cells) blank = blank && trim(c).empty();
        if (blank) return;
        if (header) {
            for (const std::string& c : cells) {
                ColumnStats col;
                col.name = std::string(trim(c));
                if (holds_bsn(col.name)) {
                    col.name = replace_bsn_groups(col.name);
                    if (o.warn)
                        o.warn(replace_bsn_groups(path) + ": mogelijk BSN in de naam '" + shown_text(col.name) +
                               "' (een kolom); in het voorstel vervangen door [BSN?]");
                }
                cols.push_back(std::move(col));
            }
            std::vector<std::string> canon;
            const auto chosen = choose_columns(cols, canon);
            for (const std::string_view name : kListed)
                if (const auto it = chosen.find(std::string(name)); it != chosen.end()) cols[it->second].tracked = true;
            header = false;
            return;
        }
        for (std::size_t i = 0; i < std::min(cells.size(), cols.size()); ++i) {
            const std::string_view v = trim(cells[i]);
            if (!v.empty()) cols[i].add(v);
        }
    };
    format.read_rows(path, o.sheet, row);
    if (cols.empty()) throw Error(path + ": geen kopregel gevonden; een voorstel heeft de kolomnamen nodig");
    // The warning of the import, one line per column (docs/spec/event-log.md "Privacy").
    if (o.warn)
        for (const ColumnStats& c : cols)
            if (c.bsn)
                o.warn(replace_bsn_groups(path) + ": mogelijk BSN in kolom '" + shown_text(c.name) +
                       "': " + grouped(c.bsn) + (c.bsn == 1 ? " waarde" : " waarden") +
                       "; in het voorstel vervangen door [BSN?]");
    return cols;
}

bool has(const std::string& folded, std::string_view word) { return folded.find(word) != std::string::npos; }

// The canonical column a header most likely names, or "".
std::string canonical_column(const std::string& header) {
    const std::string f = fold_compact(header);
    // Order matters: "Datum status" is a timestamp, "Functie behandelaar" a role.
    if (has(f, "datum") || has(f, "tijdstip") || f == "timestamp" || f == "date" || has(f, "datetime"))
        return "timestamp";
    if (has(f, "functie") || f == "rol" || f == "role" || has(f, "rolbehandelaar")) return "role";
    if (has(f, "zaaknummer") || has(f, "dossiernummer") || f == "zaak" || f == "dossier" || f == "caseid" ||
        f == "case" || has(f, "zaakid") || has(f, "dossierid"))
        return "case_id";
    if (f == "concept:name" || has(f, "status") || has(f, "activiteit") || f == "activity" || f == "stap" ||
        has(f, "gebeurtenis") || f == "actie")
        return "activity";
    if (has(f, "behandelaar") || has(f, "medewerker") || f == "actor" || f == "resource" || has(f, "uitgevoerddoor"))
        return "actor";
    if (has(f, "afdeling") || f == "team" || has(f, "wijkteam")) return "team";
    if (has(f, "organisatie") || f == "organization") return "organisatie";
    if (has(f, "kanaal")) return "kanaal";
    if (has(f, "gerichtaan") || f == "aan" || (f.size() <= 10 && f.ends_with("aan"))) return "aan";
    if (has(f, "kosteloos") || has(f, "gratis")) return "gratis";
    if (has(f, "onafhankelijk")) return "onafhankelijk";
    if (f == "product" || has(f, "voorziening")) return "voorziening";
    if (has(f, "resultaat") || has(f, "uitkomst")) return "uitkomst";
    if (has(f, "aanbieder")) return "aanbieder";
    if (has(f, "bedrag")) return "bedrag";
    if (has(f, "persoonlijkplan")) return "persoonlijk_plan";
    if (f == "pgb") return "pgb";
    return {};
}

// The canonical role a role label most likely means, or "".
std::string canonical_role(std::string_view label) {
    const std::string f = fold_compact(label);
    if (has(f, "ondersteuner") || has(f, "clientondersteun") || f == "oco") return "ondersteuner";
    if (has(f, "consulent") || has(f, "klantmanager") || has(f, "casemanager")) return "consulent";
    if (has(f, "beslis") || has(f, "teamleider") || has(f, "mandaat")) return "beslisser";
    if (has(f, "administratie") || has(f, "administratief")) return "administratie";
    if (has(f, "jurist") || has(f, "bezwaarcommissie")) return "jurist";
    if (has(f, "mantelzorg")) return "mantelzorger";
    if (has(f, "vertegenwoordig") || has(f, "gemachtigde")) return "vertegenwoordiger";
    if (f == "client" || f == "burger" || f == "inwoner" || f == "aanvrager") return "client";
    return {};
}

// Canonical values of the attributes whose values the checks read.
std::string canonical_value(const std::string& attribute, std::string_view value) {
    const std::string f = fold_compact(value);
    if (attribute == "aan") {
        if (has(f, "client") && has(f, "mantelzorg")) return "beide";
        if (has(f, "mantelzorg")) return "mantelzorger";
        if (has(f, "client") || f == "inwoner" || f == "aanvrager") return "client";
    } else if (attribute == "uitkomst") {
        if (has(f, "gedeeltelijk") || has(f, "deels")) return "deels";
        if (has(f, "afgewezen") || has(f, "afwijzing")) return "afgewezen";
        if (has(f, "toegekend") || has(f, "toekenning")) return "toegekend";
    } else if (attribute == "gratis" || attribute == "onafhankelijk" || attribute == "persoonlijk_plan" ||
               attribute == "pgb") {
        if (f == "ja" || f == "j" || f == "waar" || f == "true" || f == "1") return "ja";
        if (f == "nee" || f == "n" || f == "onwaar" || f == "false" || f == "0") return "nee";
    }
    return {};
}

// A TOML basic string (issue 27): quotes and backslashes escaped, every control character (C0 and
// DEL, which TOML forbids raw; a line break would end the line) as \uXXXX; a possible BSN replaced.
std::string toml_string(std::string_view raw) {
    const std::string s = replace_bsn_groups(raw);
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04X}", unsigned(c));
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// Text in a comment: one line, whatever it holds (controls, line breaks and bidi shown), no BSN.
std::string comment_text(std::string_view s) { return shown_text(replace_bsn_groups(s)); }

std::string times(std::size_t n) { return grouped(n) + "×"; }

}  // namespace

std::string proposed_activity(std::string_view label) {
    const std::string f = fold_compact(label);
    if (f.empty()) return {};
    if (const auto a = activity_from_folded(fold_label(label))) return std::string(activity_name(*a));
    const bool info = has(f, "informatie") || has(f, "info") || has(f, "folder") || has(f, "gewezenop");
    if (has(f, "ingebrekestelling")) return "ingebrekestelling";
    // "Ontvangstbevestiging bezwaar": the receipt of the bezwaarschrift (Awb 6:14) is a receipt.
    if (has(f, "ontvangstbevestiging")) return "ontvangstbevestiging";
    if (has(f, "levering") || has(f, "geleverd") || has(f, "startzorg") || has(f, "zorggestart"))
        return "levering_gestart";
    if (has(f, "bijdrage") && (info || has(f, "besproken") || has(f, "toegelicht")) && !has(f, "opgelegd"))
        return "informatie_bijdrage";
    if (has(f, "bezwaar")) {
        if (has(f, "beslissing") || has(f, "besluit")) return "besluit_op_bezwaar";
        if (has(f, "ontvangen") || has(f, "ingediend") || has(f, "binnengekomen") || f == "bezwaar") return "bezwaar";
        if (has(f, "hoorzitting") || has(f, "gehoord")) return "hoorzitting";
        return {};  // "Bezwaar beoordeeld": the bezwaar or the decision on it? Say so, do not guess.
    }
    if (has(f, "hoorzitting")) return "hoorzitting";
    if (has(f, "uitspraak")) return "uitspraak";
    if (has(f, "beroep")) return "beroep";
    if (has(f, "clientondersteun") || has(f, "oco")) {
        if (info) return "informatie_clientondersteuning";
        if (has(f, "gekoppeld") || has(f, "toegewezen") || has(f, "toewijzing") || has(f, "koppeling") ||
            has(f, "ingezet") || has(f, "gestart"))
            return "ondersteuner_toegewezen";
        if (has(f, "aangevraagd") || has(f, "gevraagd") || has(f, "verzoek")) return "clientondersteuning_gevraagd";
        if (has(f, "afgezien") || has(f, "geenbehoefte") || has(f, "afgewezen")) return "clientondersteuning_afgezien";
        return {};
    }
    if (has(f, "persoonlijkplan")) return info ? "informatie_persoonlijk_plan" : "persoonlijk_plan";
    if (has(f, "pgb") || has(f, "persoonsgebondenbudget")) return info ? "informatie_pgb" : std::string();
    if (has(f, "verdaging") || has(f, "verdaagd") || has(f, "verdagen")) return "verdaging";
    if (has(f, "opschorting"))
        return has(f, "einde") || has(f, "beeindigd") ? "opschorting_einde" : "opschorting_start";
    if (has(f, "reactie") && has(f, "verslag")) return "verslag_reactie";
    if (has(f, "verslag")) return "verslag";
    if (has(f, "gesprek") || has(f, "huisbezoek") || has(f, "intake")) return "gesprek";
    if (has(f, "herbeoordeling") || has(f, "herindicatie") || has(f, "heronderzoek")) return "herbeoordeling";
    if (has(f, "vraagverheldering")) return "vraagverheldering";
    if (has(f, "melding")) return "melding";
    if (has(f, "aanvraag")) return "aanvraag";
    if (has(f, "beschikking") || has(f, "besluit")) return "besluit";
    if (has(f, "eigenbijdrage")) return "eigen_bijdrage";
    if (has(f, "ingetrokken") || has(f, "intrekking")) return "intrekking";
    if (has(f, "afgesloten") || has(f, "afsluiting") || has(f, "beeindigd")) return "afsluiting";
    if (has(f, "wlz")) return "wlz_indicatie";
    return {};
}

namespace {

// The [breed] section of a wide export: each date column a step, with its time column and the
// column of who did it where the export has them.
std::string wide_section(const std::vector<ColumnStats>& cols, const std::vector<std::string>& canon,
                         const std::vector<std::size_t>& date_columns) {
    std::string out;
    // Columns that name who did a step ("Consulent", "Cliëntondersteuner", "Beslisser") and
    // the time columns ("Tijd gesprek").
    std::map<std::string, std::size_t> who, time_of;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (std::find(date_columns.begin(), date_columns.end(), i) != date_columns.end()) continue;
        const std::string f = fold_compact(cols[i].name);
        if (f.rfind("tijd", 0) == 0) {
            const std::string act =
                proposed_activity(cols[i].name.substr(std::min<std::size_t>(cols[i].name.size(), 5)));
            if (!act.empty()) time_of.emplace(act, i);
        } else if (canon[i].empty() || canon[i] == "actor") {
            const std::string r = canonical_role(cols[i].name);
            if (!r.empty()) who.emplace(r, i);
        }
    }
    const auto role_for = [](const std::string& act) -> std::string {
        if (act == "ondersteuner_toegewezen") return "ondersteuner";
        if (act == "besluit" || act == "besluit_op_bezwaar") return "beslisser";
        if (act == "gesprek" || act == "verslag" || act.rfind("informatie_", 0) == 0) return "consulent";
        return {};
    };
    out +=
        "\n[breed]\n# Elke datumkolom een stap: de activiteit, en waar de export ze heeft de tijd, de medewerker\n"
        "# en diens rol.\n";
    for (const std::size_t i : date_columns) {
        std::string rest = cols[i].name;
        for (const char* prefix : {"Datum ", "datum ", "Datum_", "datum_"})
            if (rest.rfind(prefix, 0) == 0) rest = rest.substr(std::string(prefix).size());
        const std::string act = proposed_activity(rest);
        if (act.empty()) {
            out += fmt::format("# {} = \"\"   # {} gevuld; geen activiteit herkend\n", toml_string(cols[i].name),
                               times(cols[i].filled));
            continue;
        }
        std::string extra;
        if (const auto t = time_of.find(act); t != time_of.end())
            extra += ", tijd = " + toml_string(cols[t->second].name);
        const std::string role = role_for(act);
        if (const auto w = who.find(role); !role.empty() && w != who.end())
            extra += ", actor = " + toml_string(cols[w->second].name) + ", rol = " + toml_string(role);
        if (extra.empty())
            out += fmt::format("{} = {}   # {} gevuld\n", toml_string(cols[i].name), toml_string(act),
                               times(cols[i].filled));
        else
            out += fmt::format("{} = {{ activiteit = {}{} }}   # {} gevuld\n", toml_string(cols[i].name),
                               toml_string(act), extra, times(cols[i].filled));
    }
    return out;
}

// The [activiteiten] section: the status labels of column `c` by frequency, matched or listed.
std::string activities_section(const ColumnStats& c) {
    std::string out;
    std::vector<std::pair<std::string, std::size_t>> labels(c.values.begin(), c.values.end());
    std::stable_sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string matched, unmatched;
    std::size_t n_unmatched = 0;
    for (const auto& [label, n] : labels) {
        const std::string act = proposed_activity(label);
        if (act.empty()) {
            ++n_unmatched;
            unmatched += fmt::format("# {} = \"\"   # {}: geen voorstel\n", toml_string(label), times(n));
        } else if (act != label) {
            matched += fmt::format("{} = {}   # {}\n", toml_string(label), toml_string(act), times(n));
        }
    }
    out += fmt::format(
        "\n[activiteiten]\n# {} verschillende statussen in kolom {}; de canonieke activiteiten staan in\n"
        "# 'wmotoets controleer --help'.\n",
        labels.size() + (c.others ? 1 : 0), toml_string(c.name));
    out += matched;
    if (n_unmatched)
        out += fmt::format(
                   "# Niet herkend ({}): vul rechts een canonieke activiteit in, of laat weg (dan afgekeurd of, met\n"
                   "# onbekende_activiteiten = \"behouden\", bewaard voor lokale regels).\n",
                   n_unmatched) +
               unmatched;
    if (c.others) out += fmt::format("# … en meer dan {} andere waarden (niet alle getoond)\n", kMaxDistinct);
    return out;
}

// The [rollen] and [waarden.X] sections, from the columns chosen for role and the attributes.
std::string roles_and_values_section(const std::vector<ColumnStats>& cols,
                                     const std::map<std::string, std::size_t>& chosen) {
    std::string out;
    if (const auto it = chosen.find("role"); it != chosen.end()) {
        std::string matched, unmatched;
        for (const auto& [label, n] : cols[it->second].values) {
            const std::string r = canonical_role(label);
            if (r.empty())
                unmatched += fmt::format("# {} = \"\"   # {}: geen voorstel\n", toml_string(label), times(n));
            else if (fold_compact(label) != r)
                matched += fmt::format("{} = {}   # {}\n", toml_string(label), toml_string(r), times(n));
        }
        if (!matched.empty() || !unmatched.empty()) out += "\n[rollen]\n" + matched + unmatched;
    }
    for (const char* attribute : {"aan", "gratis", "onafhankelijk", "uitkomst", "persoonlijk_plan", "pgb"}) {
        const auto it = chosen.find(attribute);
        if (it == chosen.end()) continue;
        std::string lines;
        for (const auto& [value, n] : cols[it->second].values) {
            const std::string v = canonical_value(attribute, value);
            if (!v.empty() && v != value)
                lines += fmt::format("{} = {}   # {}\n", toml_string(value), toml_string(v), times(n));
        }
        if (!lines.empty()) out += fmt::format("\n[waarden.{}]\n", attribute) + lines;
    }
    return out;
}

}  // namespace

std::string propose_mapping(const std::string& export_path, const ProposalOptions& options) {
    const std::vector<ColumnStats> cols = read_export(export_path, options);
    const bool xes = !detect_input_format(export_path).read_rows;
    // Columns by canonical name: the first column that claims a name keeps it.
    std::vector<std::string> canon;
    const std::map<std::string, std::size_t> chosen = choose_columns(cols, canon);
    // Wide: several columns full of dates and no status column.
    std::vector<std::size_t> date_columns;
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i].filled > 0 && cols[i].dates * 10 >= cols[i].filled * 9) date_columns.push_back(i);
    const bool wide = !chosen.count("activity") && date_columns.size() >= 2;

    std::string out = fmt::format(
        "# Voorstel voor een mappingbestand, gemaakt door 'wmotoets mapping voorstel' uit\n#   {}\n"
        "# ({}). Controleer elke regel: links staat de export, rechts de canonieke naam.\n"
        "# Gebruik:  wmotoets controleer {} --mapping DIT-BESTAND.toml\n\n",
        comment_text(export_path), xes ? std::string("XES") : counted(cols.size(), "kolom", "kolommen"),
        comment_text(shell_quoted(export_path)));
    out += "onbekende_activiteiten = \"weigeren\"   # of \"behouden\": eigen statussen bewaren voor lokale regels\n\n";
    out += xes ? "[kolommen]\n# XES: concept:name, time:timestamp en org:resource worden zonder [kolommen] gelezen.\n"
               : "[kolommen]\n";
    std::vector<std::string> skipped;
    for (std::size_t i = 0; i < cols.size() && !xes; ++i) {
        if (canon[i].empty()) {
            if (!cols[i].name.empty()) skipped.push_back(cols[i].name);
            continue;
        }
        if (wide && (canon[i] == "timestamp" || canon[i] == "activity")) continue;
        out += fmt::format("{} = {}\n", canon[i], toml_string(cols[i].name));
    }
    if (!chosen.count("case_id") && !xes)
        out += "# case_id = \"…\"   # VERPLICHT: geen kolom met het dossiernummer herkend; vul de kolomnaam in\n";
    const auto used_in_steps = [&](const std::string& name) {
        const std::string f = fold_compact(name);
        return wide && (f.rfind("tijd", 0) == 0 || !canonical_role(name).empty());
    };
    for (const std::string& s : skipped)
        if (!used_in_steps(s) && (!wide || std::find_if(date_columns.begin(), date_columns.end(), [&](std::size_t i) {
                                               return cols[i].name == s;
                                           }) == date_columns.end()))
            out += fmt::format("# {} = {}   # niet herkend; als attribuut gebruiken? vul links een naam in\n",
                               comment_text(fold_label(s)), toml_string(s));

    if (wide) out += wide_section(cols, canon, date_columns);
    if (const auto it = chosen.find("activity"); it != chosen.end() && !wide)
        out += activities_section(cols[it->second]);
    out += roles_and_values_section(cols, chosen);
    return out;
}

}  // namespace wmotoets
