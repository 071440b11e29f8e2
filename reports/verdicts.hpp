#pragma once
// The auditor's verdicts on a sample: the rows `steekproef trek` puts in oordelen.xlsx (one per
// sampled dossier and applicable norm), and `steekproef evalueer --oordelen`: the filled-in file
// checked against the sample it belongs to, then per norm and per dossier the deviations, the
// exact upper bound and the conclusion, and where the auditor and Wmo-toets disagree.
#include <cstdint>
#include <string>
#include <vector>

#include "model/run.hpp"
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
};

// A short check mark of the sample (FNV-1a over seed, size, strata and the drawn dossiers, hex):
// a file from another sample or another database has another mark.
std::string sample_fingerprint(const SampleFrame& s);
// What trek writes above the table.
VerdictSheetHead verdict_head(const SampleFrame& s);

// The tool's outcome as the suggested answer to the positively worded question.
Verdict suggested_verdict(Outcome o);

struct VerdictRowPlan {
    std::size_t number = 0;                           // the dossier's place in the sample
    std::string dossier, rule, question, suggestion;  // suggestion: "nee (overtreden)"
};
// One row per sampled dossier and norm that applies to it (outcome not "niet van toepassing"),
// dossiers in draw order, norms in run order.
std::vector<VerdictRowPlan> verdict_rows(const SampleFrame& s, const RunRecord& run);

struct VerdictEvaluation {
    bool met = false;  // the dossier-level upper bound is not above the tolerable rate
    std::string text;  // Dutch, for the terminal
};
// Checks every line against the sample (an Error listing up to 20 problems, each with its cell or
// line: a dossier not in the sample, a norm that does not apply or is unknown, a duplicate, an
// empty or unknown verdict, a missing row), then evaluates. "niet vast te stellen" counts as a
// deviation (the auditor could not show the norm was met), "niet van toepassing" leaves the
// dossier out of that norm's count. Percentages as typed (95, 5).
VerdictEvaluation evaluate_verdicts(const VerdictFile& file, const SampleFrame& s, const RunRecord& run,
                                    double confidence_percent, double tolerable_percent);

}  // namespace wmotoets
