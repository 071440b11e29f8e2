#pragma once
// The audit database (SQLite): every imported file with its provenance, the events of every
// dossier (a newer export of a dossier replaces its events), and the check runs with their
// outcomes, findings and figures, so that reports can be written later. The only part of the
// program that includes sqlite3.h (store/sqlite.hpp, included by store/*.cpp only).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/event_log.hpp"
#include "model/run.hpp"
#include "model/sample.hpp"

namespace wmotoets {

// What importing one file into the store did.
struct ImportSummary {
    bool already_imported = false;                       // the same file (SHA-256) is in the store: nothing changed
    std::int64_t import_id = 0;                          // the new import, or the earlier one when already imported
    std::string earlier_path;                            // when already imported: the path it was imported from
    std::size_t added = 0, replaced = 0, unchanged = 0;  // dossiers
};

class Store {
public:
    // What a command may do to the file (issue 27): only `create` makes a new file, only `create`
    // and `migrate` bring an older schema up to date, `read` opens read-only. A command that only
    // reads never creates, migrates or switches the journal of a file; it says what is needed first.
    enum class Access { create, migrate, write, read };

    // Opens the database at `path` (creating it when absent and `access` is create) and, for create
    // and migrate, brings its schema up to date; `notice` hears (in Dutch) when an existing database
    // is about to be migrated, which can take a while for a large one, and when it waits for a
    // writer. Before anything is written, the file is checked: a version this program does not
    // know, another program's tables, a schema that differs from the one of its version (a table,
    // column, index or view changed, any trigger) are refused and the file is left as it was; a
    // file of an older version is first checked by PRAGMA quick_check.
    explicit Store(const std::string& path, const std::function<void(const std::string&)>& notice = {});
    Store(const std::string& path, Access access, const std::function<void(const std::string&)>& notice = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static constexpr int kSchemaVersion = 7;

    // Stores input `file` of `log` (finalized, holding only that file's events) in one
    // transaction: all or nothing. `imported_at` is provenance only (never in reports).
    ImportSummary add_import(const EventLog& log, std::size_t file, const std::string& imported_at);

    // Every stored event, as the log of one run over all imports (finalize() it).
    EventLog load() const;
    std::size_t dossier_count() const;
    std::size_t event_count() const;
    std::size_t import_count() const;
    // The ids of the imports in the order load() lists them as inputs.
    std::vector<std::int64_t> import_ids() const;
    // "ok", or what SQLite's integrity check found.
    std::string integrity_check() const;

    // Stores a run in one transaction; returns its id.
    std::int64_t add_run(const RunRecord& run);

    // Streams a run into the store row by row (a million dossiers need not be copied first), in
    // one transaction: nothing is kept unless commit() is reached.
    class RunWriter final : public RunSink {
    public:
        explicit RunWriter(Store& store);
        ~RunWriter() override;
        RunWriter(const RunWriter&) = delete;
        RunWriter& operator=(const RunWriter&) = delete;
        void begin(const std::string& peildatum, const RunSettings& settings,
                   const std::vector<std::string>& rules) override;
        void outcomes(std::string_view case_id, std::span<const Outcome> row) override;
        void finding(const RunRecord::Finding& f) override;
        void figure(const RunRecord::Figure& f) override;
        void lead_time(const RunRecord::LeadTime& l) override;
        void open_item(const RunRecord::Open& o) override;
        std::int64_t commit();  // the run's id

    private:
        struct Impl;
        std::unique_ptr<Impl> impl_;
    };
    // The latest run, if any.
    std::optional<RunRecord> latest_run() const;
    std::int64_t latest_run_id() const;  // 0 when none
    // A stored run by its id (nullopt when there is none), and the id of the latest run whose peildatum
    // lies before `peildatum` (ISO; 0 when none): the run a werkvoorraad is compared with.
    std::optional<RunRecord> run(std::int64_t id) const;
    std::int64_t latest_run_before(const std::string& peildatum) const;

    // The samples drawn from this database (issue 30): stored in one transaction (its id returned; its
    // run must be stored), all of them in the order drawn, or one by its id (nullopt when none).
    std::int64_t add_sample(const StoredSample& sample);
    std::vector<StoredSample> samples() const;
    std::optional<StoredSample> sample(std::int64_t id) const;

    const std::string& path() const { return path_; }

    struct Db;  // the connection (defined in store/sqlite.hpp, for store/*.cpp only)

private:
    std::string path_;
    std::unique_ptr<Db> db_;
};

}  // namespace wmotoets
