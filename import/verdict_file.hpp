#pragma once
// Reading the auditor's verdicts back: oordelen.xlsx as `steekproef trek` wrote it (and as Excel
// or LibreOffice saves it after filling in), or the same sheet saved as CSV (';', ',' or TAB;
// UTF-8 or Windows-1252). Columns are found by their heading. Every problem is an Error in Dutch
// with the file and the cell or line.
#include <string>

#include "model/verdict.hpp"

namespace wmotoets {

VerdictFile read_verdict_file(const std::string& path);

}  // namespace wmotoets
