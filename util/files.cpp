#include "util/files.hpp"

#include <sys/stat.h>

#include "util/error.hpp"

namespace wmotoets {

void require_regular_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw Error(path + ": bestand bestaat niet of is niet leesbaar");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is een map, geen bestand");
    if (!S_ISREG(st.st_mode))
        throw Error(path + ": is geen gewoon bestand (maar een apparaat, pijp of socket); geef een bestand");
}

}  // namespace wmotoets
