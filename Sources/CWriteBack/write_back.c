// In a C file of its own: sync_file_range is declared only with _GNU_SOURCE, which a module's
// header cannot set without changing glibc's declarations for every module importing it.
#define _GNU_SOURCE
#include "write_back.h"

#include <errno.h>
#include <fcntl.h>

int checkdocs_start_write_back(int descriptor, int64_t offset, int64_t length) {
#if defined(__linux__)
    if (sync_file_range(descriptor, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE) == 0) return 0;
    return errno;
#else
    (void)descriptor;
    (void)offset;
    (void)length;
    return ENOSYS;
#endif
}
