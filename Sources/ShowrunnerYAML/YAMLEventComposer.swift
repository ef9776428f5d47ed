import CLibYAML
import ShowrunnerCore

/// Composes a config file straight from libyaml's events in one pass: the size limits (`YAMLLimits`) are counted
/// as the events go by, nodes are built with their marks, anchors and aliases resolved, duplicate keys found.
/// Which problem wins matches the two-pass reader it replaces: a limit anywhere before a syntax error, else the
/// first syntax or composer error in the stream.
public struct YAMLEventComposer {
    public enum Outcome: Sendable {
        case root(YAMLNode)
        case empty
        case overLimit(Diagnostic)
        case notYAML(YAMLProblem)
    }

    /// A collection whose end event has not come yet.
    private struct Open {
        let isMapping: Bool
        let anchor: String?
        let style: YAMLNode.CollectionStyle
        let mark: YAMLNode.Mark
        /// A sequence's items.
        var children: [YAMLNode] = []
        /// A mapping's pairs, built as the values arrive (no second array per mapping).
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        /// A mapping's key whose value has not come yet.
        var key: YAMLNode?
    }

    private var walk: YAMLLimits.Walk
    private var stack: [Open] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0
    /// The first composer error (duplicate key, undefined alias, second document); building stops there.
    private var problem: YAMLProblem? {
        didSet { failed = problem != nil }
    }
    /// `problem != nil`, asked at every event: a stored flag, not a test of the optional struct.
    private var failed = false

    private init(limits: YAMLLimits, file: String) { walk = YAMLLimits.Walk(limits: limits, file: file) }

    /// The root node of `text`, or why there is none.
    public static func compose(_ text: String, file: String, limits: YAMLLimits = YAMLLimits()) -> Outcome {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .notYAML(
                    YAMLProblem(kind: .other, problem: "out of memory", mark: SourceLocation(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var composer = YAMLEventComposer(limits: limits, file: file)
            return composer.run(&parser, text: text)
        }
    }

    private mutating func run(_ parser: inout yaml_parser_t, text: String) -> Outcome {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .notYAML(problem ?? Self.libyamlProblem(parser, text: text))
            }
            defer { yaml_event_delete(&event) }
            if let overLimit = walk.visit(event) { return .overLimit(overLimit) }
            if event.type == YAML_STREAM_END_EVENT { break }
            handle(event)
        }
        if let problem { return .notYAML(problem) }
        return root.map { .root($0) } ?? .empty
    }

    private mutating func handle(_ event: yaml_event_t) {
        if event.type == YAML_DOCUMENT_START_EVENT {
            documents += 1
            if documents == 2, !failed {
                problem = YAMLProblem(
                    kind: .syntax, problem: "but found another document", mark: Self.location(event.start_mark),
                    context: ("expected a single document in the stream", SourceLocation(line: 1, column: 1)))
            }
        }
        guard !failed else { return }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let node = YAMLNode.scalar(
                YAMLNode.Scalar(
                    string: String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self),
                    style: Self.style(scalar.style), tag: Self.tag(scalar.tag), mark: Self.mark(event.start_mark)))
            finish(node, anchor: Self.name(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            open(isMapping: false, anchor: start.anchor, flow: start.style == YAML_FLOW_SEQUENCE_STYLE, at: event)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            open(isMapping: true, anchor: start.anchor, flow: start.style == YAML_FLOW_MAPPING_STYLE, at: event)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close()
        case YAML_ALIAS_EVENT:
            guard let name = Self.name(event.data.alias.anchor), let node = anchors[name] else {
                problem = YAMLProblem(
                    kind: .syntax, problem: "found undefined alias", mark: Self.location(event.start_mark))
                return
            }
            add(node)
        default:
            break
        }
    }

    private mutating func open(
        isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, flow: Bool, at event: yaml_event_t
    ) {
        stack.append(
            Open(
                isMapping: isMapping, anchor: Self.name(anchor), style: flow ? .flow : .block,
                mark: Self.mark(event.start_mark)))
    }

    private mutating func close() {
        guard let open = stack.popLast() else { return }
        guard open.isMapping else {
            finish(
                .sequence(YAMLNode.Items(nodes: open.children, style: open.style, mark: open.mark)), anchor: open.anchor
            )
            return
        }
        let pairs = open.pairs
        if let duplicate = YAMLDuplicateKeys.problem(in: pairs) {
            problem = duplicate
            return
        }
        finish(.mapping(YAMLNode.Mapping(pairs: pairs, style: open.style, mark: open.mark)), anchor: open.anchor)
    }

    private mutating func finish(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        add(node)
    }

    private mutating func add(_ node: YAMLNode) {
        if stack.isEmpty {
            if root == nil { root = node }
        } else {
            let top = stack.count - 1
            guard stack[top].isMapping else { return stack[top].children.append(node) }
            if let key = stack[top].key {
                stack[top].pairs.append((key, node))
                stack[top].key = nil
            } else {
                stack[top].key = node
            }
        }
    }

    static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(
            line: Int32(truncatingIfNeeded: mark.line + 1), column: Int32(truncatingIfNeeded: mark.column + 1))
    }

    static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// An explicit tag; `!!str` is the implicit string tag, so nil.
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let name = Self.name(pointer), name != "tag:yaml.org,2002:str" else { return nil }
        return name
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml's error, located as Yams located it (marks plus one; a reader error at its character).
    private static func libyamlProblem(_ parser: yaml_parser_t, text: String) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let mark = location(parser.problem_mark)
        let context = parser.context.map { (String(cString: $0), location(parser.context_mark)) }
        switch parser.error {
        case YAML_READER_ERROR:
            let offset = YAMLProblem.characterOffset(ofByte: parser.problem_offset, in: text)
            return YAMLProblem(
                kind: .reader, problem: problem, mark: YAMLProblem.location(ofCharacter: offset, in: text))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            return YAMLProblem(kind: .syntax, problem: problem, mark: mark, context: context)
        default:
            return YAMLProblem(kind: .other, problem: problem, mark: SourceLocation(line: 1, column: 1))
        }
    }
}
