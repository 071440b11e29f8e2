// wmotoets sleutel: a new secret key for --pseudonimiseer.
#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/input.hpp"
#include "import/pseudonym.hpp"

namespace wmotoets {

Command add_sleutel(CLI::App& app) {
    auto out = std::make_shared<std::string>();
    CLI::App* keygen = app.add_subcommand("sleutel", "Maak een geheime sleutel voor --pseudonimiseer");
    file_option(*keygen, "--uit", *out, "Het sleutelbestand (wordt niet overschreven als het al bestaat)")->required();
    keygen->footer(
        "\nBewaar de sleutel buiten de database en deel hem niet: wie hem heeft, kan pseudoniemen narekenen.\n"
        "Gebruik elke maand dezelfde sleutel, dan blijven dossiers over exports heen te volgen.\n");
    return {keygen, [out] {
                PseudonymKey::write_new_key_file(*out);
                spdlog::info("{}: nieuwe sleutel geschreven (alleen leesbaar voor de eigenaar)", *out);
                return 0;
            }};
}

}  // namespace wmotoets
