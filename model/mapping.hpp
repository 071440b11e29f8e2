#pragma once
// A mapping file (--mapping): how one municipality's export becomes the canonical event log.
// Data, never code: column names, activity labels, roles and values of that export.
//   [kolommen]      canonical column = source column (CSV) or key (XES)
//   [activiteiten]  source label = canonical activity
//   [rollen]        source role = canonical role
//   [waarden.ATTR]  source value = canonical value, for canonical attribute ATTR
//   onbekende_activiteiten = "behouden" | "weigeren"
//   [breed]         date column = canonical activity, or { activiteit, tijd, actor, rol, team,
//                   attributen = { ATTR = column } }: a wide export, one row per dossier or melding
//   [zgw.statustypen], [zgw.roltypen], [zgw.klantcontacten]: see below
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/activity.hpp"

namespace wmotoets {

struct Mapping {
    struct Column {
        std::string source;
        std::uint64_t line = 0;  // in the mapping file, for messages
    };
    std::string path;                                                  // the mapping file, for messages and provenance
    std::map<std::string, Column> columns;                             // canonical name → source
    std::map<std::string, Activity> activities;                        // source label (exact) → canonical activity
    std::map<std::string, std::string> roles;                          // source role (exact) → canonical role
    std::map<std::string, std::map<std::string, std::string>> values;  // attribute → source → canonical
    std::vector<std::string> not_bsn;  // geen_bsn: identifying columns declared free of BSNs
    std::optional<bool> keep_unknown;  // onbekende_activiteiten: behouden (true) / weigeren

    // A wide export ([breed]): one row per dossier (or per melding; another row with the same
    // dossier number is its next melding), one date column per step. Each filled date is an event
    // of that dossier; [kolommen] names case_id and columns that hold for every step of the row
    // (team, organisatie, attributes), a step its own time, actor, fixed role, team and attributes.
    struct WideStep {
        std::string date_column;  // as in the header
        Activity activity;
        std::string time_column, actor_column, team_column, role;     // optional; role canonical
        std::vector<std::pair<std::string, std::string>> attributes;  // canonical attribute, column
        std::uint64_t line = 0;                                       // in the mapping file
    };
    std::vector<WideStep> wide;

    // ZGW exports (--formaat zgw):
    //   [zgw.statustypen]    StatusType.omschrijving = canonical activity
    //   [zgw.roltypen]       RolType.omschrijving = { activiteit = "…", rol = "…" }
    //   [zgw.klantcontacten] KlantContact.onderwerp = canonical activity
    struct RolType {
        Activity activity;
        std::string role;  // canonical role, may be empty
    };
    std::map<std::string, Activity> zgw_statustypen;
    std::map<std::string, RolType> zgw_roltypen;
    std::map<std::string, Activity> zgw_klantcontacten;

    // The columns in the order of the mapping file (messages name the first problem there).
    std::vector<std::pair<std::string, const Column*>> columns_in_file_order() const {
        std::vector<std::pair<std::string, const Column*>> out;
        for (const auto& [name, c] : columns) out.emplace_back(name, &c);
        std::stable_sort(out.begin(), out.end(),
                         [](const auto& a, const auto& b) { return a.second->line < b.second->line; });
        return out;
    }

    // The source of canonical column `name`, or `fallback` when the mapping does not name it.
    std::string source_of(const std::string& name, const std::string& fallback) const {
        const auto it = columns.find(name);
        return it == columns.end() ? fallback : it->second.source;
    }
};

}  // namespace wmotoets
