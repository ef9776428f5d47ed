/// Turns ffmpeg's statistics lines (`frame=  186 fps= 54 … time=00:00:06.13 bitrate=… speed=1.77x`, printed to
/// stderr with `-stats`) into a percentage of the video's duration.
struct EncodingProgress: Sendable {
    var duration: Double
    /// Seconds added to ffmpeg's time (the start of the segment it encodes).
    var offset = 0.0
    private(set) var lastPercent: Int?

    init(duration: Double) { self.duration = duration }

    /// The new percentage when `line` moves it, else nil.
    mutating func update(_ line: String) -> Int? {
        guard let time = Self.time(in: line), duration > 0 else { return nil }
        let seconds = time + offset
        let percent = min(100, max(0, Int(seconds / duration * 100)))
        guard percent != lastPercent else { return nil }
        lastPercent = percent
        return percent
    }

    /// Seconds from `time=HH:MM:SS.cc`; nil for `time=N/A` or a line without it.
    static func time(in line: String) -> Double? {
        guard let range = line.firstRange(of: "time=") else { return nil }
        let value = line[range.upperBound...].prefix { !$0.isWhitespace }
        let parts = value.split(separator: ":")
        guard parts.count == 3, let hours = Double(parts[0]), let minutes = Double(parts[1]),
            let seconds = Double(parts[2])
        else { return nil }
        let sign = value.hasPrefix("-") ? -1.0 : 1.0
        return sign * ((abs(hours) * 60 + minutes) * 60 + seconds)
    }
}
