#pragma once
// The BSN policy of a run (docs/spec/event-log.md "Privacy"), applied where a log has been read: identifying
// columns with possible BSNs need a decision before anything is written, and terminal output of an
// undecided run is masked.
#include <memory>
#include <ostream>

#include "import/diagnostics.hpp"
#include "model/event_log.hpp"

namespace wmotoets {

// docs/spec/event-log.md "Privacy": identifying columns (case_id, actor) with possible BSNs are written
// nowhere until the run decides what they are (--pseudonimiseer, --geen-bsn-kolom, geen_bsn).
// Whether `log` has such undecided values; require_bsn_decision throws the Error that names the
// column, the number of values and both ways out.
bool has_undecided_bsn(const EventLog& log, const ImportOptions& options);
void require_bsn_decision(const EventLog& log, const ImportOptions& options);

// An output stream for the terminal that masks every possible BSN ("1234*****") line by line,
// for a run whose identifying columns hold undecided possible BSNs.
class MaskedOutput {
public:
    explicit MaskedOutput(std::ostream& to);
    ~MaskedOutput();
    MaskedOutput(const MaskedOutput&) = delete;
    MaskedOutput& operator=(const MaskedOutput&) = delete;
    std::ostream& stream() { return out_; }

private:
    class Buf;
    std::unique_ptr<Buf> buf_;
    std::ostream out_;
};

}  // namespace wmotoets
