/// A value behind one shared reference, copied only when a copy is changed: how `Account` and `Pipeline` keep their
/// fields, so that the registry's and the scheduler's tables hold a pointer per entry, not the whole value.
struct CopyOnWrite<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Mutated only when uniquely referenced (`value`'s modify), so sharing it between threads is safe.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }

    func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}
