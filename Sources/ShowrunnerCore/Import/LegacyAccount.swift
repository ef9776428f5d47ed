/// One row of the old system's `Account` table (SQLAlchemy model), as the importer reads it.
public struct LegacyAccount: Sendable, Hashable {
    public var id: String
    public var name: String
    public var channelType: String?
    public var uploadSchedule: String?
    public var ttsProvider: String?
    public var ttsVoice: String?
    public var ttsSpeed: Double?
    public var active: Bool

    public init(
        id: String, name: String, channelType: String? = nil, uploadSchedule: String? = nil,
        ttsProvider: String? = nil, ttsVoice: String? = nil, ttsSpeed: Double? = nil, active: Bool = true
    ) {
        self.id = id
        self.name = name
        self.channelType = channelType
        self.uploadSchedule = uploadSchedule
        self.ttsProvider = ttsProvider
        self.ttsVoice = ttsVoice
        self.ttsSpeed = ttsSpeed
        self.active = active
    }
}
