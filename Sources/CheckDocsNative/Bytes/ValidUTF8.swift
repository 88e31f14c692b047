#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The string `bytes` spell in UTF-8, or nil when they are not valid UTF-8: what
    /// `String(validating: bytes, as: UTF8.self)` answers. That initializer goes through the
    /// standard library's unspecialized generic validator, which looks up type metadata at every
    /// call (~1,000 instructions, against ~60 to validate a short name), and the catalog cache
    /// reads a hundred strings per description (docs/performance.md, "SHA-256 and strings from
    /// bytes"). Here the bytes are decoded by the specialized path, which repairs what is invalid,
    /// and the result is compared with them: a repair always changes the bytes (an invalid
    /// sequence becomes U+FFFD, which it was not).
    public init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let same = text.utf8.count == bytes.count && text.utf8.withContiguousStorageIfAvailable { decoded in
            decoded.count == 0 || memcmp(decoded.baseAddress!, bytes.baseAddress!, decoded.count) == 0
        } ?? text.utf8.elementsEqual(bytes)
        guard same else { return nil }
        self = text
    }

    public init?(validUTF8 bytes: ArraySlice<UInt8>) {
        guard let text = bytes.withUnsafeBufferPointer({ String(validUTF8: $0) }) else { return nil }
        self = text
    }

    public init?(validUTF8 bytes: [UInt8]) {
        guard let text = bytes.withUnsafeBufferPointer({ String(validUTF8: $0) }) else { return nil }
        self = text
    }
}
