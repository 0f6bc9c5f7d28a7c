import CLibYAML

/// A node of a parsed document: what the questionnaire loader and the answer-file reader walk.
/// Built from libyaml's parser events (YAML) or by `JSONReader` (JSON). Every scalar keeps its
/// text: the readers type values themselves, so `1`, `true` and `"1"` all arrive as strings and
/// only the style tells a quoted string from a plain word.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(List)
    case mapping(Mapping)

    /// Where a node starts in its text.
    ///
    /// libyaml reports line and column; the JSON reader keeps only the byte offset, and
    /// `SourceFile.location(_:)` counts the line and column when a message needs them.
    struct Mark: Sendable, Hashable {
        // 0 in `line` marks a byte offset: two 32-bit fields keep every node small, and no file
        // this program reads comes near 2 GiB.
        private let line: Int32
        private let value: Int32

        /// Line and column, counted from 1.
        init(line: Int, column: Int) {
            self.line = Int32(clamping: max(1, line))
            self.value = Int32(clamping: column)
        }

        /// A byte offset into the UTF-8 text, counted from 0.
        init(offset: Int) {
            self.line = 0
            self.value = Int32(clamping: offset)
        }

        /// Line and column when libyaml gave them; nil for a byte offset.
        var lineAndColumn: (line: Int, column: Int)? {
            line == 0 ? nil : (Int(line), Int(value))
        }

        /// The byte offset when the JSON reader gave one.
        var offset: Int? { line == 0 ? Int(value) : nil }
    }

    /// A single value as written: its text, how it was quoted, and an explicit tag if any.
    struct Scalar: Sendable {
        enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

        var string: String
        var style: Style
        /// A tag written before the value other than `!!str` (`!!int 1`), expanded as libyaml
        /// gives it. Kept only so that such a key stays distinct from `1`, as it always was.
        var tag: String?
        var mark: Mark

        init(_ string: String, style: Style, tag: String? = nil, mark: Mark) {
            self.string = string
            self.style = style
            self.tag = tag
            self.mark = mark
        }
    }

    /// A sequence (`- a` lines or `[a, b]`).
    struct List: RandomAccessCollection, Sendable {
        var nodes: [YAMLNode]
        var mark: Mark

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    /// A mapping, with its pairs in the order they were written.
    struct Mapping: RandomAccessCollection, Sendable {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the plain string key `key`.
        subscript(key: String) -> YAMLNode? {
            pairs.first { pair in
                if case .scalar(let s) = pair.key { return s.tag == nil && s.string == key }
                return false
            }?.value
        }
    }

    var mark: Mark {
        switch self {
        case .scalar(let s): return s.mark
        case .sequence(let l): return l.mark
        case .mapping(let m): return m.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

/// Key identity for the duplicate-key check: equal text and tag, or equal structure; never
/// the position or the quoting (`"a"` and `a` are the same key).
extension YAMLNode: Hashable {
    static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return x.string == y.string && x.tag == y.tag
        case (.sequence(let x), .sequence(let y)): return x.nodes == y.nodes
        case (.mapping(let x), .mapping(let y)):
            return x.pairs.count == y.pairs.count && zip(x.pairs, y.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let s):
            hasher.combine(0)
            hasher.combine(s.string)
            hasher.combine(s.tag)
        case .sequence(let l):
            hasher.combine(1)
            hasher.combine(l.nodes)
        case .mapping(let m):
            hasher.combine(2)
            hasher.combine(m.pairs.count)
            for pair in m.pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// A short rendering of a key for a message: the text of a scalar, flow style otherwise,
    /// cut at 40 characters.
    var keyDescription: String {
        let full: String
        switch self {
        case .scalar(let s): return s.string
        case .sequence(let l): full = "[" + l.nodes.prefix(8).map(\.keyDescription).joined(separator: ", ") + "]"
        case .mapping(let m): full = "{" + m.pairs.prefix(8).map { "\($0.key.keyDescription): \($0.value.keyDescription)" }.joined(separator: ", ") + "}"
        }
        return full.count > 40 ? String(full.prefix(39)) + "…" : full
    }
}

/// Why a text could not be composed into nodes, in libyaml's words where libyaml found it.
enum YAMLProblem: Error, Sendable {
    /// A scanner, parser or composer error: libyaml's problem, its context, and the position.
    case syntax(problem: String, context: String?, line: Int, column: Int)
    /// Keys that occur more than once in one mapping (sorted), and where the first of them is.
    case duplicateKeys([String], mark: YAMLNode.Mark)
    /// The bytes themselves were refused (control characters, bad UTF-8), at a byte offset.
    case reader(problem: String, offset: Int)
    /// Nesting beyond `YAMLComposer.maximumDepth`, on this line.
    case tooDeep(line: Int)
    /// Aliases that would repeat more than `YAMLComposer.maximumAliasedNodes` nodes.
    case aliasExpansion(line: Int, column: Int)
    case memory

    /// A document libyaml could read whose content is refused (a repeated key, aliases
    /// repeating too much): the text is YAML, so this is the message that helps.
    var isBeyondSyntax: Bool {
        switch self {
        case .duplicateKeys, .aliasExpansion: return true
        case .syntax, .reader, .tooDeep, .memory: return false
        }
    }
}

/// Composes libyaml's parser events into `YAMLNode`s: one document, aliases resolved, every
/// mapping checked for duplicate keys, iteratively so that nesting cannot exhaust the stack.
enum YAMLComposer {
    /// A backstop behind `SourceFile.excessiveNesting`, which refuses deep nesting earlier with
    /// a better position; the tree's own recursion (comparison, release) stays shallow.
    static let maximumDepth = 1_000
    /// Aliases repeat nodes without copying them, but whoever walks the tree pays for every
    /// repetition: a few nested aliases must not turn a small file into an endless walk.
    static let maximumAliasedNodes = 1_000_000

    private struct Frame {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var anchor: String?
        var nodes: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// Nodes below this one, aliases counted in full.
        var size = 0
    }

    /// The single document in `bytes` (UTF-8), or nil when there is none (empty, comments only).
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) -> YAMLNode? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw .memory }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, bytes.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var aliased = 0

        func complete(_ node: YAMLNode, size: Int, anchor: String?) throws(YAMLProblem) {
            if let anchor { anchors[anchor] = (node, size) }
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            if stack[top].isMapping {
                if let key = stack[top].pendingKey {
                    stack[top].pairs.append((key, node))
                    stack[top].pendingKey = nil
                } else {
                    stack[top].pendingKey = node
                }
            } else {
                stack[top].nodes.append(node)
            }
        }

        while true {
            guard yaml_parser_parse(parser, event) == 1 else { throw problem(parser.pointee) }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            let mark = YAMLNode.Mark(line: Int(e.start_mark.line) + 1, column: Int(e.start_mark.column) + 1)
            switch e.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(problem: "but found another document", context: "expected a single document in the stream",
                                  line: Int(e.start_mark.line) + 1, column: Int(e.start_mark.column) + 1)
                }
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_ALIAS_EVENT:
                let name = string(e.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", context: nil,
                                  line: Int(e.start_mark.line) + 1, column: Int(e.start_mark.column) + 1)
                }
                aliased += target.size
                if aliased > maximumAliasedNodes {
                    throw .aliasExpansion(line: Int(e.start_mark.line) + 1, column: Int(e.start_mark.column) + 1)
                }
                try complete(target.node, size: target.size, anchor: nil)
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                // As Yams read them with its basic resolver: a quoted scalar is a string whatever
                // its tag, an untagged one too; only another explicit tag keeps a key apart.
                var tag = s.quoted_implicit != 0 ? nil : string(s.tag)
                if tag == "tag:yaml.org,2002:str" { tag = nil }
                let scalar = YAMLNode.Scalar(text, style: style(s.style), tag: tag, mark: mark)
                try complete(.scalar(scalar), size: 1, anchor: string(s.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= maximumDepth { throw .tooDeep(line: Int(e.start_mark.line) + 1) }
                let isMapping = e.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? string(e.data.mapping_start.anchor) : string(e.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node: YAMLNode
                if frame.isMapping {
                    try checkDuplicates(frame.pairs)
                    node = .mapping(YAMLNode.Mapping(pairs: frame.pairs, mark: frame.mark))
                } else {
                    node = .sequence(YAMLNode.List(nodes: frame.nodes, mark: frame.mark))
                }
                try complete(node, size: frame.size + 1, anchor: frame.anchor)
            default:
                continue
            }
        }
    }

    /// Refuses a mapping that repeats a key. Names every repeated key, sorted, and points at the
    /// first occurrence of the first of them, as the messages always have.
    static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLProblem) {
        guard pairs.count > 1 else { return }
        var first: [YAMLNode: Int] = [:]
        first.reserveCapacity(pairs.count)
        var repeated: [Int] = []
        for (index, pair) in pairs.enumerated() {
            if let earlier = first[pair.key] {
                if !repeated.contains(earlier) { repeated.append(earlier) }
            } else {
                first[pair.key] = index
            }
        }
        guard !repeated.isEmpty else { return }
        // Scalars in text order first, then the rare sequence or mapping keys where they stand.
        let ordered = repeated.map { pairs[$0].key }.enumerated().sorted { a, b in
            switch (a.element.scalar, b.element.scalar) {
            case (let x?, let y?): return x.string < y.string
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
        throw .duplicateKeys(ordered.map(\.keyDescription), mark: ordered[0].mark)
    }

    private static func problem(_ parser: yaml_parser_t) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .memory
        case YAML_READER_ERROR:
            return .reader(problem: problem, offset: Int(parser.problem_offset))
        default:
            return .syntax(problem: problem, context: parser.context.map { String(cString: $0) },
                           line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
