/// One spoken sentence and where it sits in the voice's audio, in seconds.
struct SentenceSpan: Sendable, Equatable {
    var text: String
    var start: Double
    var end: Double
}
