@testable import CheckDocsNative
import Testing

/// The content hash `init` records (`sha256:`), against the FIPS 180-4 example vectors, on the
/// SHA extensions where this processor has them and in Swift.
@Suite struct SHA256Tests {
    @Test("the standard test vectors: \"abc\", the empty message and the 448-bit message")
    func vectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("one million 'a' fed in uneven pieces hashes as one piece")
    func pieces() {
        let all = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        var size = 1
        while offset < all.count {
            let end = min(all.count, offset + size)
            hasher.update(all[offset ..< end])
            offset = end
            size = size % 131 + 7
        }
        let digest = hasher.finalize().map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(all) == digest)
    }

    @Test("messages around the block and padding boundaries, whole and from the middle of a larger array")
    func boundaries() {
        // Digests of the bytes (i * 7 + 3) mod 256 for i < n, from Python's hashlib.
        let expected: [(Int, String)] = [
            (1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"),
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
            (127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"),
            (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
            (129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"),
            (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
        ]
        for (count, digest) in expected {
            let message = (0 ..< count).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
            #expect(SHA256.hex(message) == digest, "\(count) bytes")
            // The same bytes as a slice that does not start at index 0 (and not 8-byte aligned).
            let padded = [UInt8](repeating: 0xAA, count: 5) + message + [0x55, 0x55]
            #expect(SHA256.hex(padded[5 ..< 5 + count]) == digest, "\(count) bytes, from a slice")
        }
    }

    // Where the processor lacks the extensions both hashers would take the Swift rounds and
    // compare them with themselves: the test is skipped there, and the tests above check the
    // Swift rounds against the published digests.
    @Test("the SHA extensions and the Swift rounds agree, message by message and piece by piece",
          .enabled(if: SHA256.extensionsAvailable, "this processor has no SHA extensions"))
    func extensionsAgree() {
        // Bytes from a fixed xorshift sequence: every run hashes the same messages.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextByte() -> UInt8 {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return UInt8(truncatingIfNeeded: seed >> 32)
        }
        for count in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 640, 3_001, 65_536 + 17] {
            let message = (0 ..< count).map { _ in nextByte() }
            var portable = SHA256(extensions: false)
            var extensions = SHA256(extensions: true)
            portable.update(message[...])
            // Uneven pieces: a partial block, then whole blocks, then a partial one again.
            var offset = 0
            var size = 13
            while offset < count {
                let end = min(count, offset + size)
                extensions.update(message[offset ..< end])
                offset = end
                size = size * 3 % 1_000 + 1
            }
            #expect(portable.finalize() == extensions.finalize(), "\(count) bytes")
        }
    }
}
