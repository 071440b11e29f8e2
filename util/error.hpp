#pragma once
// The one error type for tool failures (unusable arguments, unreadable files, --strict
// rejections, privacy refusals). It is caught in main and gives exit code 2.
// Bad input rows and compliance findings are *not* errors: they are data.
#include <stdexcept>
#include <string>

namespace wmotoets {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace wmotoets
