extension StringProtocol {
    /// Whether `needle` occurs in this text, byte for byte. Foundation's `contains(_:)` for strings bridges to
    /// NSString (allocating on every call), which showed in `validate`'s profile at 10,000 accounts.
    public func containsText(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { Self.find($0, in: haystack) }
        }
        if let found, let found { return found }
        return Self.find(Array(needle.utf8), in: Array(utf8))
    }

    private static func find(
        _ needle: some RandomAccessCollection<UInt8>, in haystack: some RandomAccessCollection<UInt8>
    ) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
        while index <= last {
            if haystack[index] == first,
                haystack[index..<haystack.index(index, offsetBy: needle.count)].elementsEqual(needle)
            {
                return true
            }
            haystack.formIndex(after: &index)
        }
        return false
    }
}
