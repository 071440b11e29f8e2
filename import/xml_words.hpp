#pragma once
// expat's error codes in Dutch (issue 27 point 7): one table, so that no English library text
// reaches a person. Shared by the XES and the XLSX readers.
#include <expat.h>

#include <string>

namespace wmotoets {

// "syntaxisfout", "ongeldige tekens" …; a code this table does not know: "XML-fout nummer N".
std::string xml_error_dutch(XML_Error code);

}  // namespace wmotoets
