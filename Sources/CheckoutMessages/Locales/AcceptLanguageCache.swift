import Foundation

/// `Accept-Language` values and their matches, behind a lock. (An `NSLock`, a pthread mutex underneath,
/// rather than `Synchronization.Mutex`: ThreadSanitizer sees the mutex's ordering, and reported the
/// `Mutex`-guarded accesses here as races.)
final class AcceptLanguageCache: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var matches: [String: Int] = [:]

    func index(for acceptLanguage: String) -> Int? {
        lock.withLock { matches[acceptLanguage] }
    }

    /// When `limit` values are known, starts over.
    func store(_ index: Int, for acceptLanguage: String, limit: Int) {
        lock.withLock {
            if matches.count >= limit { matches.removeAll(keepingCapacity: true) }
            matches[acceptLanguage] = index
        }
    }
}
