// SHA-256's block function on the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2): two
// rounds an instruction instead of ~70 instructions a round in portable code. Swift has no
// intrinsics for them, hence this C file; CheckDocsNative/Bytes/SHA256.swift calls it when
// checkdocs_sha256_blocks_available() says the processor has them and compresses in Swift
// otherwise (docs/performance.md, "SHA-256 on the SHA extensions").
#include "sha256_blocks.h"

// FIPS 180-4, section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes.
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *checkdocs_sha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int checkdocs_sha256_blocks_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

// SHA256RNDS2 keeps the working words in two registers, {A, B, E, F} and {C, D, G, H} (A and C
// in the highest lane), and takes the sums of two rounds' constants and schedule words in the
// low lanes of a third. After two rounds the old {A, B, E, F} is the new {C, D, G, H}, so the
// two registers take turns.
__attribute__((target("sha,sse4.1,ssse3")))
void checkdocs_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // Big-endian words: reverses the bytes within each 32-bit lane.
    const __m128i byte_order = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);  // lanes 0..3: A B C D
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);  // lanes 0..3: E F G H
    __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);                // lanes 0..3: B A D C
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);                // lanes 0..3: H G F E
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);               // lanes 0..3: F E B A
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);            // lanes 0..3: H G D C

    for (size_t block = 0; block < blocks; block++, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        // The schedule, four words a register: w[i & 3] holds words 4i..4i+3 once made.
        __m128i w[4];
        for (int i = 0; i < 4; i++) {
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_order);
        }
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            if (i >= 4) {
                // Words 4i..4i+3 from words 4i-16.. (w[i & 3]), 4i-12.., 4i-8.. and 4i-4..:
                // MSG1 adds sigma0 of the words 15 back, the alignment brings the words 7 back,
                // MSG2 adds sigma1 of the words 2 back (two of them made within its own lanes).
                __m128i sum = _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]);
                sum = _mm_add_epi32(sum, _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                w[i & 3] = _mm_sha256msg2_epu32(sum, w[(i + 3) & 3]);
            }
            __m128i sums = _mm_add_epi32(w[i & 3], _mm_loadu_si128((const __m128i *)&round_constants[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sums);  // rounds 4i and 4i+1: the new A B E F
            sums = _mm_shuffle_epi32(sums, 0x0E);             // the upper two sums down
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sums);  // rounds 4i+2 and 4i+3
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);   // lanes 0..3: A B E F
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);   // lanes 0..3: G H C D
    abcd = _mm_blend_epi16(feba, dchg, 0xF0);        // lanes 0..3: A B C D
    efgh = _mm_alignr_epi8(dchg, feba, 8);           // lanes 0..3: E F G H
    _mm_storeu_si128((__m128i *)&state[0], abcd);
    _mm_storeu_si128((__m128i *)&state[4], efgh);
}

#else

int checkdocs_sha256_blocks_available(void) { return 0; }

// No processor without the extensions may call it (checkdocs_sha256_blocks_available() is 0): a
// call stops the program rather than leave the state unhashed.
void checkdocs_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
    __builtin_trap();
}

#endif
