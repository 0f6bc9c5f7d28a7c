/// A response's items held against the Questionnaire's: each section a group at the top, once
/// and in order; each question in its own section's group, in order, nothing nested below it;
/// and each answer in the value[x] of the question's FHIR type. R4 requires the response to
/// follow the Questionnaire's hierarchy, and a validator refuses what differs, so a response that
/// was flattened, moved an item to another group or wrote a choice as `valueString` is refused
/// here too, rather than read as if it had been sent right.
enum FHIRResponseShape {
    static func problems(_ answering: AnsweredQuestionnaire, engine: Engine) -> [Diagnostic] {
        let q = engine.questionnaire
        let sectionPosition = Dictionary(q.sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = q.sections.map { "'\($0.id)'" }.joined(separator: ", ")
        var problems: [Diagnostic] = []
        var seenGroups: [String: Int] = [:]
        var lastGroup = -1
        var lastItem: [String: Int] = [:]
        for written in answering.items {
            let link = written.linkId
            let item = engine.index.items[ItemID(link)]
            switch written.parents.count {
            case 0:
                if let position = sectionPosition[link] {
                    if seenGroups[link] != nil {
                        problems.append(Diagnostic(at: written.location, "the group '\(link)' appears twice; it does not repeat",
                                                   hint: "put all its answers in one group '\(link)'"))
                    } else if position < lastGroup {
                        problems.append(Diagnostic(at: written.location,
                            "the group '\(link)' comes after '\(q.sections[lastGroup].id)' here, but before it in the questionnaire",
                            hint: "R4 keeps the questionnaire's order: \(groups)"))
                    }
                    seenGroups[link] = position
                    lastGroup = max(lastGroup, position)
                    if let first = written.values.first {
                        problems.append(Diagnostic(at: first.location, "the group '\(link)' has an answer; a group holds items, not answers"))
                    }
                } else if let item {
                    problems.append(Diagnostic(at: written.location,
                        "'\(link)' stands at the top of the response; in the questionnaire it is in the group '\(item.section)'",
                        hint: "the response keeps the questionnaire's groups: put '\(link)' in the items of the group '\(item.section)'"))
                } else {
                    problems.append(Diagnostic(at: written.location, "'\(link)' is not a group of '\(q.id)'",
                                               hint: "the groups are \(groups), and '\(FHIRResponseReader.derivedGroupLinkId)'"))
                }
            case 1:
                let parent = written.parents[0]
                guard let position = sectionPosition[parent] else { continue }  // named at the parent
                if sectionPosition[link] != nil {
                    problems.append(Diagnostic(at: written.location,
                        "the group '\(link)' stands inside the group '\(parent)'; in the questionnaire every group is at the top"))
                    continue
                }
                guard let item else {
                    // An answer to an unknown id is named by the answers' own check.
                    if written.values.isEmpty {
                        problems.append(Diagnostic(at: written.location, "'\(link)' is not an item of the group '\(parent)'"))
                    }
                    continue
                }
                if item.section != parent {
                    problems.append(Diagnostic(at: written.location,
                        "'\(link)' stands in the group '\(parent)', but in the questionnaire it is in the group '\(item.section)'",
                        hint: "move it to the group '\(item.section)'"))
                    continue
                }
                let order = q.sections[position].items.firstIndex { $0.id == item.id } ?? 0
                if order <= lastItem[parent, default: -1] {
                    problems.append(Diagnostic(at: written.location,
                        "'\(link)' comes out of the questionnaire's order in the group '\(parent)', or twice",
                        hint: "R4 keeps the order of the questionnaire's items"))
                }
                lastItem[parent] = order
                let expected = FHIRResponseReader.valueKey(for: item.kind)
                for value in written.values where value.key != expected {
                    problems.append(Diagnostic(at: value.location,
                        "'\(link)' is a question of FHIR type \(fhirType(expected)), answered with \(value.key)",
                        hint: "write its answer as \(expected)"))
                }
            default:
                let parent = written.parents.last!
                guard sectionPosition[written.parents[0]] != nil, written.parents.count == 2,
                      sectionPosition[parent] == nil else { continue }  // named at the parent
                problems.append(Diagnostic(at: written.location,
                    "'\(link)' stands below '\(parent)'; in the questionnaire no item has items below a question",
                    hint: item.map { "put it in the items of the group '\($0.section)'" }))
            }
        }
        return problems
    }

    /// `valueCoding` -> `coding`: the FHIR type a value[x] element holds.
    static func fhirType(_ key: String) -> String {
        let name = key.dropFirst("value".count)
        return name.prefix(1).lowercased() + name.dropFirst()
    }
}
