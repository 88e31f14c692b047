#ifndef CHECKDOCS_WRITE_BACK_H
#define CHECKDOCS_WRITE_BACK_H
#include <stdint.h>

// Starts the write-back of a file's dirty pages in [offset, offset + length) without waiting for
// it (sync_file_range with SYNC_FILE_RANGE_WRITE), so that the fsync at a file's end finds most
// of them on disk already (CheckDocsNative/Files/WriteBack.swift). Returns 0, or an errno;
// ENOSYS on a system without sync_file_range.
int checkdocs_start_write_back(int descriptor, int64_t offset, int64_t length);

#endif
