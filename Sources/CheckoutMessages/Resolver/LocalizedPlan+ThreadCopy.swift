extension LocalizedPlan {
    /// A copy with storage of its own for every string and array, sharing the compiled messages.
    func threadCopy() -> LocalizedPlan {
        LocalizedPlan(
            presentation: presentation, sameMethod: sameMethod, afterSeconds: afterSeconds,
            candidates: candidates.map { $0.threadCopy() },
            fixedFields: fixedFields.map { field in
                LocalizedField(field: field.field.withOwnStorage, candidates: field.candidates.map { $0.threadCopy() },
                               problem: field.problem.withOwnStorage, sameAsOutcome: field.sameAsOutcome)
            },
            template: template.map { template in
                Resolution(presentation: template.presentation, message: template.message.withOwnStorage,
                           key: template.key.withOwnStorage, locale: template.locale.withOwnStorage,
                           direction: template.direction, retry: template.retry,
                           fields: template.fields.map { FieldMessage(field: $0.field.withOwnStorage, message: $0.message.withOwnStorage) },
                           reference: template.reference?.withOwnStorage, matchedBy: template.matchedBy)
            })
    }
}

extension MessageCandidate {
    func threadCopy() -> MessageCandidate {
        MessageCandidate(key: key.withOwnStorage, message: message, types: types.map { $0 }, slots: slots.map { $0 })
    }
}

extension String {
    /// The same text in storage of its own (short strings live inline and have none to share).
    var withOwnStorage: String { String(decoding: Array(utf8), as: UTF8.self) }
}
