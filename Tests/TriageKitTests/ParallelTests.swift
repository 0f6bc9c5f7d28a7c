import Testing
@testable import TriageKit

/// Work spread over threads comes back in order, whatever thread did it.
@Suite("Parallel")
struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeBackInTheOrderOfTheElements(_ workers: Int) {
        let elements = Array(0..<1_000)
        #expect(Parallel.map(elements, workers: workers) { $0 * 3 } == elements.map { $0 * 3 })
    }

    @Test(arguments: [1, 2, 8])
    func eachThreadKeepsItsOwnStateAndTheResultsStayInOrder(_ workers: Int) {
        // Each thread counts the elements it took; the results still line up with the input.
        let results = Parallel.map(Array(0..<500), workers: workers, state: { 0 }) { taken, element in
            taken += 1
            return (element, taken)
        }
        #expect(results.map(\.0) == Array(0..<500))
        #expect(results.allSatisfy { $0.1 >= 1 })
    }

    @Test func anEmptyListNeedsNoThread() {
        #expect(Parallel.map([Int](), workers: 4) { $0 }.isEmpty)
    }

    @Test func aTextKeepsEachLanguageApartAndFallsBackToAnother() {
        let text = LocalizedText([.de: "Rücken"])
        #expect(text[.en] == "Rücken" && text.translations == [.de: "Rücken"])
        let both = LocalizedText([.en: "back", .de: "Rücken"])
        #expect(both[.en] == "back" && both[.de] == "Rücken" && both.translations == [.en: "back", .de: "Rücken"])
        #expect(LocalizedText([.en: "back"])[.de] == "back" && LocalizedText([:])[.de] == "")
        #expect(both != text && both == LocalizedText([.de: "Rücken", .en: "back"]))
    }
}
