#pragma once
// The auditor's verdicts on a sample: the rows `steekproef trek` puts in oordelen.xlsx (one per
// sampled dossier and applicable norm), and `steekproef evalueer --oordelen`: the filled-in file
// checked against the sample it belongs to, then per norm and per dossier the deviations, the
// exact upper bound and the conclusion, and where the auditor and Wmo-toets disagree.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "model/run.hpp"
#include "model/severity.hpp"
#include "model/verdict.hpp"

namespace wmotoets {

// A drawn sample as both trek and evalueer know it (evalueer draws it again from the database).
struct SampleFrame {
    std::uint64_t seed = 0;
    std::size_t size = 0, population = 0;
    std::string strata;                 // "team", "kwartaal" or empty
    std::string peildatum;              // of the run drawn from
    std::vector<std::string> dossiers;  // in draw order
    std::int64_t number = 0, run = 0;   // the stored sample and the run it came from (0: not stored)
    std::vector<std::string> rules;     // the norms judged (trek --regels); empty: every norm
    std::string per_rule;               // drawn from the dossiers this norm applies to (trek --per-regel)
    std::vector<std::string> stratum;   // per dossier (empty without strata)
    std::vector<std::pair<std::string, std::size_t>> strata_population;  // by name
};

// A short check mark of the sample (FNV-1a over seed, size, strata and the drawn dossiers, hex; the run it
// was drawn from when stored, the norms and the per-rule population when chosen): a file from another sample,
// run or database has another mark.
std::string sample_fingerprint(const SampleFrame& s);
// What trek writes above the table.
VerdictSheetHead verdict_head(const SampleFrame& s);

// The tool's outcome as the suggested answer to the positively worded question.
Verdict suggested_verdict(Outcome o);

struct VerdictRowPlan {
    std::size_t number = 0;                           // the dossier's place in the sample
    std::string dossier, rule, question, suggestion;  // suggestion: "nee (overtreden)"
};
// One row per sampled dossier and norm that applies to it (outcome not "niet van toepassing"; only the
// sample's norms when it has them), dossiers in draw order, norms in run order.
std::vector<VerdictRowPlan> verdict_rows(const SampleFrame& s, const RunRecord& run);

// The evaluation of a filled-in verdict file (issue 30): per class of norms at dossier level, per norm, per
// stratum, where the auditor judges otherwise and which rows are incomplete.
struct EvaluationClass {
    std::string name;  // "overtredingen", "aandachtspunten en signalen"
    std::size_t judged = 0, deviating = 0;
    double upper = 1;
    bool met = false;
    std::size_t margin = 0;  // when met: how many more deviating dossiers would still pass
};
struct EvaluationStratum {
    std::string name;
    std::size_t population = 0, drawn = 0, judged = 0, deviating = 0;  // deviating: on an overtreding
    double upper = 1;
    bool met = false;
};
struct EvaluationNorm {
    std::string rule;
    Severity severity = Severity::overtreding;
    bool clients_own = false;  // TRM-04/05: the client's own late objection, not the municipality's
    std::size_t judged = 0, deviations = 0, not_applicable = 0, population = 0;
    double upper = 1;
    bool met = false;
};
struct EvaluationDossier {
    std::string dossier, stratum;
    std::vector<std::string> law, other, own;  // the norms it deviated on, per class
};
struct EvaluationRow {  // a disagreement or an incomplete row
    std::string where, dossier, rule, first, second, third;
};
struct VerdictEvaluation {
    double confidence = 0.95, tolerable = 0.05;
    std::vector<EvaluationNorm> norms;         // norms with at least one row
    EvaluationClass law, other;                // overtredingen; aandachtspunten en signalen
    std::size_t clients_own_judged = 0;        // dossiers with a judged TRM-04/05
    std::size_t clients_own_deviating = 0;     // … that deviated on it
    std::size_t clients_own_only = 0;          // … and on nothing else
    std::vector<EvaluationStratum> strata;     // with strata: the overtredingen per stratum
    double weighted = 0;                       // with strata: Σ N_h/N · k_h/n_h (overtredingen)
    std::vector<EvaluationDossier> dossiers;   // in the sample's order
    std::vector<EvaluationRow> disagreements;  // tool (first), auditor (second), explanation (third)
    std::vector<EvaluationRow> incomplete;     // what is missing (first)
    bool met = false;                          // the law's conclusion: the exit code
    std::string text;                          // Dutch, for the terminal
};
// Checks every line against the sample (an Error listing up to 20 problems, each with its cell or
// line: a dossier not in the sample, a norm that does not apply or is unknown, a duplicate, an
// empty or unknown verdict, a missing row), then evaluates. "niet vast te stellen" counts as a
// deviation (the auditor could not show the norm was met), "niet van toepassing" leaves the
// dossier out of that norm's count. Percentages as typed (95, 5).
VerdictEvaluation evaluate_verdicts(const VerdictFile& file, const SampleFrame& s, const RunRecord& run,
                                    double confidence_percent, double tolerable_percent);

// The rules whose deviation is the client's own late objection (bezwaar, beroep): shown apart, never counted
// against the municipality.
bool clients_own_term(std::string_view rule);
// The words of an evaluation, the same on the terminal, in evaluatie.html and evaluatie.xlsx: a conclusion
// ("aanvaardbaar", "geen afwijking, maar 6 dossiers zijn te weinig voor deze zekerheid", …), the margin of a
// passed class ("bij nog 1 afwijkend dossier: niet aanvaardbaar"; empty when not passed) and a share with
// one decimal ("49,3").
std::string conclusion_words(std::size_t judged, std::size_t deviating, bool met);
std::string margin_words(const EvaluationClass& c);
std::string percent_one_decimal(double fraction);
// Whether the sample judges `rule` (every rule without trek --regels).
bool sample_judges(const SampleFrame& s, std::string_view rule);

// The evaluation as a working paper for the audit file (issue 30): evaluatie.html (A4 print) and
// evaluatie.xlsx. `sample`: the sample's identity as (label, value) lines; `by`: opgesteld door (may be
// empty: a line to sign).
struct EvaluationPaper {
    std::vector<std::pair<std::string, std::string>> sample;
    std::string verdict_file, verdict_sha256, by;
    std::int64_t number = 0;
    const VerdictEvaluation* evaluation = nullptr;
};
void write_evaluation_html(std::ostream& out, const EvaluationPaper& p);

}  // namespace wmotoets
