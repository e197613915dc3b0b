/// One outcome in one locale: everything a resolution reads.
final class LocalizedPlan: Sendable {
    let presentation: Presentation
    let sameMethod: Bool
    /// For retry: the delay to suggest when the caller gives none.
    let afterSeconds: Double?
    /// The outcome's message candidates, most specific first.
    let candidates: [MessageCandidate]
    /// Fixed inline fields.
    let fixedFields: [LocalizedField]
    /// The whole resolution when it cannot depend on arguments (the first message has none and there are
    /// no fields): resolving then only fills in the reference and the retry delay.
    let template: Resolution?

    init(presentation: Presentation, sameMethod: Bool, afterSeconds: Double?, candidates: [MessageCandidate],
         fixedFields: [LocalizedField], template: Resolution?) {
        self.presentation = presentation
        self.sameMethod = sameMethod
        self.afterSeconds = afterSeconds
        self.candidates = candidates
        self.fixedFields = fixedFields
        self.template = template
    }
}
