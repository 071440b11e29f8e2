#pragma once
// Input files are ordinary files: a directory, a device such as /dev/zero, a FIFO or a socket is
// refused (with the path, in Dutch) before anything is read from it — reading one would hang, grow
// without end, or read nothing and call it an empty log.
#include <string>

namespace wmotoets {

void require_regular_file(const std::string& path);

}  // namespace wmotoets
