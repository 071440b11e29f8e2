#include "reports/verdicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "model/bsn.hpp"
#include "reports/rule_text.hpp"
#include "reports/sampling.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

constexpr std::size_t kMaxProblems = 20;

std::string percent_text(double fraction) { return upper_limit_text(fraction) + " %"; }

// Characters, not bytes: "één" is three wide.
std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string strata_words(const std::string& strata) { return strata.empty() ? "geen" : strata; }

// A fixed-width text table: the first column left-aligned, the rest as given.
struct Column {
    std::string title;
    bool right = false;
};
std::string text_table(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width(cols.size());
    const auto len = [](const std::string& s) { return utf8_length(s); };
    for (std::size_t c = 0; c < cols.size(); ++c) width[c] = len(cols[c].title);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < cols.size(); ++c) width[c] = std::max(width[c], len(r[c]));
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const std::string pad(width[c] - len(cells[c]), ' ');
            if (c) l += "  ";
            l += cols[c].right ? pad + cells[c] : cells[c] + (c + 1 < cols.size() ? pad : "");
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    std::vector<std::string> titles;
    for (const Column& c : cols) titles.push_back(c.title);
    line(titles);
    for (const auto& r : rows) line(r);
    return out;
}

}  // namespace

std::string sample_fingerprint(const SampleFrame& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    const auto add = [&](std::string_view part) {
        for (const char c : part) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        h = (h ^ 0x1f) * 0x100000001b3ULL;  // a separator no dossier id holds
    };
    add(std::to_string(s.seed));
    add(std::to_string(s.size));
    add(s.strata);
    for (const std::string& d : s.dossiers) add(d);
    return fmt::format("{:016x}", h);
}

VerdictSheetHead verdict_head(const SampleFrame& s) {
    return {std::to_string(s.seed), std::to_string(s.size), strata_words(s.strata), sample_fingerprint(s),
            s.peildatum.empty() ? "onbekend" : s.peildatum};
}

Verdict suggested_verdict(Outcome o) {
    switch (o) {
    case Outcome::voldaan: return Verdict::ja;
    case Outcome::overtreden: return Verdict::nee;
    case Outcome::onbekend: return Verdict::niet_vast_te_stellen;
    case Outcome::niet_van_toepassing: break;
    }
    return Verdict::niet_van_toepassing;
}

std::vector<VerdictRowPlan> verdict_rows(const SampleFrame& s, const RunRecord& run) {
    std::map<std::string, std::size_t, std::less<>> at;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i) at.emplace(run.case_ids[i], i);
    const std::vector<RuleText> texts = rule_texts(run);
    std::vector<VerdictRowPlan> rows;
    for (std::size_t k = 0; k < s.dossiers.size(); ++k) {
        const auto it = at.find(s.dossiers[k]);
        if (it == at.end()) continue;
        for (std::size_t r = 0; r < run.rules.size(); ++r) {
            const Outcome o = run.outcome(it->second, r);
            if (o == Outcome::niet_van_toepassing) continue;
            rows.push_back(
                {k + 1, s.dossiers[k], run.rules[r], texts[r].question,
                 fmt::format("{} ({})", verdict_words(suggested_verdict(o)), outcome_words(o, texts[r].severity))});
        }
    }
    return rows;
}

namespace {

using VerdictKey = std::pair<std::string, std::string>;  // dossier, rule

// A verdict file checked against its sample: what it must hold (one row per sampled dossier and
// applicable norm, with the tool's outcome) and what it gives.
struct CheckedVerdicts {
    std::map<VerdictKey, Outcome> expected;
    std::map<std::string, std::size_t, std::less<>> rule_index;
    std::map<VerdictKey, std::pair<Verdict, const VerdictLine*>> given;
};

// The rows of the file that are usable verdicts; what is wrong with the others goes to `problems`.
void read_verdict_lines(const VerdictFile& file, const SampleFrame& s, CheckedVerdicts& c,
                        std::vector<std::string>& problems) {
    const auto& expected = c.expected;
    const auto& rule_index = c.rule_index;
    auto& given = c.given;
    const std::set<std::string, std::less<>> sampled(s.dossiers.begin(), s.dossiers.end());
    const std::string sample_words = fmt::format("zaad {}, {} dossiers", s.seed, s.size);
    std::size_t empty = 0;
    for (const VerdictLine& l : file.lines) empty += trim(l.verdict).empty() ? 1 : 0;
    if (empty > 0 && empty == file.lines.size())
        throw Error(
            fmt::format("{}: nog geen enkel oordeel ingevuld (de kolom Oordeel is leeg in {}); kies per rij ja, "
                        "nee, niet vast te stellen of niet van toepassing",
                        file.path, empty == 1 ? std::string("de enige rij") : fmt::format("alle {} rijen", empty)));
    for (const VerdictLine& l : file.lines) {
        // What the file says, shown safely (a cell can hold anything, a line break too).
        // A cell is input like any other (issue 27): a possible BSN replaced, at most 200 characters
        // echoed; a dossier of the sample is the database's own (pseudonym or decided number).
        const std::string dossier =
            sampled.count(l.dossier) ? shown_text(l.dossier) : echoed(replace_bsn_groups(l.dossier));
        const std::string rule = echoed(replace_bsn_groups(l.rule)), said = echoed(replace_bsn_groups(l.verdict));
        if (l.dossier.empty() && l.rule.empty()) {
            problems.push_back(l.where + ": rij zonder dossier en regel");
            continue;
        }
        if (!sampled.count(l.dossier)) {
            problems.push_back(
                fmt::format("{}: dossier {} hoort niet bij deze steekproef ({})", l.where, dossier, sample_words));
            continue;
        }
        if (!rule_index.count(l.rule)) {
            problems.push_back(fmt::format("{}: onbekende regel '{}' bij dossier {}", l.where, rule, dossier));
            continue;
        }
        const auto key = std::make_pair(l.dossier, l.rule);
        if (!expected.count(key)) {
            problems.push_back(
                fmt::format("{}: regel {} is volgens de controle niet van toepassing op dossier {}; die rij "
                            "hoort niet in het oordelenbestand",
                            l.where, rule, dossier));
            continue;
        }
        if (const auto seen = given.find(key); seen != given.end()) {
            problems.push_back(fmt::format("{}: dossier {}, regel {} staat er twee keer in (ook op {})", l.where,
                                           dossier, rule, seen->second.second->where));
            continue;
        }
        const auto v = parse_verdict(l.verdict);
        if (!v) {
            problems.push_back(
                l.verdict.empty()
                    ? fmt::format(
                          "{}: geen oordeel bij dossier {}, regel {} (kies ja, nee, niet vast te stellen of niet van "
                          "toepassing)",
                          l.where, dossier, rule)
                    : fmt::format(
                          "{}: onbekend oordeel '{}' bij dossier {}, regel {} (kies ja, nee, niet vast te stellen of "
                          "niet van toepassing)",
                          l.where, said, dossier, rule));
            continue;
        }
        given.emplace(key, std::make_pair(*v, &l));
    }
}

// One Error for every problem of the file (at most kMaxProblems listed): nothing is evaluated.
void refuse_problems(const VerdictFile& file, const std::vector<std::string>& problems, std::size_t missing) {
    if (problems.empty()) return;
    {
        const std::size_t total = problems.size() - std::min(missing, kMaxProblems) + missing;
        if (total == 1) throw Error(problems.front() + "; er is niets geëvalueerd");
        std::string msg =
            fmt::format("{}: {} problemen in het oordelenbestand; er is niets geëvalueerd:", file.path, total);
        for (std::size_t i = 0; i < std::min(problems.size(), kMaxProblems); ++i) msg += "\n  " + problems[i];
        if (total > kMaxProblems) msg += fmt::format("\n  … en {} meer", total - kMaxProblems);
        throw Error(msg);
    }
}

CheckedVerdicts check_verdict_file(const VerdictFile& file, const SampleFrame& s, const RunRecord& run) {
    CheckedVerdicts c;
    auto& expected = c.expected;
    auto& rule_index = c.rule_index;
    // What the file must hold: one row per sampled dossier and applicable norm.
    for (std::size_t r = 0; r < run.rules.size(); ++r) rule_index.emplace(run.rules[r], r);
    std::map<std::string, std::size_t, std::less<>> case_at;
    for (std::size_t i = 0; i < run.case_ids.size(); ++i) case_at.emplace(run.case_ids[i], i);
    for (const std::string& d : s.dossiers)
        if (const auto it = case_at.find(d); it != case_at.end())
            for (std::size_t r = 0; r < run.rules.size(); ++r)
                if (const Outcome o = run.outcome(it->second, r); o != Outcome::niet_van_toepassing)
                    expected[{d, run.rules[r]}] = o;

    std::vector<std::string> problems;
    read_verdict_lines(file, s, c, problems);
    std::set<std::pair<std::string, std::string>> present;  // a row that is there but was refused is not also missing
    for (const VerdictLine& l : file.lines) present.emplace(l.dossier, l.rule);
    std::size_t missing = 0;
    for (const auto& [key, outcome] : expected) {
        if (present.count(key)) continue;
        if (++missing <= kMaxProblems)
            problems.push_back(
                fmt::format("{}: de rij voor dossier {}, regel {} ontbreekt", file.path, key.first, key.second));
    }
    refuse_problems(file, problems, missing);
    return c;
}

// Per norm and per dossier: the judged dossiers (all but "niet van toepassing") and the deviations.
struct VerdictTally {
    struct Tally {
        std::size_t judged = 0, deviations = 0, not_applicable = 0;
    };
    std::vector<Tally> per_rule;
    std::map<std::string, std::pair<bool, bool>> per_dossier;  // judged any, deviating
    std::vector<std::vector<std::string>> disagreements;       // where the auditor judges otherwise
    std::vector<std::size_t> rule_population;                  // dossiers each norm applies to
};

VerdictTally tally_verdicts(const CheckedVerdicts& c, const RunRecord& run) {
    const auto& expected = c.expected;
    const auto& rule_index = c.rule_index;
    const auto& given = c.given;
    VerdictTally v;
    const std::vector<RuleText> texts = rule_texts(run);
    using Tally = VerdictTally::Tally;
    auto& per_rule = v.per_rule;
    auto& per_dossier = v.per_dossier;
    auto& disagreements = v.disagreements;
    per_rule.resize(run.rules.size());
    for (const auto& [key, value] : given) {
        const auto& [verdict, line] = value;
        Tally& t = per_rule[rule_index.at(key.second)];
        auto& d = per_dossier[key.first];
        if (verdict == Verdict::niet_van_toepassing) {
            ++t.not_applicable;
        } else {
            ++t.judged;
            d.first = true;
            if (verdict != Verdict::ja) {
                ++t.deviations;
                d.second = true;
            }
        }
        const Outcome tool = expected.at(key);
        if (suggested_verdict(tool) != verdict)
            disagreements.push_back(
                {key.first, key.second,
                 std::string(verdict_words(suggested_verdict(tool))) + " (" +
                     std::string(outcome_words(tool, texts[rule_index.at(key.second)].severity)) + ")",
                 std::string(verdict_words(verdict)), echoed(replace_bsn_groups(line->explanation), 500)});
    }
    auto& rule_population = v.rule_population;
    rule_population.assign(run.rules.size(), 0);
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        for (std::size_t r = 0; r < run.rules.size(); ++r)
            if (run.outcome(i, r) != Outcome::niet_van_toepassing) ++rule_population[r];

    return v;
}

// The evaluation in words: per norm, per dossier, and where the auditor judges otherwise.
VerdictEvaluation word_evaluation(const VerdictFile& file, const SampleFrame& s, const RunRecord& run,
                                  const VerdictTally& v, double confidence_percent, double tolerable_percent) {
    const double confidence = confidence_percent / 100, tolerable = tolerable_percent / 100;
    const auto& per_rule = v.per_rule;
    const auto& per_dossier = v.per_dossier;
    const auto& disagreements = v.disagreements;
    const auto& rule_population = v.rule_population;
    using Tally = VerdictTally::Tally;
    const auto conclusion = [&](std::size_t n, std::size_t k, double upper) -> std::string {
        if (upper <= tolerable + 1e-12) return "aanvaardbaar";
        if (k == 0)
            return fmt::format("geen afwijking, maar {} te weinig voor deze zekerheid",
                               n == 1 ? "1 dossier is" : fmt::format("{} dossiers zijn", n));
        return "niet aanvaardbaar";
    };
    std::vector<std::vector<std::string>> rows;
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        const Tally& t = per_rule[r];
        if (t.judged == 0 && t.not_applicable == 0) continue;
        if (t.judged == 0) {
            // As CBS writes them (issue 28): no deviations (nil), no upper limit without a judged dossier.
            rows.push_back({run.rules[r], "0", "–", ".", fmt::format("alle {} niet van toepassing", t.not_applicable)});
            continue;
        }
        const double upper = upper_deviation_limit(confidence, t.judged, t.deviations, rule_population[r]);
        rows.push_back({run.rules[r], std::to_string(t.judged), std::to_string(t.deviations), percent_text(upper),
                        conclusion(t.judged, t.deviations, upper)});
    }
    std::size_t judged = 0, deviating = 0;
    for (const auto& [d, seen] : per_dossier) {
        judged += seen.first ? 1 : 0;
        deviating += seen.second ? 1 : 0;
    }
    VerdictEvaluation e;
    const double upper = judged ? upper_deviation_limit(confidence, judged, deviating, s.population) : 1.0;
    e.met = judged > 0 && upper <= tolerable + 1e-12;
    const std::string conf = fmt::format("{:g}", confidence_percent), tol = fmt::format("{:g}", tolerable_percent);
    std::string out = fmt::format(
        "Oordelen: {}\n"
        "Steekproef{}: {} van {} dossiers (zaad {}, strata {}, peildatum {}); {} % betrouwbaarheid, aanvaardbaar {} "
        "%.\n"
        "Telling: 'nee' en 'niet vast te stellen' zijn afwijkingen; 'niet van toepassing' telt niet mee.\n\n"
        "Per norm (bovengrens: exact, hypergeometrisch over de dossiers waarop de norm van toepassing is)\n",
        std::filesystem::path(file.path).filename().string(),
        s.number ? fmt::format(" {} uit controle {}", s.number, s.run) : std::string(), s.size, grouped(s.population),
        s.seed, strata_words(s.strata),
        parse_iso_date(s.peildatum) ? parse_iso_date(s.peildatum)->dutch_long() : std::string("onbekend"), conf, tol);
    out +=
        text_table({{"regel"}, {"beoordeeld", true}, {"afwijkingen", true}, {"bovengrens", true}, {"conclusie"}}, rows);
    if (std::any_of(rows.begin(), rows.end(), [](const auto& row) { return row[3] == "."; }))
        out += "Tekens: – = nihil; . = niet te berekenen (geen dossier beoordeeld).\n";
    out += fmt::format(
        "\nPer dossier (een dossier wijkt af als één norm afwijkt)\n"
        "{} dossiers beoordeeld, {} met een afwijking; bovengrens {} ({} % betrouwbaarheid, populatie {})\n"
        "Oordeel: {}\n",
        judged, deviating, percent_text(upper), conf, s.population,
        e.met ? fmt::format("de bovengrens ligt niet boven {} %: de toets is geslaagd.", tol)
              : fmt::format("de bovengrens ligt boven {} %: de toets is niet geslaagd; het afwijkingspercentage kan "
                            "hoger zijn dan aanvaardbaar.",
                            tol));
    out += fmt::format("\nWaar de auditor anders oordeelt dan Wmo-toets: {}\n",
                       disagreements.empty() ? std::string("nergens") : counted(disagreements.size(), "keer", "keer"));
    if (!disagreements.empty())
        out += text_table({{"dossier"}, {"regel"}, {"Wmo-toets"}, {"auditor"}, {"toelichting"}}, disagreements);
    e.text = std::move(out);
    return e;
}

}  // namespace

VerdictEvaluation evaluate_verdicts(const VerdictFile& file, const SampleFrame& s, const RunRecord& run,
                                    double confidence_percent, double tolerable_percent) {
    const CheckedVerdicts checked = check_verdict_file(file, s, run);
    const VerdictTally v = tally_verdicts(checked, run);
    return word_evaluation(file, s, run, v, confidence_percent, tolerable_percent);
}

}  // namespace wmotoets
