#ifndef CHECKDOCS_EXECUTABLE_DATA_H
#define CHECKDOCS_EXECUTABLE_DATA_H
// The executable's writable data faulted in ahead (CheckDocsNative/Concurrency/ExecutableData.swift).

// Faults in, as if written, the executable's .data and .bss (MADV_POPULATE_WRITE, Linux 5.14; an
// older kernel refuses it, harmlessly). Nothing on a system other than Linux.
void checkdocs_populate_executable_data(void);

#endif
