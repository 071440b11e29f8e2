#pragma once
// The one error type for tool failures (unusable arguments, unreadable files, --strict
// rejections, privacy refusals). It is caught in main and gives exit code 2.
// Bad input rows and compliance findings are *not* errors: they are data.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace wmotoets {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message), message_(message) {}
    // About a file (and a line of it; 0: the whole file): "FILE:LINE: message" or "FILE: message".
    Error(std::string file, std::uint64_t line, const std::string& message)
        : std::runtime_error(located(file, line, message)), file_(std::move(file)), line_(line), message_(message) {}

    const std::string& file() const { return file_; }  // empty when the error names no file
    std::uint64_t line() const { return line_; }
    const std::string& message() const { return message_; }  // without the place
    // The same error about another file name (a temporary file's error named by its target).
    Error about(const std::string& file) const { return Error(file, line_, message_); }

private:
    static std::string located(const std::string& file, std::uint64_t line, const std::string& message) {
        std::string text = file;
        if (line) (text += ':') += std::to_string(line);
        (text += ": ") += message;
        return text;
    }
    std::string file_;
    std::uint64_t line_ = 0;
    std::string message_;
};

}  // namespace wmotoets
