import Testing
@testable import TriageKit

private func compose(_ text: String, path: String = "t.yaml") -> Result<YAMLNode?, Diagnostic> {
    Result { () throws(Diagnostic) -> YAMLNode? in try SourceFile(path: path, text: text).compose() }
}

private func node(_ text: String) -> YAMLNode? {
    guard case .success(let node) = compose(text) else { return nil }
    return node
}

private func error(_ text: String) -> Diagnostic? {
    guard case .failure(let error) = compose(text) else { return nil }
    return error
}

@Suite("YAML through libyaml's events")
struct YAMLComposerTests {
    @Test func scalarsKeepTheirTextStyleAndPosition() throws {
        let root = try #require(node("a: 1\nb: 'x'\nc: \"y\"\nd: |\n  lit\ne: no\n"))
        guard case .mapping(let m) = root else { Issue.record("not a mapping: \(root)"); return }
        let values = m.pairs.map { ($0.key.scalar?.string ?? "?", $0.value.scalar?.string ?? "?", $0.value.scalar?.style) }
        #expect(values.map(\.0) == ["a", "b", "c", "d", "e"])
        #expect(values.map(\.1) == ["1", "x", "y", "lit\n", "no"])
        #expect(values.map(\.2) == [.plain, .singleQuoted, .doubleQuoted, .literal, .plain])
        let mark = try #require(m["c"]?.mark.lineAndColumn)
        #expect(mark.line == 3 && mark.column == 4)
    }

    @Test func anEmptyOrCommentOnlyTextHasNoDocument() {
        #expect(node("") == nil)
        #expect(node("# nothing here\n\n") == nil)
        #expect(error("") == nil)
    }

    @Test func anAliasStandsForItsAnchoredNode() throws {
        let root = try #require(node("base: &b [x, y]\ncopy: *b\n"))
        guard case .mapping(let m) = root, case .sequence(let copy)? = m["copy"] else { Issue.record("\(root)"); return }
        #expect(copy.nodes.compactMap { $0.scalar?.string } == ["x", "y"])
    }

    @Test func anUndefinedAliasIsNamedWithItsPosition() {
        let e = error("a: 1\nb: *nope\n")
        #expect(e?.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
        #expect(e?.message == "invalid YAML: found undefined alias")
    }

    @Test func aSecondDocumentIsRefused() {
        let e = error("a: 1\n---\nb: 2\n")
        #expect(e?.location == SourceLocation(file: "t.yaml", line: 2, column: 1))
        #expect(e?.message == "invalid YAML: but found another document expected a single document in the stream")
    }

    @Test func aSyntaxErrorGivesLibyamlsWordsAndPosition() {
        let e = error("a: [1, 2\n")
        #expect(e?.location?.line == 2, "\(String(describing: e))")
        #expect(e?.message.hasPrefix("invalid YAML: did not find expected ',' or ']'") == true, "\(String(describing: e))")
    }

    @Test func duplicateKeysAreNamedSortedAtTheFirstOfThem() {
        let e = error("z: 1\nb: 2\nz: 3\nb: 4\n")
        #expect(e?.message == "duplicate key 'b', 'z' in one mapping")
        #expect(e?.location == SourceLocation(file: "t.yaml", line: 2, column: 1))
        #expect(e?.hint == "each key may appear once")
    }

    @Test func quotingDoesNotMakeADifferentKeyButAnExplicitTagDoes() {
        #expect(error("\"a\": 1\na: 2\n")?.message == "duplicate key 'a' in one mapping")
        #expect(error("!!int 1: a\n1: b\n") == nil)
    }

    @Test func aRepeatedListKeyIsShownInFlowStyle() {
        #expect(error("? [a, b]\n: 1\n? [a, b]\n: 2\n")?.message == "duplicate key '[a, b]' in one mapping")
    }

    @Test func duplicatesInsideNestedMappingsAreFound() {
        let e = error("outer:\n  inner: {k: 1, k: 2}\n")
        #expect(e?.message == "duplicate key 'k' in one mapping")
        #expect(e?.location == SourceLocation(file: "t.yaml", line: 2, column: 11))
    }

    @Test func aControlCharacterIsRefusedAtItsPosition() {
        let e = error("a: ok\nb: x\u{1}y\n")
        #expect(e?.location == SourceLocation(file: "t.yaml", line: 2, column: 5))
        #expect(e?.message == "cannot read t.yaml: control characters are not allowed")
        #expect(e?.sourceLine == "b: x\u{1}y")
    }

    @Test func nestedAliasesThatWouldRepeatMillionsOfNodesAreRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let e = error(text)
        #expect(e?.message.contains("aliases here repeat more than") == true, "\(String(describing: e))")
        #expect(e?.location?.line == 6, "\(String(describing: e))")
    }

    @Test func nestingPastTheLimitIsRefusedBeforeParsing() {
        let e = error("a: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
        #expect(e?.message == "the YAML is nested more than 64 levels deep")
        #expect(node("a: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != nil)
    }

    @Test func byteOffsetsBecomeLineAndColumnCountingCharacters() {
        let text = "{\"ä\": 1,\n  \"b\": 2}"
        let file = SourceFile(path: "t.json", text: text)
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "2"))!
        #expect(file.location(YAMLNode.Mark(offset: offset)) == SourceLocation(file: "t.json", line: 2, column: 8))
        #expect(file.location(YAMLNode.Mark(offset: 6)) == SourceLocation(file: "t.json", line: 1, column: 6))
    }
}
