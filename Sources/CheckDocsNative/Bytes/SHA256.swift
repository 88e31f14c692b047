import CSHA256

/// SHA-256 (FIPS 180-4, section 6.2): the `sha256:` content hash `init` records per manifest entry
/// so that `init --update` can follow a renamed file (docs/manifest.md), and the key of every
/// entry of the catalog and OCR caches. Written here because CryptoKit is not on Linux and a
/// crypto package is too heavy for it; it is not used for anything secret. In CheckDocsNative
/// because it reads its input through raw pointers. Whole blocks go to the processor's SHA
/// extensions where it has them (CSHA256), about seven times faster than the Swift rounds below
/// (docs/performance.md, "SHA-256 on the SHA extensions").
public struct SHA256 {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go to the SHA extensions (CSHA256) rather than to the Swift rounds.
    private let usesExtensions: Bool

    /// Whether this processor has the SHA extensions (with SSSE3 and SSE4.1): asked once a run.
    static let extensionsAvailable = checkdocs_sha256_blocks_available() != 0

    public init() { usesExtensions = Self.extensionsAvailable }

    /// A hasher that uses the SHA extensions only if `extensions` and the processor has them:
    /// the tests compare both ways on one machine.
    init(extensions: Bool) { usesExtensions = extensions && Self.extensionsAvailable }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hex(digest: hasher.finalize())
    }

    /// A digest (or any bytes) as lowercase hex digits, two per byte.
    public static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }

    public static func hex(_ bytes: [UInt8]) -> String { hex(bytes[...]) }

    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        length &+= UInt64(bytes.count)
        var rest = bytes
        // Fill a partial block first, then take whole blocks straight from the input.
        if !pending.isEmpty {
            let take = min(64 - pending.count, rest.count)
            pending += rest.prefix(take)
            rest = rest.dropFirst(take)
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = rest.count / 64
        if whole > 0 {
            rest.withUnsafeBytes { compress($0, blocks: whole) }
            rest = rest.dropFirst(whole * 64)
        }
        if !rest.isEmpty {
            if pending.capacity < 64 { pending.reserveCapacity(64) }
            pending += rest
        }
    }

    /// The 32-byte digest; the padding is the standard one (a 1 bit, zeros, the bit length).
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { compress($0, blocks: tail.count / 64) }
        pending.removeAll()
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// Compresses `blocks` whole 64-byte blocks from the start of `bytes`. Through raw pointers,
    /// with the state in eight locals and the message schedule on the stack: the array-based
    /// version cost ~5,000 instructions a block in bounds checks and copies, and the catalog
    /// cache hashes every description on every run (docs/performance.md, "SHA-256 and strings
    /// from bytes").
    private mutating func compress(_ bytes: UnsafeRawBufferPointer, blocks: Int) {
        guard blocks > 0, let base = bytes.baseAddress else { return }
        precondition(bytes.count >= blocks * 64, "SHA256.compress: fewer bytes than blocks")
        if usesExtensions {
            // The eight words as the C function's uint32_t[8]: a homogeneous tuple is laid out
            // as an array of its element.
            withUnsafeMutableBytes(of: &state) { words in
                checkdocs_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                        base.assumingMemoryBound(to: UInt8.self), blocks)
            }
            return
        }
        // The constants (FIPS 180-4, 4.2.2) are the C target's, one table for both ways.
        let k = checkdocs_sha256_round_constants()
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            var (h0, h1, h2, h3, h4, h5, h6, h7) = state
            for block in 0 ..< blocks {
                let data = base + block * 64
                for t in 0 ..< 16 {
                    w[t] = UInt32(bigEndian: data.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                }
                for t in 16 ..< 64 {
                    let x = w[t - 15], y = w[t - 2]
                    let s0 = Self.rotr(x, 7) ^ Self.rotr(x, 18) ^ (x >> 3)
                    let s1 = Self.rotr(y, 17) ^ Self.rotr(y, 19) ^ (y >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                // Eight rounds at a time, the letters' roles turning instead of the values
                // moving: the rolled loop spent half its instructions moving them.
                for t in stride(from: 0, to: 64, by: 8) {
                    Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                    Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                    Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                    Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                    Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                    Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                    Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                    Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
        }
    }

    /// One round (FIPS 180-4, 6.2.2 step 3), given the round's constant plus its schedule word:
    /// `d` takes the new e and `h` the new a.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
                              _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ constantAndWord
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
