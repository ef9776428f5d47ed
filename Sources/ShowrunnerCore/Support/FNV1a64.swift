/// The 64-bit FNV-1a hash: a fast, stable, non-cryptographic checksum (detects accidental differences, not
/// tampering). Fed incrementally, so a large file can be hashed in chunks.
public struct FNV1a64: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard contiguous == nil else { return }
        var hash = value
        for byte in bytes { hash = Self.step(hash, byte) }
        value = hash
    }

    /// The same hash over raw bytes: not generic, so callers in other modules get the tight loop, not a
    /// per-byte call through an unspecialized closure.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes { hash = Self.step(hash, byte) }
        value = hash
    }

    @inline(__always)
    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of a text's UTF-8 bytes, as hex.
    public static func hex(of text: String) -> String {
        var hash = FNV1a64()
        hash.update(text.utf8)
        return hash.hex
    }
}
