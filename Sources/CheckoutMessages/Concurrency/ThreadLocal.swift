#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One instance of `Value` per thread: made on the thread's first access and released when the thread
/// ends. The shape of NIO's `ThreadSpecificVariable`, over a POSIX thread-specific key.
final class ThreadLocal<Value: AnyObject>: Sendable {
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    /// `make` creates a thread's value on its first access.
    init(_ make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        // The destructor's pointer is optional in Glibc's signature and not in Darwin's; `release` takes either.
        let status = pthread_key_create(&key) { pointer in ThreadLocalRelease.release(pointer) }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
        self.make = make
    }

    deinit {
        pthread_key_delete(key)
    }

    /// The calling thread's value.
    var current: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let value = make()
        pthread_setspecific(key, Unmanaged.passRetained(value).toOpaque())
        return value
    }
}

/// The key destructor: a C function pointer cannot capture `Value`, and releasing needs no type.
private enum ThreadLocalRelease {
    static func release(_ pointer: UnsafeMutableRawPointer?) {
        if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
    }
}
