#include "import/privacy.hpp"

#include <algorithm>
#include <streambuf>
#include <string>
#include <vector>

#include "model/bsn.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

// The identifying columns of every input with possible BSNs that no decision covers.
std::vector<std::pair<const InputFile*, const BsnColumn*>> undecided_bsn(const EventLog& log,
                                                                         const ImportOptions& options) {
    std::vector<std::pair<const InputFile*, const BsnColumn*>> out;
    if (options.pseudonymise) return out;
    for (const InputFile& in : log.inputs)
        for (const BsnColumn& c : in.bsn_columns)
            if (c.identifying &&
                std::find(options.not_bsn.begin(), options.not_bsn.end(), c.column) == options.not_bsn.end())
                out.emplace_back(&in, &c);
    return out;
}

}  // namespace

bool has_undecided_bsn(const EventLog& log, const ImportOptions& options) {
    return !undecided_bsn(log, options).empty();
}

void require_bsn_decision(const EventLog& log, const ImportOptions& options) {
    const auto undecided = undecided_bsn(log, options);
    if (undecided.empty()) return;
    const auto& [in, c] = undecided.front();
    throw Error(
        in->path + ":" + std::to_string(c->first_line) + ": kolom '" + c->column + "' heeft " + grouped(c->values) +
        (c->values == 1 ? " waarde die een BSN kan zijn" : " waarden die een BSN kunnen zijn") +
        " (de eerste op deze regel); Wmo-toets schrijft die nergens weg zonder uw besluit. Kies: "
        "--pseudonimiseer SLEUTELBESTAND (vervangt ze door pseudoniemen; maak een sleutel met 'wmotoets sleutel'), "
        "of --geen-bsn-kolom " +
        c->column +
        " (het zijn geen BSN's maar bijvoorbeeld dossiernummers; in een "
        "mappingbestand: geen_bsn = [\"" +
        c->column + "\"])");
}

// Buffers a line at a time and writes it with every possible BSN masked.
class MaskedOutput::Buf : public std::streambuf {
public:
    explicit Buf(std::ostream& to) : to_(to) {}
    int sync() override {
        flush_line();
        to_.flush();
        return to_ ? 0 : -1;
    }

protected:
    int_type overflow(int_type c) override {
        if (c == traits_type::eof()) return traits_type::not_eof(c);
        line_ += char(c);
        if (c == '\n') flush_line();
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::string_view text(s, std::size_t(n));
        for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
            line_.append(text.substr(0, nl + 1));
            flush_line();
        }
        line_.append(text);
        return n;
    }

private:
    void flush_line() {
        if (line_.empty()) return;
        const std::string masked = mask_bsn_groups(line_);
        to_.write(masked.data(), std::streamsize(masked.size()));
        line_.clear();
    }
    std::ostream& to_;
    std::string line_;
};

MaskedOutput::MaskedOutput(std::ostream& to) : buf_(std::make_unique<Buf>(to)), out_(buf_.get()) {}
MaskedOutput::~MaskedOutput() { buf_->pubsync(); }

}  // namespace wmotoets
