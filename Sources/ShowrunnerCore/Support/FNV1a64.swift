/// The 64-bit FNV-1a hash: a fast, stable, non-cryptographic checksum (detects accidental differences, not
/// tampering). Fed incrementally, so a large file can be hashed in chunks.
public struct FNV1a64: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var hash = value
        let step = { (hash: inout UInt64, byte: UInt8) in hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { for byte in $0 { step(&hash, byte) } }
        if contiguous == nil {
            for byte in bytes { step(&hash, byte) }
        }
        value = hash
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
