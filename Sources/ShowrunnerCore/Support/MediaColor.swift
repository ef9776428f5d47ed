/// A colour as ffmpeg writes it: `#rrggbb`, `#rrggbbaa`, `0xrrggbb` or one of ffmpeg's colour names (`navy`,
/// `tomato`), optionally with `@alpha` (`black@0.5`).
public enum MediaColor {
    /// The colour in ffmpeg's syntax (`0xrrggbb`, `navy`), or nil when `text` is not a colour.
    public static func parse(_ text: String) -> String? {
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        let parts = String(trimmed).split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let base = parts.first, !base.isEmpty else { return nil }
        var alpha = ""
        if parts.count == 2 {
            guard let value = Double(parts[1]), (0...1).contains(value) else { return nil }
            alpha = "@" + parts[1]
        }
        if let hex = hexDigits(base), hex.count == 6 || hex.count == 8 { return "0x" + hex + alpha }
        let name = base.lowercased()
        return names.contains(name) ? name + alpha : nil
    }

    private static func hexDigits(_ text: Substring) -> String? {
        let digits: Substring
        if text.hasPrefix("#") {
            digits = text.dropFirst()
        } else if text.lowercased().hasPrefix("0x") {
            digits = text.dropFirst(2)
        } else {
            return nil
        }
        return digits.allSatisfy(\.isHexDigit) ? digits.lowercased() : nil
    }

    /// `ffmpeg -colors` (ffmpeg 5.1).
    public static let names: Set<String> = [
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black", "blanchedalmond",
        "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse", "chocolate", "coral", "cornflowerblue",
        "cornsilk", "crimson", "cyan", "darkblue", "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkkhaki",
        "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen",
        "darkslateblue", "darkslategray", "darkturquoise", "darkviolet", "deeppink", "deepskyblue", "dimgray",
        "dodgerblue", "firebrick", "floralwhite", "forestgreen", "fuchsia", "gainsboro", "ghostwhite", "gold",
        "goldenrod", "gray", "green", "greenyellow", "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki",
        "lavender", "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral", "lightcyan",
        "lightgoldenrodyellow", "lightgreen", "lightgrey", "lightpink", "lightsalmon", "lightseagreen", "lightskyblue",
        "lightslategray", "lightsteelblue", "lightyellow", "lime", "limegreen", "linen", "magenta", "maroon",
        "mediumaquamarine", "mediumblue", "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue",
        "mediumspringgreen", "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin",
        "navajowhite", "navy", "oldlace", "olive", "olivedrab", "orange", "orangered", "orchid", "palegoldenrod",
        "palegreen", "paleturquoise", "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue",
        "purple", "red", "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell",
        "sienna", "silver", "skyblue", "slateblue", "slategray", "snow", "springgreen", "steelblue", "tan", "teal",
        "thistle", "tomato", "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow", "yellowgreen",
    ]
}
