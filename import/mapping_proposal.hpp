#pragma once
// `wmotoets mapping voorstel EXPORT`: a first mapping file for an export Wmo-toets has not seen,
// from its header and the distinct values of its columns (CSV or XLSX, long or wide). Columns are
// matched to canonical columns by their Dutch names, status labels to canonical activities by
// folded text and Dutch synonyms ("Keukentafelgesprek" → gesprek, "Beschikking verzonden" →
// besluit), roles and values likewise; what does not match is listed as a comment with its count.
// The result is a commented TOML file that works as it is for the common case.
#include <functional>
#include <string>

namespace wmotoets {

struct ProposalOptions {
    std::string sheet;  // XLSX: the sheet (empty: the first)
    // Hears the warnings (a possible BSN in a name or value, replaced by [BSN?] in the proposal).
    std::function<void(const std::string&)> warn;
};

// The TOML text of the proposal. Throws Error for an unreadable export.
std::string propose_mapping(const std::string& export_path, const ProposalOptions& options = {});

// The canonical activity a label most likely means, by folded text and Dutch synonyms; empty when
// no rule is sure enough ("Bezwaar beoordeeld" could be the bezwaar or the decision on it).
std::string proposed_activity(std::string_view label);

}  // namespace wmotoets
