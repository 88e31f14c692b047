import CheckDocsFormats
import Testing

/// The content hash `init` records (`sha256:`), against the FIPS 180-4 example vectors.
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
}
