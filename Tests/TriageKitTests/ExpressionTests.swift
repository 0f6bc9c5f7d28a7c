import Testing
@testable import TriageKit

private func eval(_ source: String, _ values: [String: Value] = [:]) throws -> Outcome {
    let expr = try ExpressionParser.parse(source)
    return Evaluator { values[$0].map(Outcome.value) ?? .unknown }.evaluate(expr)
}

@Suite("Expression language")
struct ExpressionTests {
    @Test func arithmeticFollowsPrecedence() throws {
        #expect(try eval("1 + 2 * 3 == 7") == .yes)
        #expect(try eval("(1 + 2) * 3 == 9") == .yes)
        #expect(try eval("-2 + 5 == 3") == .yes)
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try eval("true or false and false") == .yes)
        #expect(try eval("not false and false") == .no)
    }

    @Test func membershipInALiteralList() throws {
        #expect(try eval("region in ['neck', 'mid_back']", ["region": .string("neck")]) == .yes)
        #expect(try eval("region not in ['neck']", ["region": .string("neck")]) == .no)
    }

    @Test func membershipInAMultipleChoiceAnswer() throws {
        #expect(try eval("'a' in picks", ["picks": .list(["a", "b"])]) == .yes)
        #expect(try eval("'c' in picks", ["picks": .list(["a", "b"])]) == .no)
    }

    @Test func conditionalPicksABranch() throws {
        let phase = "if d < 6 then 'acute' else if d < 12 then 'subacute' else 'chronic'"
        #expect(try eval(phase, ["d": .number(5.9)]) == .value(.string("acute")))
        #expect(try eval(phase, ["d": .number(6)]) == .value(.string("subacute")))
        #expect(try eval(phase, ["d": .number(12)]) == .value(.string("chronic")))
    }

    @Test func comparisonWithAnUnknownAnswerIsUnknown() throws {
        #expect(try eval("duration_weeks >= 6") == .unknown)
        #expect(try eval("duration_weeks + 1 > 2") == .unknown)
    }

    @Test func threeValuedLogicSettlesWhatItCan() throws {
        #expect(try eval("false and x") == .no)
        #expect(try eval("true or x") == .yes)
        #expect(try eval("true and x") == .unknown)
        #expect(try eval("not x") == .unknown)
    }

    @Test func answeredTellsWhetherAnItemHasAnAnswer() throws {
        #expect(try eval("answered(x)") == .no)
        #expect(try eval("answered(x)", ["x": .number(1)]) == .yes)
    }

    @Test func countCountsYesAnswersOnly() throws {
        #expect(try eval("count(a, b, c) == 2", ["a": .bool(true), "b": .bool(true), "c": .bool(false)]) == .yes)
        #expect(try eval("count(a, b) == 1", ["a": .bool(true)]) == .yes)
    }

    @Test func divisionByZeroIsUnknownNotACrash() throws {
        #expect(try eval("1 / 0 > 0") == .unknown)
    }

    @Test func aSyntaxErrorNamesItsOffset() {
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("age >= ") }
        do { _ = try ExpressionParser.parse("age = 3") } catch {
            #expect(error.offset == 4)
            #expect(error.hint == "use == to compare")
        }
    }

    @Test func anUnclosedParenthesisIsReported() {
        do { _ = try ExpressionParser.parse("(a and b") ; Issue.record("parsed") } catch {
            #expect(error.message.contains("')'"))
        }
    }

    @Test func chainedComparisonsAreRefused() {
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("1 < x < 3") }
    }

    @Test func tenThousandNestedParenthesesAreRefusedNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        do { _ = try ExpressionParser.parse(deep); Issue.record("parsed") } catch {
            #expect(error.message.contains("nested"))
        }
    }

    @Test func referencesAreListedOnceInOrder() throws {
        let expr = try ExpressionParser.parse("a and (b or a) and c > 1")
        #expect(expr.references == ["a", "b", "c"])
    }
}
