#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

// Why per-thread copies: every resolution retains what it hands out (the key, the field ids, a precomputed
// message) and what it reads (candidates, their arrays). Those are reference counts, and when two threads
// resolve the same outcome they increment and decrement the same counters: each atomic then moves a cache
// line between cores, and a measured 2-thread run was slower than 1 thread. With a copy of the plans per
// thread, each thread's counters are its own and throughput scales with cores (BENCHMARKS.md).
//
// A copy is made on a thread's first use of an outcome in a locale; it shares the immutable compiled
// messages and has strings and arrays of its own. Memory per thread is bounded: outcomes × locales of at
// most `ThreadPlanCache.resolversKept` resolvers, freed when the thread ends. A copy keeps its resolver's
// compiled messages alive until the thread drops it (after a reload: once it has used newer resolvers).

/// Numbers each resolver, so that a thread's copies are never used with another resolver's plans (an
/// address could be reused after a reload; a number is not).
let resolverGenerations = Atomic<Int>(0)

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

/// The calling thread's copies of localized plans, for the resolvers it used last.
final class ThreadPlanCache {
    /// How many resolvers' copies a thread keeps (a reload briefly has an old and a new one in use).
    static let resolversKept = 4

    /// The resolver used last and its copies. Kept in memory of its own rather than in `var` properties,
    /// which would cost a dynamic exclusivity check on every resolution; only the owning thread touches it.
    private let current: UnsafeMutablePointer<(generation: Int, plans: [LocalizedPlan?])>
    /// Earlier resolvers' copies, most recent first.
    private var earlier: [(generation: Int, plans: [LocalizedPlan?])] = []

    init() {
        current = .allocate(capacity: 1)
        current.initialize(to: (-1, []))
    }

    deinit {
        current.deinitialize(count: 1)
        current.deallocate()
    }

    /// The copy of `shared[index]` for this thread, made on first use.
    @inline(__always)
    func plan(generation: Int, index: Int, shared: [LocalizedPlan]) -> LocalizedPlan {
        if generation == current.pointee.generation, let plan = current.pointee.plans[index] { return plan }
        return slowPlan(generation: generation, index: index, shared: shared)
    }

    private func slowPlan(generation: Int, index: Int, shared: [LocalizedPlan]) -> LocalizedPlan {
        if generation != current.pointee.generation {
            if current.pointee.generation >= 0 { earlier.insert(current.pointee, at: 0) }
            if let found = earlier.firstIndex(where: { $0.generation == generation }) {
                current.pointee = earlier.remove(at: found)
            } else {
                current.pointee = (generation, Array(repeating: nil, count: shared.count))
            }
            if earlier.count >= Self.resolversKept { earlier.removeLast(earlier.count - Self.resolversKept + 1) }
        }
        let copy = shared[index].threadCopy()
        current.pointee.plans[index] = copy
        return copy
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The pointer is optional in Glibc's signature and not in Darwin's; `release` takes either.
        let status = pthread_key_create(&key) { pointer in ThreadPlanCache.release(pointer) }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    /// Frees a thread's cache when the thread ends.
    private static func release(_ pointer: UnsafeMutableRawPointer?) {
        if let pointer { Unmanaged<ThreadPlanCache>.fromOpaque(pointer).release() }
    }

    /// Runs `body` with the calling thread's cache, without retaining it.
    @inline(__always)
    static func withCurrent<Result>(_ body: (ThreadPlanCache) -> Result) -> Result {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<ThreadPlanCache>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
        }
        let cache = ThreadPlanCache()
        pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
        return body(cache)
    }
}
