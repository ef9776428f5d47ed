/// A value kept behind one heap reference: a part of a model that most accounts leave unset, so that as an
/// optional it costs a pointer in place instead of its whole size (a channel's YouTube settings are 72 bytes).
enum Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    indirect case value(Value)

    var value: Value {
        switch self {
        case .value(let value): value
        }
    }
}
