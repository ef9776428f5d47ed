import Hummingbird

/// Any `Encodable` model from Core as a JSON response (the models stay free of Hummingbird).
struct JSONBody<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
