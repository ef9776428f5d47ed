/// A file-name-safe form of a title: lowercase letters and digits (any script) joined by `-`, at most 120 bytes
/// of UTF-8 so a dated name with a run-id suffix stays under the 255-byte limit of file names.
enum Slug {
    static let maxBytes = 120

    static func make(_ title: String, fallback: String = "video") -> String {
        var slug = ""
        var pendingDash = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                let piece = (pendingDash && !slug.isEmpty ? "-" : "") + String(character)
                guard slug.utf8.count + piece.utf8.count <= maxBytes else { break }
                slug += piece
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? fallback : slug
    }
}
