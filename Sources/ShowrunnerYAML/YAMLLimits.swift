import CLibYAML
import ShowrunnerCore

/// Bounds what a small YAML file can cost before it is composed: the nesting depth and how many values its
/// aliases expand to (a "billion laughs" alias bomb of 600 bytes expands to billions). The composer shares an
/// aliased node instead of copying it, but hashing mapping keys and every walk of the tree (`vars`, `with:`, a
/// topics list) pays for the expanded size, so the file is refused here, at the alias that goes over, as
/// PyYAML-based tools and Kubernetes' YAML reader do.
public struct YAMLLimits: Sendable {
    /// Deeper than any config needs (a step's `with:` is 4 levels down); the expanded depth through aliases counts.
    public var maxDepth = 100
    /// Aliases may expand a file to this many values, or to twice the values written in it if that is more.
    public var minimumBudget = 10_000

    public init() {}

    /// The running count while the events go by (`YAMLEventComposer` feeds it every event).
    struct Walk {
        struct Open {
            let anchor: String?
            let startCount: Int
            var height = 1
        }

        struct Anchored {
            let size: Int
            let height: Int
        }

        let limits: YAMLLimits
        let file: String
        var open: [Open] = []
        var anchors: [String: Anchored] = [:]
        /// Values written in the file, and values after alias expansion.
        var written = 0
        var expanded = 0

        mutating func visit(_ event: yaml_event_t) -> Diagnostic? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                add(anchor: Self.name(event.data.scalar.anchor), size: 1, height: 1)
            case YAML_SEQUENCE_START_EVENT:
                return start(anchor: Self.name(event.data.sequence_start.anchor), event: event)
            case YAML_MAPPING_START_EVENT:
                return start(anchor: Self.name(event.data.mapping_start.anchor), event: event)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                end()
            case YAML_ALIAS_EVENT:
                return alias(Self.name(event.data.alias.anchor) ?? "", event: event)
            default:
                break
            }
            return nil
        }

        private mutating func start(anchor: String?, event: yaml_event_t) -> Diagnostic? {
            written += 1
            expanded += 1
            open.append(Open(anchor: anchor, startCount: expanded))
            guard open.count > limits.maxDepth else { return nil }
            return problem(
                event,
                "the file nests deeper than \(limits.maxDepth) levels; no config needs that many, so flatten it.")
        }

        private mutating func end() {
            guard let closed = open.popLast() else { return }
            if let anchor = closed.anchor {
                anchors[anchor] = Anchored(size: expanded - closed.startCount + 1, height: closed.height)
            }
            raise(to: closed.height + 1)
        }

        private mutating func add(anchor: String?, size: Int, height: Int) {
            written += 1
            expanded += size
            if let anchor { anchors[anchor] = Anchored(size: size, height: height) }
            raise(to: height + 1)
        }

        /// Records that the innermost open collection holds something `height` levels tall (itself included).
        private mutating func raise(to height: Int) {
            guard !open.isEmpty else { return }
            open[open.count - 1].height = max(open[open.count - 1].height, height)
        }

        private mutating func alias(_ name: String, event: yaml_event_t) -> Diagnostic? {
            guard let target = anchors[name] else { return nil }  // undefined: the composer reports it
            expanded += target.size
            raise(to: target.height + 1)
            let budget = max(limits.minimumBudget, 2 * written)
            if expanded > budget {
                return problem(
                    event,
                    "alias '*\(name)' makes the file expand to more than \(budget) values (each alias copies the "
                        + "whole value of its anchor, and aliases of aliases multiply); write the values out or use "
                        + "fewer nested aliases.")
            }
            if open.count + target.height > limits.maxDepth {
                return problem(
                    event,
                    "alias '*\(name)' nests the file deeper than \(limits.maxDepth) levels; use fewer nested aliases.")
            }
            return nil
        }

        private func problem(_ event: yaml_event_t, _ message: String) -> Diagnostic {
            let mark = event.start_mark
            return Diagnostic(
                .error, file: file, location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                message)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
