#pragma once
// The wijkteam coordinator's view of the scheiding van functies (ondersteuner ≠ beslisser): per
// team and per medewerker (pseudonym), the dossiers where ONA-01, ONA-02 or ONA-03 fired, per
// month; and the persons who act both as ondersteuner and as beslisser.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/event_log.hpp"
#include "model/store.hpp"

namespace wmotoets {

// The rules about the separation of functions that this view counts, named in this one place.
inline constexpr std::string_view kSeparationRules[] = {"ONA-01", "ONA-02", "ONA-03"};

struct SeparationView {
    std::vector<std::string> months;  // "2024-03", sorted: the trend runs left to right
    // team / medewerker → month → number of dossiers with an ONA-01/02/03 finding that month
    std::map<std::string, std::map<std::string, std::size_t>> per_team, per_person;
    struct Person {
        std::string id;
        std::size_t as_ondersteuner = 0, as_beslisser = 0, both = 0;  // dossiers
    };
    std::vector<Person> both_roles;  // persons who are ondersteuner in one dossier and beslisser in one

    // A row of per_team or per_person as one count per month of `months` (0 where absent).
    std::vector<std::size_t> counts_of(const std::map<std::string, std::size_t>& per_month) const {
        std::vector<std::size_t> out;
        for (const std::string& m : months) {
            const auto it = per_month.find(m);
            out.push_back(it == per_month.end() ? 0 : it->second);
        }
        return out;
    }
};

// `log` finalized, as loaded from the store the run judged.
SeparationView separation_view(const EventLog& log, const RunRecord& run);

}  // namespace wmotoets
