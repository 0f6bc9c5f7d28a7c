#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the answer sets programs write straight into answers, without building a tree of
/// nodes first (that tree was a sixth of a batch evaluation's time): one JSON object with
/// `"questionnaire"`, `"answers"` (ids to `true`, `false`, `null`, a number, a string or an array
/// of strings) and optionally `"date"`, in any order, with no escape in any string.
///
/// Anything else (FHIR, YAML, an escape, a nested object, a repeated key, a wrong value, any
/// text a message would have to be written about) gives nil, and the full reader reads the
/// text and says what is wrong. So this reader gives the document the full reader would give,
/// or nothing; a test holds the two to that.
struct PlainAnswerReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// What was read: the fields of the answer file, with the place of each answer's value.
    struct Fields {
        var questionnaire: String
        var answers: [ItemID: Value]
        var date: Date?
        var marks: [(id: ItemID, mark: YAMLNode.Mark)]
        var answersOffset: Int
    }

    static func read(_ text: String) -> Fields? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = PlainAnswerReader(bytes)
            return reader.file()
        }
    }

    private mutating func file() -> Fields? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var questionnaire: String?, date: Date?, answers: (values: [ItemID: Value], marks: [(id: ItemID, mark: YAMLNode.Mark)])?
        var answersOffset = 0, sawDate = false
        repeat {
            skipWhitespace()
            guard let key = plainString() else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            switch key {
            case "questionnaire":
                guard questionnaire == nil, let id = plainString() else { return nil }
                questionnaire = id
            case "date":
                guard !sawDate, let day = plainString().flatMap(AnswerValidation.parseDate) else { return nil }
                sawDate = true
                date = day
            case "answers":
                guard answers == nil else { return nil }
                answersOffset = index
                guard let read = answerObject() else { return nil }
                answers = read
            default:
                return nil
            }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        guard index == bytes.count, let questionnaire, let answers else { return nil }
        return Fields(questionnaire: questionnaire, answers: answers.values, date: date, marks: answers.marks, answersOffset: answersOffset)
    }

    private mutating func answerObject() -> (values: [ItemID: Value], marks: [(id: ItemID, mark: YAMLNode.Mark)])? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var values = [ItemID: Value](minimumCapacity: 48)
        var marks: [(id: ItemID, mark: YAMLNode.Mark)] = []
        marks.reserveCapacity(48)
        var unanswered: [ItemID] = []
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return (values, marks) }
        repeat {
            skipWhitespace()
            guard let key = plainString() else { return nil }
            let id = ItemID(key)
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            let at = index
            guard let value = answerValue() else { return nil }
            // A repeated id is an error the full reader names.
            guard !unanswered.contains(id) else { return nil }
            if let value {
                guard values.updateValue(value, forKey: id) == nil else { return nil }
                marks.append((id, YAMLNode.Mark(offset: at)))
            } else {
                guard values[id] == nil else { return nil }
                unanswered.append(id)
            }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        return (values, marks)
    }

    /// An answer: nil when the text is not one this reader takes, `.some(nil)` for `null`.
    private mutating func answerValue() -> Value?? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return plainString().map { .some(.string($0)) }
        case UInt8(ascii: "t"): return literal("true") ? .some(.bool(true)) : nil
        case UInt8(ascii: "f"): return literal("false") ? .some(.bool(false)) : nil
        case UInt8(ascii: "n"): return literal("null") ? .some(nil) : nil
        case UInt8(ascii: "["):
            index += 1
            var options: [String] = []
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return .some(.list(options)) }
            repeat {
                skipWhitespace()
                guard let option = plainString() else { return nil }
                options.append(option)
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .some(.list(options)) : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let n = number(), n.isFinite else { return nil }
            return .some(.number(n))
        default:
            return nil
        }
    }

    /// A JSON number (RFC 8259), converted as the full reader converts its text.
    private mutating func number() -> Double? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if isDigit { return nil }
        } else {
            guard isDigit else { return nil }
            while isDigit { index += 1 }
        }
        if take(UInt8(ascii: ".")) {
            guard isDigit else { return nil }
            while isDigit { index += 1 }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard isDigit else { return nil }
            while isDigit { index += 1 }
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// A string in double quotes with no escape and no control character in it.
    private mutating func plainString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard bytes.count - index >= length, (0..<length).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else { return false }
        index += length
        return true
    }

    private var isDigit: Bool { index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
    }
}
