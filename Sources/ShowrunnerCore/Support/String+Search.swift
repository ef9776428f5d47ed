extension StringProtocol {
    /// Whether `needle` occurs in this text, byte for byte. Foundation's `contains(_:)` for strings bridges to
    /// NSString (allocating on every call), which showed in `validate`'s profile at 10,000 accounts.
    public func containsText(_ needle: String) -> Bool {
        let bytes = utf8
        var index = bytes.startIndex
        while true {
            if bytes[index...].starts(with: needle.utf8) { return true }
            guard index != bytes.endIndex else { return false }
            bytes.formIndex(after: &index)
        }
    }
}
