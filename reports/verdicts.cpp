#include "reports/verdicts.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

#include "model/bsn.hpp"
#include "model/date.hpp"
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
    // The run it was drawn from (issue 30): the same seed drawn again after another check is another sample.
    if (s.run != 0) add("controle " + std::to_string(s.run));
    // Norms and population only when chosen: the mark of a sample of every norm stays as it was.
    if (!s.rules.empty() || !s.per_rule.empty()) {
        add("normen");
        for (const std::string& r : s.rules) add(r);
        add(s.per_rule);
    }
    return fmt::format("{:016x}", h);
}

VerdictSheetHead verdict_head(const SampleFrame& s) {
    VerdictSheetHead h{std::to_string(s.seed),
                       std::to_string(s.size),
                       strata_words(s.strata),
                       sample_fingerprint(s),
                       s.peildatum.empty() ? "onbekend" : s.peildatum,
                       {},
                       {}};
    h.rules = s.rules.empty() ? std::string("alle") : fmt::format("{}", fmt::join(s.rules, ", "));
    h.population = s.per_rule.empty() ? counted(s.population, "dossier", "dossiers")
                                      : fmt::format("{} waarop {} van toepassing is",
                                                    counted(s.population, "dossier", "dossiers"), s.per_rule);
    return h;
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
            if (o == Outcome::niet_van_toepassing || !sample_judges(s, run.rules[r])) continue;
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
        if (!sample_judges(s, l.rule)) {
            problems.push_back(fmt::format("{}: regel {} hoort niet bij de normen van deze steekproef ({})", l.where,
                                           rule, fmt::join(s.rules, ", ")));
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
                if (const Outcome o = run.outcome(it->second, r);
                    o != Outcome::niet_van_toepassing && sample_judges(s, run.rules[r]))
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

// How many more deviating dossiers a sample of n with k could hold and still pass.
std::size_t margin_of(double confidence, double tolerable, std::size_t n, std::size_t k,
                      std::optional<std::size_t> population) {
    std::size_t m = 0;
    while (k + m + 1 <= n && upper_deviation_limit(confidence, n, k + m + 1, population) <= tolerable + 1e-12) ++m;
    return m;
}

EvaluationClass class_result(std::string name, std::size_t judged, std::size_t deviating, double confidence,
                             double tolerable, std::size_t population) {
    EvaluationClass c{std::move(name), judged, deviating, 1.0, false, 0};
    if (judged == 0) return c;
    c.upper = upper_deviation_limit(confidence, judged, deviating, population);
    c.met = c.upper <= tolerable + 1e-12;
    if (c.met) c.margin = margin_of(confidence, tolerable, judged, deviating, population);
    return c;
}

// Counts the checked verdicts: per norm, per class of norms and dossier, per stratum; what disagrees with the
// tool and which rows are incomplete.
VerdictEvaluation tally_verdicts(const CheckedVerdicts& c, const SampleFrame& s, const RunRecord& run,
                                 double confidence, double tolerable) {
    VerdictEvaluation e;
    e.confidence = confidence;
    e.tolerable = tolerable;
    const std::vector<RuleText> texts = rule_texts(run);
    std::vector<EvaluationNorm> norms(run.rules.size());
    for (std::size_t r = 0; r < run.rules.size(); ++r) {
        norms[r].rule = run.rules[r];
        norms[r].severity = texts[r].severity;
        norms[r].clients_own = clients_own_term(run.rules[r]);
    }
    for (std::size_t i = 0; i < run.case_ids.size(); ++i)
        for (std::size_t r = 0; r < run.rules.size(); ++r)
            if (run.outcome(i, r) != Outcome::niet_van_toepassing) ++norms[r].population;
    // Per dossier: judged and deviating per class (0 the law, 1 the others, 2 the client's own terms).
    struct Seen {
        std::array<bool, 3> judged{}, deviating{};
    };
    std::map<std::string, EvaluationDossier, std::less<>> per_dossier;
    std::map<std::string, Seen, std::less<>> dossiers;
    std::vector<std::pair<const VerdictLine*, EvaluationRow>> incomplete;  // the line's place: file order
    for (const auto& [key, value] : c.given) {
        const auto& [verdict, line] = value;
        const std::size_t r = c.rule_index.at(key.second);
        EvaluationNorm& n = norms[r];
        Seen& d = dossiers[key.first];
        const std::size_t cls = n.clients_own ? 2 : n.severity == Severity::overtreding ? 0 : 1;
        if (verdict == Verdict::niet_van_toepassing) {
            ++n.not_applicable;
        } else {
            ++n.judged;
            d.judged[cls] = true;
            if (verdict != Verdict::ja) {
                ++n.deviations;
                d.deviating[cls] = true;
                EvaluationDossier& pd = per_dossier[key.first];
                (cls == 0 ? pd.law : cls == 1 ? pd.other : pd.own).push_back(key.second);
            }
        }
        const Outcome tool = c.expected.at(key);
        const bool differs = suggested_verdict(tool) != verdict;
        if (differs)
            e.disagreements.push_back({line->where, key.first, key.second,
                                       std::string(verdict_words(suggested_verdict(tool))) + " (" +
                                           std::string(outcome_words(tool, texts[r].severity)) + ")",
                                       std::string(verdict_words(verdict)),
                                       echoed(replace_bsn_groups(line->explanation), 500)});
        // Completeness of the working paper: who judged, on what, when; why where it differs.
        std::vector<std::string> missing;
        if (line->auditor.empty()) missing.emplace_back("geen auditor");
        if (line->source.empty()) missing.emplace_back("geen bron");
        if (line->date.empty()) missing.emplace_back("geen datum");
        else if (!parse_date_value(line->date))
            missing.push_back("geen geldige datum ('" + echoed(replace_bsn_groups(line->date), 40) + "')");
        if (differs && line->explanation.empty()) missing.emplace_back("anders dan Wmo-toets zonder toelichting");
        if (!missing.empty()) {
            std::string what;
            for (const std::string& m : missing) what += (what.empty() ? "" : ", ") + m;
            incomplete.emplace_back(line, EvaluationRow{line->where, key.first, key.second, what, {}, {}});
        }
    }
    // Disagreements by dossier and rule; incomplete rows in the file's order (where the auditor finds them).
    std::sort(e.disagreements.begin(), e.disagreements.end(),
              [](const EvaluationRow& a, const EvaluationRow& b) { return a.dossier + a.rule < b.dossier + b.rule; });
    std::sort(incomplete.begin(), incomplete.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, row] : incomplete) e.incomplete.push_back(std::move(row));
    for (EvaluationNorm& n : norms) {
        if (n.judged == 0 && n.not_applicable == 0) continue;
        if (n.judged > 0) {
            n.upper = upper_deviation_limit(confidence, n.judged, n.deviations, n.population);
            n.met = n.upper <= tolerable + 1e-12;
        }
        e.norms.push_back(n);
    }
    std::array<std::size_t, 3> judged{}, deviating{};
    for (const auto& [id, d] : dossiers) {
        for (std::size_t k = 0; k < 3; ++k) {
            judged[k] += d.judged[k] ? 1 : 0;
            deviating[k] += d.deviating[k] ? 1 : 0;
        }
        e.clients_own_only += d.deviating[2] && !d.deviating[0] && !d.deviating[1] ? 1 : 0;
    }
    for (std::size_t i = 0; i < s.dossiers.size(); ++i) {
        EvaluationDossier d = per_dossier[s.dossiers[i]];
        d.dossier = s.dossiers[i];
        if (i < s.stratum.size()) d.stratum = s.stratum[i];
        e.dossiers.push_back(std::move(d));
    }
    e.law = class_result("overtredingen", judged[0], deviating[0], confidence, tolerable, s.population);
    e.other = class_result("aandachtspunten en signalen", judged[1], deviating[1], confidence, tolerable, s.population);
    e.clients_own_judged = judged[2];
    e.clients_own_deviating = deviating[2];
    e.met = e.law.met;
    // Per stratum, the law: exact per stratum, and the estimate weighted by the strata's sizes.
    if (!s.stratum.empty()) {
        std::map<std::string, EvaluationStratum> per;
        for (const auto& [name, size] : s.strata_population) per[name] = {name, size, 0, 0, 0, 1.0, false};
        for (std::size_t i = 0; i < s.dossiers.size() && i < s.stratum.size(); ++i) {
            EvaluationStratum& st = per[s.stratum[i]];
            ++st.drawn;
            if (const auto it = dossiers.find(s.dossiers[i]); it != dossiers.end() && it->second.judged[0]) {
                ++st.judged;
                st.deviating += it->second.deviating[0] ? 1 : 0;
            }
        }
        for (auto& [name, st] : per) {
            if (st.judged > 0) {
                st.upper = upper_deviation_limit(confidence, st.judged, st.deviating, st.population);
                st.met = st.upper <= tolerable + 1e-12;
                e.weighted += double(st.population) / double(s.population) * double(st.deviating) / double(st.judged);
            }
            e.strata.push_back(st);
        }
    }
    return e;
}

// The evaluation in words: per class, per stratum, per norm, and where the auditor judges otherwise.
void word_evaluation(const VerdictFile& file, const SampleFrame& s, VerdictEvaluation& e, double confidence_percent,
                     double tolerable_percent) {
    const std::string conf = fmt::format("{:g}", confidence_percent), tol = fmt::format("{:g}", tolerable_percent);
    std::string out = fmt::format(
        "Oordelen: {}\n"
        "Steekproef{}: {} van {} dossiers (zaad {}, strata {}, peildatum {}); {} % betrouwbaarheid, aanvaardbaar {} "
        "%.\n"
        "Telling: 'nee' en 'niet vast te stellen' zijn afwijkingen; 'niet van toepassing' telt niet mee.\n\n"
        "Conclusie per soort (een dossier wijkt af als één norm van die soort afwijkt; bovengrens exact, "
        "hypergeometrisch over {} dossiers)\n",
        std::filesystem::path(file.path).filename().string(),
        s.number ? fmt::format(" {} uit controle {}", s.number, s.run) : std::string(), s.size, grouped(s.population),
        s.seed, strata_words(s.strata),
        parse_iso_date(s.peildatum) ? parse_iso_date(s.peildatum)->dutch_long() : std::string("onbekend"), conf, tol,
        grouped(s.population));
    std::vector<std::vector<std::string>> classes;
    for (const EvaluationClass* c : {&e.law, &e.other})
        classes.push_back(
            {c == &e.law ? "overtredingen (de wet)" : c->name, std::to_string(c->judged), std::to_string(c->deviating),
             c->judged ? percent_text(c->upper) : ".",
             conclusion_words(c->judged, c->deviating, c->met) + (c->met ? " (" + margin_words(*c) + ")" : "")});
    out += text_table({{"soort"}, {"beoordeeld", true}, {"met afwijking", true}, {"bovengrens", true}, {"conclusie"}},
                      classes);
    if (e.clients_own_judged > 0)
        out += fmt::format(
            "Niet tegen de gemeente geteld: te laat bezwaar of beroep van de cliënt zelf (TRM-04, TRM-05) in {} van {} "
            "dossiers; {} alleen daarop af.\n",
            e.clients_own_deviating, e.clients_own_judged,
            e.clients_own_only == 1 ? std::string("1 week") : fmt::format("{} weken", e.clients_own_only));
    out += fmt::format("Oordeel: {}\n",
                       e.met ? fmt::format("de bovengrens voor overtredingen ligt niet boven {} %: de toets is "
                                           "geslaagd.",
                                           tol)
                             : fmt::format("de bovengrens voor overtredingen ligt boven {} %: de toets is niet "
                                           "geslaagd; het afwijkingspercentage kan hoger zijn dan aanvaardbaar.",
                                           tol));
    if (!e.strata.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const EvaluationStratum& st : e.strata)
            rows.push_back({st.name, grouped(st.population), std::to_string(st.judged), std::to_string(st.deviating),
                            st.judged ? percent_text(st.upper) : ".",
                            st.judged
                                ? conclusion_words(st.judged, st.deviating, st.met)
                                : "geen dossier getrokken (kleiner dan één dossier bij proportionele verdeling)"});
        out += "\nPer stratum (overtredingen; bovengrens exact per stratum)\n";
        out += text_table({{"stratum"},
                           {"populatie", true},
                           {"beoordeeld", true},
                           {"met afwijking", true},
                           {"bovengrens", true},
                           {"conclusie"}},
                          rows);
        const std::string w = percent_one_decimal(e.weighted);
        out += fmt::format(
            "Gewogen naar de omvang van de strata wijkt naar schatting {} % van de dossiers af op een overtreding. De "
            "strata zijn proportioneel getrokken, dus de samengevoegde telling hierboven schat op afronding na "
            "hetzelfde; haar bovengrens neemt aan dat de steekproef als geheel aselect is.\n",
            w);
    }
    std::vector<std::vector<std::string>> rows;
    for (const EvaluationNorm& n : e.norms) {
        const std::string kind = n.clients_own ? "cliënt zelf" : std::string(severity_name(n.severity));
        if (n.judged == 0) {
            // As CBS writes them (issue 28): no deviations (nil), no upper limit without a judged dossier.
            rows.push_back({n.rule, kind, "0", "–", ".", fmt::format("alle {} niet van toepassing", n.not_applicable)});
            continue;
        }
        rows.push_back({n.rule, kind, std::to_string(n.judged), std::to_string(n.deviations), percent_text(n.upper),
                        conclusion_words(n.judged, n.deviations, n.met)});
    }
    out += "\nPer norm (bovengrens: exact, hypergeometrisch over de dossiers waarop de norm van toepassing is)\n";
    out += text_table(
        {{"regel"}, {"soort"}, {"beoordeeld", true}, {"afwijkingen", true}, {"bovengrens", true}, {"conclusie"}}, rows);
    if (std::any_of(rows.begin(), rows.end(), [](const auto& row) { return row[4] == "."; }))
        out += "Tekens: – = nihil; . = niet te berekenen (geen dossier beoordeeld).\n";
    out +=
        fmt::format("\nWaar de auditor anders oordeelt dan Wmo-toets: {}\n",
                    e.disagreements.empty() ? std::string("nergens") : counted(e.disagreements.size(), "keer", "keer"));
    if (!e.disagreements.empty()) {
        std::vector<std::vector<std::string>> d;
        for (const EvaluationRow& r : e.disagreements) d.push_back({r.dossier, r.rule, r.first, r.second, r.third});
        out += text_table({{"dossier"}, {"regel"}, {"Wmo-toets"}, {"auditor"}, {"toelichting"}}, d);
    }
    out +=
        fmt::format("\nVolledigheid: {}\n",
                    e.incomplete.empty()
                        ? std::string("elke rij heeft een auditor, een bron en een geldige datum")
                        : counted(e.incomplete.size(), "rij", "rijen") +
                              " zonder auditor, bron, geldige datum of (waar die afwijkt van Wmo-toets) toelichting");
    for (std::size_t i = 0; i < e.incomplete.size() && i < kMaxProblems; ++i)
        out += "  " + e.incomplete[i].where + ": dossier " + shown_text(e.incomplete[i].dossier) + ", regel " +
               e.incomplete[i].rule + ": " + e.incomplete[i].first + "\n";
    if (e.incomplete.size() > kMaxProblems)
        out += fmt::format("  … en {} meer (alle in evaluatie.html met --uit)\n",
                           grouped(e.incomplete.size() - kMaxProblems));
    e.text = std::move(out);
}

}  // namespace

bool clients_own_term(std::string_view rule) { return rule == "TRM-04" || rule == "TRM-05"; }

std::string conclusion_words(std::size_t n, std::size_t k, bool met) {
    if (n == 0) return "niet te beoordelen";
    if (met) return "aanvaardbaar";
    if (k == 0)
        return fmt::format("geen afwijking, maar {} te weinig voor deze zekerheid",
                           n == 1 ? "1 dossier is" : fmt::format("{} dossiers zijn", n));
    return "niet aanvaardbaar";
}

std::string margin_words(const EvaluationClass& c) {
    if (!c.met) return "";
    return fmt::format("bij nog {}: niet aanvaardbaar",
                       counted(c.margin + 1, "afwijkend dossier", "afwijkende dossiers"));
}

std::string percent_one_decimal(double fraction) {
    std::string w = fmt::format("{:.1f}", fraction * 100);
    std::replace(w.begin(), w.end(), '.', ',');
    return w;
}

bool sample_judges(const SampleFrame& s, std::string_view rule) {
    return s.rules.empty() || std::find(s.rules.begin(), s.rules.end(), rule) != s.rules.end();
}

VerdictEvaluation evaluate_verdicts(const VerdictFile& file, const SampleFrame& s, const RunRecord& run,
                                    double confidence_percent, double tolerable_percent) {
    const CheckedVerdicts checked = check_verdict_file(file, s, run);
    VerdictEvaluation e = tally_verdicts(checked, s, run, confidence_percent / 100, tolerable_percent / 100);
    word_evaluation(file, s, e, confidence_percent, tolerable_percent);
    return e;
}

}  // namespace wmotoets
