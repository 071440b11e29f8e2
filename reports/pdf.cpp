#include "reports/pdf.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "util/error.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace wmotoets {

namespace {

// The headless browser that prints a page, if one is installed.
std::optional<std::string> find_chromium() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        std::size_t at = 0;
        while (at <= dirs.size()) {
            const std::size_t colon = std::min(dirs.find(':', at), dirs.size());
            const std::string candidate = dirs.substr(at, colon - at) + "/" + name;
            if (colon > at && ::access(candidate.c_str(), X_OK) == 0) return candidate;
            at = colon + 1;
        }
    }
    return std::nullopt;
}

}  // namespace

void print_pdf(const std::string& html, const std::string& pdf) {
    const auto chromium = find_chromium();
    if (!chromium)
        throw Error(pdf +
                    " niet geschreven: Chromium ontbreekt. Installeer het Debian-pakket 'chromium' "
                    "(apt-get install chromium) en probeer het opnieuw; " +
                    std::filesystem::path(html).filename().string() + " staat er wel.");
    const std::string url = file_url(std::filesystem::absolute(html).string());
    write_output_file(pdf, [&](const std::string& tmp) {
        const std::string out = "--print-to-pdf=" + tmp;
        std::vector<std::string> args = {*chromium,
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--no-first-run",
                                         "--no-pdf-header-footer",
                                         "--user-data-dir=" + tmp + ".profiel",
                                         out,
                                         url};
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        const pid_t child = ::fork();
        if (child < 0) throw Error(pdf + ": Chromium kon niet worden gestart");
        if (child == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) {
                ::dup2(null, STDOUT_FILENO);
                ::dup2(null, STDERR_FILENO);
            }
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        int status = 0;
        bool done = false;
        for (int waited = 0; waited < 3000 && !done; ++waited) {  // 3000 × 100 ms
            if (::waitpid(child, &status, WNOHANG) == child) done = true;
            else std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::error_code ec;
        if (!done) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            std::filesystem::remove_all(tmp + ".profiel", ec);
            throw Error(pdf + ": Chromium gaf na vijf minuten nog geen PDF; " +
                        std::filesystem::path(html).filename().string() + " staat er wel");
        }
        std::filesystem::remove_all(tmp + ".profiel", ec);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(tmp) ||
            std::filesystem::file_size(tmp) == 0)
            throw Error(pdf + ": Chromium kon " + std::filesystem::path(html).filename().string() +
                        " niet als PDF afdrukken (" + *chromium + ")");
    });
}

}  // namespace wmotoets
