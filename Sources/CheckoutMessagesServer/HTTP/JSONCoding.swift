import Foundation

/// The encoder of the documents the service computes once (catalog, locales, problems).
enum JSONCoding {
    /// Sorted keys: the same content always gives the same bytes, hence the same ETag.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
