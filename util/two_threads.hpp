#pragma once
// Work split over two cores: `later` runs on a thread of its own while `first` runs on the calling
// one, and the call returns when both are done. Either one's exception is rethrown here (the
// first one's first), after both have stopped: no thread outlives the call.
#include <exception>
#include <thread>

namespace wmotoets {

template <class First, class Later>
void on_two_threads(First&& first, Later&& later) {
    std::exception_ptr later_error;
    std::thread other([&] {
        try {
            later();
        } catch (...) {
            later_error = std::current_exception();
        }
    });
    try {
        first();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (later_error) std::rethrow_exception(later_error);
}

}  // namespace wmotoets
