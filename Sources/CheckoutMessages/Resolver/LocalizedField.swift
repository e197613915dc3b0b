/// One inline field of a resolution in one locale: its canonical id, its message candidates, the `problem`
/// argument of its message, and whether it shows the outcome's own message (then the text is reused).
struct LocalizedField: Sendable {
    let field: String
    let candidates: [MessageCandidate]
    let problem: String
    let sameAsOutcome: Bool
}
