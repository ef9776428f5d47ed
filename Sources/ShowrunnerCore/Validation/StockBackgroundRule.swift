/// `video`'s `background: { stock: … }` as `validate` sees it before a run: a known provider (`pexels`,
/// `pixabay`) and an `api_key` that is a secret reference (`${env:NAME}` or `${file:path}`), never a literal.
enum StockBackgroundRule {
    static let providers = ["pexels", "pixabay"]

    /// Problems in `with`, each with the dotted input it is about.
    static func problems(_ with: [String: ConfigValue]) -> [(input: String, message: String)] {
        guard case .map(let fields)? = with["background"], let stock = fields["stock"] else { return [] }
        var found: [(String, String)] = []
        if let name = ResourceInput.literal(stock) {
            let provider = name.trimmingWhitespace().lowercased()
            if !providers.contains(provider) {
                let hint = Suggestion.closest(to: provider, in: providers).map { "did you mean '\($0)'? " } ?? ""
                found.append(("background.stock", "unknown stock provider '\(name)'; \(hint)use pexels or pixabay."))
            }
        }
        let variable = (stock.stringValue?.trimmingWhitespace().uppercased() ?? "PEXELS") + "_API_KEY"
        switch fields["api_key"] {
        case nil, .null?:
            found.append(
                ("background", "stock footage needs api_key, a secret reference such as \"${env:\(variable)}\"."))
        case .string(let key)? where !key.contains("${"):
            found.append(
                (
                    "background.api_key",
                    "api_key must be a secret reference such as \"${env:\(variable)}\", not a literal key."
                ))
        default: break
        }
        return found
    }
}
