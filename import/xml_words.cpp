#include "import/xml_words.hpp"

namespace wmotoets {

std::string xml_error_dutch(XML_Error code) {
    switch (code) {
    case XML_ERROR_NONE: return "geen fout";
    case XML_ERROR_NO_MEMORY: return "onvoldoende geheugen";
    case XML_ERROR_SYNTAX: return "syntaxisfout";
    case XML_ERROR_NO_ELEMENTS: return "geen elementen";
    case XML_ERROR_INVALID_TOKEN: return "ongeldige tekens";
    case XML_ERROR_UNCLOSED_TOKEN: return "onafgesloten element";
    case XML_ERROR_PARTIAL_CHAR: return "afgebroken teken";
    case XML_ERROR_TAG_MISMATCH: return "sluitelement past niet bij het openingselement";
    case XML_ERROR_DUPLICATE_ATTRIBUTE: return "een attribuut staat twee keer in één element";
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT: return "tekst na het hoofdelement";
    case XML_ERROR_PARAM_ENTITY_REF: return "verwijzing naar een parameter-entiteit";
    case XML_ERROR_UNDEFINED_ENTITY: return "onbekende entiteit";
    case XML_ERROR_RECURSIVE_ENTITY_REF: return "entiteit die naar zichzelf verwijst";
    case XML_ERROR_ASYNC_ENTITY: return "entiteit niet goed afgesloten";
    case XML_ERROR_BAD_CHAR_REF: return "verwijzing naar een ongeldig teken";
    case XML_ERROR_BINARY_ENTITY_REF: return "verwijzing naar een binaire entiteit";
    case XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF: return "verwijzing naar een externe entiteit in een attribuut";
    case XML_ERROR_MISPLACED_XML_PI: return "XML-declaratie niet aan het begin";
    case XML_ERROR_UNKNOWN_ENCODING: return "onbekende tekenset";
    case XML_ERROR_INCORRECT_ENCODING: return "tekenset in de declaratie klopt niet";
    case XML_ERROR_UNCLOSED_CDATA_SECTION: return "CDATA-sectie niet afgesloten";
    case XML_ERROR_EXTERNAL_ENTITY_HANDLING: return "fout bij een externe entiteit";
    case XML_ERROR_NOT_STANDALONE: return "document is niet op zichzelf staand";
    case XML_ERROR_UNEXPECTED_STATE: return "onverwachte toestand van de XML-lezer";
    case XML_ERROR_ENTITY_DECLARED_IN_PE: return "entiteit gedeclareerd in een parameter-entiteit";
    case XML_ERROR_FEATURE_REQUIRES_XML_DTD: return "vraagt DTD-ondersteuning";
    case XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING: return "instelling veranderd tijdens het lezen";
    case XML_ERROR_UNBOUND_PREFIX: return "onbekend naamruimte-voorvoegsel";
    case XML_ERROR_UNDECLARING_PREFIX: return "naamruimte-voorvoegsel leeg gemaakt";
    case XML_ERROR_INCOMPLETE_PE: return "onvolledige parameter-entiteit";
    case XML_ERROR_XML_DECL: return "ongeldige XML-declaratie";
    case XML_ERROR_TEXT_DECL: return "ongeldige tekstdeclaratie";
    case XML_ERROR_PUBLICID: return "ongeldige tekens in een publieke identificatie";
    case XML_ERROR_SUSPENDED: return "lezer gepauzeerd";
    case XML_ERROR_NOT_SUSPENDED: return "lezer niet gepauzeerd";
    case XML_ERROR_ABORTED: return "lezen afgebroken";
    case XML_ERROR_FINISHED: return "lezen al beëindigd";
    case XML_ERROR_SUSPEND_PE: return "kan niet pauzeren in een parameter-entiteit";
    case XML_ERROR_RESERVED_PREFIX_XML: return "het voorvoegsel 'xml' is gereserveerd";
    case XML_ERROR_RESERVED_PREFIX_XMLNS: return "het voorvoegsel 'xmlns' is gereserveerd";
    case XML_ERROR_RESERVED_NAMESPACE_URI: return "gereserveerde naamruimte";
    case XML_ERROR_INVALID_ARGUMENT: return "ongeldig argument voor de XML-lezer";
    case XML_ERROR_NO_BUFFER: return "geen buffer voor de XML-lezer";
    case XML_ERROR_AMPLIFICATION_LIMIT_BREACH: return "te veel uitvergroting door entiteiten (mogelijk een aanval)";
    }
    return "XML-fout nummer " + std::to_string(static_cast<int>(code));
}

}  // namespace wmotoets
