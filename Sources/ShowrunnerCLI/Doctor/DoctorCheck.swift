/// One line of `showrunner doctor`: what was checked, how it went and what to do about it.
struct DoctorCheck: Codable, Sendable, Equatable {
    /// `error` makes `doctor` exit 1: something an account needs is missing or broken.
    enum Status: String, Codable, Sendable, Comparable {
        case ok, warning, error

        static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .ok ? 0 : self == .warning ? 1 : 2 }
    }

    /// `ffmpeg`, `font`, `voices`, `piper`, `store`, `youtube <account>`, `disk`, `config`.
    var name: String
    var status: Status
    var detail: String

    init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }

    /// An error when something needs it, otherwise a warning that says nothing uses it yet.
    static func missing(_ name: String, needed: Bool, _ detail: String) -> DoctorCheck {
        DoctorCheck(name, needed ? .error : .warning, needed ? detail : detail + " (no account needs it yet)")
    }
}
