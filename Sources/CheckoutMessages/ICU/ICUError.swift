import CICU

/// An error reported by ICU4C, with ICU's own name for it and, for pattern errors, where it happened.
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// ICU's `UErrorCode` value.
    public let code: Int32
    /// UTF-16 offset into the pattern at which ICU stopped, when ICU reports one.
    public let patternOffset: Int?

    /// Wraps a raw ICU status.
    public init(code: Int32, patternOffset: Int? = nil) {
        self.code = code
        self.patternOffset = patternOffset
    }

    init(_ status: cicu_status) {
        self.init(code: status.code, patternOffset: status.offset >= 0 ? Int(status.offset) : nil)
    }

    /// ICU's name for the error, e.g. `U_PATTERN_SYNTAX_ERROR`.
    public var name: String { String(cString: cicu_error_name(code)) }

    public var description: String {
        if let patternOffset { return "\(name) at offset \(patternOffset)" }
        return name
    }
}

extension cicu_status {
    static var initial: cicu_status { cicu_status(code: 0, offset: -1) }
    var failed: Bool { code > 0 }
}

/// Calls a C function that writes UTF-8 into a buffer and returns the full length, retrying once with
/// the exact size when the first buffer was too small.
func readUTF8(initialCapacity: Int = 256, _ body: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String {
    var needed = 0
    let first = String(unsafeUninitializedCapacity: initialCapacity) { buffer in
        needed = Int(buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!, Int32(buffer.count)) })
        return needed < buffer.count ? max(needed, 0) : 0
    }
    if needed < initialCapacity { return first }
    return String(unsafeUninitializedCapacity: needed + 1) { buffer in
        let written = Int(buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!, Int32(buffer.count)) })
        return min(written, needed)
    }
}
