#pragma once
// The operating system's error codes in Dutch (issue 27 point 7): one table, so that strerror's
// English never reaches a person.
#include <string>

namespace wmotoets {

// "de schijf is vol", "geen toestemming" …; a code the table does not know: "systeemfout N".
std::string dutch_errno(int code);

}  // namespace wmotoets
