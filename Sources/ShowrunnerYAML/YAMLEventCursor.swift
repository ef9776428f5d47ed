import CLibYAML

/// libyaml's events one at a time, for a decoder that builds the config model straight from them, with no node tree
/// (issue 17). It covers plain documents only. These read as `.unsupported`:
/// - an anchor, an alias or an explicit tag;
/// - a second document, or a syntax error;
/// - nesting deeper than `YAMLLimits.maxDepth`.
/// The caller then reads the file through `YAMLEventComposer`, which reports what is wrong. Without aliases a file
/// expands to nothing more than it writes, so the depth is the only limit left to count.
public struct YAMLEventCursor {
    public enum Event: Sendable, Equatable {
        case scalar, mappingStart, mappingEnd, sequenceStart, sequenceEnd, unsupported
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The event last read; its scalar bytes stay valid until the next read.
    private var event = yaml_event_t()
    private var holdsEvent = false
    private var depth = 0
    private let maxDepth: Int

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, maxDepth: Int) {
        self.parser = parser
        self.maxDepth = maxDepth
    }

    /// `body`'s result on the events of `text`'s root value (its first event is `body`'s first `next()`); nil when
    /// `body` gives up or when anything but the end of the stream follows the root value.
    public static func read<Result>(
        _ text: String, limits: YAMLLimits = YAMLLimits(), _ body: (inout YAMLEventCursor) -> Result?
    ) -> Result? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return withUnsafeMutablePointer(to: &parser) { pointer in
                var cursor = YAMLEventCursor(parser: pointer, maxDepth: limits.maxDepth)
                defer { cursor.release() }
                guard cursor.advance() == YAML_STREAM_START_EVENT, cursor.advance() == YAML_DOCUMENT_START_EVENT,
                    let result = body(&cursor), cursor.advance() == YAML_DOCUMENT_END_EVENT,
                    cursor.advance() == YAML_STREAM_END_EVENT
                else { return nil }
                return result
            }
        }
    }

    /// The next event of the root value.
    public mutating func next() -> Event {
        switch advance() {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            return scalar.anchor == nil && scalar.tag == nil ? .scalar : .unsupported
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return open(plain: start.anchor == nil && start.tag == nil, as: .mappingStart)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return open(plain: start.anchor == nil && start.tag == nil, as: .sequenceStart)
        case YAML_MAPPING_END_EVENT:
            depth -= 1
            return .mappingEnd
        case YAML_SEQUENCE_END_EVENT:
            depth -= 1
            return .sequenceEnd
        default:
            return .unsupported
        }
    }

    /// The current scalar's text.
    public var text: String {
        let scalar = event.data.scalar
        return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
    }

    /// The current scalar as the node tree would hold it.
    public var scalar: YAMLNode.Scalar {
        YAMLNode.Scalar(
            string: text, style: YAMLEventComposer.style(event.data.scalar.style), tag: nil,
            mark: YAMLEventComposer.mark(event.start_mark))
    }

    /// The value that starts with `first` (the event just read), as a node: for the parts of a file a decoder
    /// reads through the node tree's readers.
    public mutating func node(from first: Event) -> YAMLNode? {
        let mark = YAMLEventComposer.mark(event.start_mark)
        switch first {
        case .scalar:
            return .scalar(scalar)
        case .sequenceStart:
            let style = collectionStyle(flow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
            var nodes: [YAMLNode] = []
            while true {
                let item = next()
                if item == .sequenceEnd { break }
                guard let node = node(from: item) else { return nil }
                nodes.append(node)
            }
            return .sequence(YAMLNode.Items(nodes: nodes, style: style, mark: mark))
        case .mappingStart:
            let style = collectionStyle(flow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while true {
                let key = next()
                if key == .mappingEnd { break }
                guard let keyNode = node(from: key), let value = node(from: next()) else { return nil }
                pairs.append((keyNode, value))
            }
            guard YAMLDuplicateKeys.problem(in: pairs) == nil else { return nil }
            return .mapping(YAMLNode.Mapping(pairs: pairs, style: style, mark: mark))
        case .mappingEnd, .sequenceEnd, .unsupported:
            return nil
        }
    }

    private func collectionStyle(flow: Bool) -> YAMLNode.CollectionStyle { flow ? .flow : .block }

    private mutating func open(plain: Bool, as kind: Event) -> Event {
        depth += 1
        return plain && depth <= maxDepth ? kind : .unsupported
    }

    /// Frees the event held and parses the next; `YAML_NO_EVENT` on a syntax error.
    private mutating func advance() -> yaml_event_type_t {
        release()
        guard yaml_parser_parse(parser, &event) == 1 else { return YAML_NO_EVENT }
        holdsEvent = true
        return event.type
    }

    private mutating func release() {
        guard holdsEvent else { return }
        yaml_event_delete(&event)
        holdsEvent = false
    }
}
