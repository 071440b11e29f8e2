#pragma once
// Import of a JSON export of the VNG ZGW APIs (Zaken, Statussen, Rollen, Besluiten, Klantcontacten).
#include <string>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// Reads one JSON file with the keys zaken (required), statussen, statustypen, rollen, roltypen,
// besluiten and klantcontacten, each an array of resources as the APIs return them or a page
// object with `results`. Dossier = zaak.identificatie. Events: a Status at datumStatusGezet (its
// StatusType's omschrijving, mapped by [zgw.statustypen]; actor = the medewerker of the Rol in
// gezetdoor); a Rol whose RolType omschrijving is mapped in [zgw.roltypen] at its
// registratiedatum; a Besluit as `besluit` at verzenddatum (else datum), actor = the zaak's
// earliest Rol with omschrijvingGeneriek `beslisser`; a KlantContact whose onderwerp is mapped in
// [zgw.klantcontacten] at datumtijd, with attribute kanaal. Natural persons' identifications
// (inpBsn, names) are never read; their BSN fields are only counted. Lines in messages are the
// lines where the resource starts in the file.
void import_zgw(const std::string& path, const ImportOptions& options, EventLog& log, Diagnostics& diag);

}  // namespace wmotoets
