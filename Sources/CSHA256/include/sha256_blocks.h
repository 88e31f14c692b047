#ifndef CHECKDOCS_SHA256_BLOCKS_H
#define CHECKDOCS_SHA256_BLOCKS_H
// SHA-256's block function on the processor's SHA extensions
// (CheckDocsNative/Bytes/SHA256.swift; docs/performance.md, "SHA-256 on the SHA extensions").

#include <stddef.h>
#include <stdint.h>

// SHA-256's 64 round constants, for the block function here and the Swift rounds alike.
const uint32_t *_Nonnull checkdocs_sha256_round_constants(void);

// 1 when this processor has the x86 SHA extensions (with SSSE3 and SSE4.1, which the block
// function also uses), else 0: then checkdocs_sha256_blocks must not be called.
int checkdocs_sha256_blocks_available(void);

// Compresses `blocks` whole 64-byte blocks at `data` into `state` (the eight working words, A
// first), as FIPS 180-4 section 6.2.2 does one block at a time.
void checkdocs_sha256_blocks(uint32_t state[_Nonnull 8], const uint8_t *_Nonnull data, size_t blocks);

#endif
