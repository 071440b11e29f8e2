#include "util/system_words.hpp"

#include <cerrno>

namespace wmotoets {

std::string dutch_errno(int code) {
    switch (code) {
    case 0: return "geen fout";
    case ENOSPC: return "de schijf is vol";
    case EDQUOT: return "de schijfruimte van deze gebruiker (quotum) is op";
    case EACCES:
    case EPERM: return "geen toestemming";
    case ENOENT: return "bestand of map bestaat niet";
    case ENOTDIR: return "een deel van het pad is geen map";
    case EISDIR: return "is een map";
    case EEXIST: return "bestaat al";
    case EROFS: return "het bestandssysteem is alleen-lezen";
    case EIO: return "lees- of schrijffout op de schijf";
    case ENAMETOOLONG: return "de naam is te lang";
    case ELOOP: return "te veel symbolische koppelingen in het pad";
    case EMFILE:
    case ENFILE: return "te veel open bestanden";
    case EFBIG: return "het bestand wordt te groot";
    case ENOMEM: return "onvoldoende geheugen";
    case EBUSY: return "het bestand is in gebruik";
    case ETXTBSY: return "het bestand wordt uitgevoerd";
    case EXDEV: return "niet te verplaatsen naar een ander bestandssysteem";
    case ENOTEMPTY: return "de map is niet leeg";
    case EINVAL: return "ongeldige waarde";
    case EINTR: return "onderbroken";
    case EAGAIN: return "tijdelijk niet beschikbaar";
    case EPIPE: return "de ontvanger van de uitvoer is gestopt";
    case ESTALE: return "het netwerkbestand is verlopen";
    case ETIMEDOUT: return "de verbinding duurde te lang";
    }
    return "systeemfout " + std::to_string(code);
}

}  // namespace wmotoets
