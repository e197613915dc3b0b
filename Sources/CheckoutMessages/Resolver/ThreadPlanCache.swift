import Synchronization

/// Numbers each resolver, so that a thread's copies are never used with another resolver's plans (an
/// address could be reused after a reload; a number is not).
let resolverGenerations = Atomic<Int>(0)

/// The calling thread's copies of localized plans, for the resolvers it used last.
///
/// Why per-thread copies: every resolution retains what it hands out (the key, the field ids, a precomputed
/// message) and what it reads (candidates, their arrays). Those are reference counts, and when two threads
/// resolve the same outcome they increment and decrement the same counters: each atomic then moves a cache
/// line between cores, and a measured 2-thread run was slower than 1 thread. With a copy of the plans per
/// thread, each thread's counters are its own and throughput scales with cores (BENCHMARKS.md).
///
/// A copy is made on a thread's first use of an outcome in a locale; it shares the immutable compiled
/// messages and has strings and arrays of its own. Memory per thread is bounded: outcomes × locales of at
/// most `ThreadPlanCache.resolversKept` resolvers, freed when the thread ends. A copy keeps its resolver's
/// compiled messages alive until the thread drops it (after a reload: once it has used newer resolvers).
final class ThreadPlanCache {
    /// How many resolvers' copies a thread keeps (a reload briefly has an old and a new one in use).
    static let resolversKept = 4

    /// The calling thread's cache.
    static var current: ThreadPlanCache { perThread.current }
    private static let perThread = ThreadLocal { ThreadPlanCache() }

    /// The resolver used last and its copies.
    private var latest: (generation: Int, plans: [LocalizedPlan?]) = (-1, [])
    /// Earlier resolvers' copies, most recent first.
    private var earlier: [(generation: Int, plans: [LocalizedPlan?])] = []

    /// The copy of `shared[index]` for this thread, made on first use.
    func plan(generation: Int, index: Int, shared: [LocalizedPlan]) -> LocalizedPlan {
        if generation == latest.generation, let plan = latest.plans[index] { return plan }
        if generation != latest.generation {
            if latest.generation >= 0 { earlier.insert(latest, at: 0) }
            if let found = earlier.firstIndex(where: { $0.generation == generation }) {
                latest = earlier.remove(at: found)
            } else {
                latest = (generation, Array(repeating: nil, count: shared.count))
            }
            if earlier.count >= Self.resolversKept { earlier.removeLast(earlier.count - Self.resolversKept + 1) }
        }
        let copy = shared[index].threadCopy()
        latest.plans[index] = copy
        return copy
    }
}
