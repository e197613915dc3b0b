/// Canonical tags to locale indices, hashed with FNV-1a over their few bytes: for a tag like `de` or
/// `pt-BR` this costs a fraction of `Dictionary`'s seeded SipHash. Open addressing, at most half full.
struct ExactTagTable: Sendable {
    private let mask: Int
    private let slots: [Int]  // locale index, or -1
    private let identifiers: [String]

    init(_ identifiers: [String]) {
        self.identifiers = identifiers
        var size = 8
        while size < identifiers.count * 2 { size *= 2 }
        mask = size - 1
        var slots = [Int](repeating: -1, count: size)
        for (index, identifier) in identifiers.enumerated() {
            var slot = Self.hash(identifier) & (size - 1)
            while slots[slot] >= 0 {
                if identifiers[slots[slot]] == identifier { break }  // a duplicate keeps the first
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = index }
        }
        self.slots = slots
    }

    func index(of tag: String) -> Int? {
        var slot = Self.hash(tag) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if identifiers[index] == tag { return index }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
