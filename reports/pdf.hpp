#pragma once
// Printing an HTML page to PDF through headless Chromium.
#include <string>

namespace wmotoets {

// A page of HTML printed to PDF through headless Chromium (A4, page numbers and repeated table
// headers come from the page's print CSS), written safely; at most five minutes. Without Chromium an
// Error naming the Debian package.
void print_pdf(const std::string& html, const std::string& pdf);

}  // namespace wmotoets
