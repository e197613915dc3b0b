/// Outcome indices by a small integer key (a code, a code family, a status, a status class): an array
/// indexed by the key when all keys are in 0..<65,536 (codes have four digits), so matching hashes nothing.
struct DenseIndex: Sendable {
    private let dense: [Int32]  // -1: no entry
    private let sparse: [Int: Int]

    init(_ table: [Int: Int]) {
        let keys = table.keys
        if let low = keys.min(), let high = keys.max(), low >= 0, high < 65_536 {
            var dense = [Int32](repeating: -1, count: high + 1)
            for (key, value) in table { dense[key] = Int32(value) }
            self.dense = dense
            sparse = [:]
        } else {
            dense = []
            sparse = table
        }
    }

    subscript(key: Int) -> Int? {
        if !dense.isEmpty {
            guard key >= 0, key < dense.count, dense[key] >= 0 else { return nil }
            return Int(dense[key])
        }
        return sparse.isEmpty ? nil : sparse[key]
    }
}
