import CICU

/// One catalog message compiled by ICU for one locale: built once, then formatted many times.
///
/// ICU's `MessageFormat` is not safe for concurrent `format` calls (it fills lazy caches), so the C side
/// lends each call its own clone from a small pool; instances of this type are therefore `Sendable`.
public final class CompiledMessage: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The pattern as written in the catalog.
    public let pattern: String
    /// Every argument name the pattern uses, nested ones included, in first-use order.
    public let argumentNames: [String]
    /// The formatted text of a message without arguments, computed once.
    public let constantText: String?

    /// Compiles `pattern` for `locale`; fails unless ICU can build the formatter and all its nested formats.
    public init(pattern: String, locale: LocaleTag) throws(ICUError) {
        var status = cicu_status.initial
        let created = locale.identifier.withCString { tag in
            pattern.withCString { cicu_message_format_create(tag, $0, Int32(pattern.utf8.count), &status) }
        }
        guard let created, !status.failed else { throw ICUError(status) }
        handle = created
        self.pattern = pattern
        let count = Int(cicu_message_format_argument_count(created))
        argumentNames = (0..<count).map { String(cString: cicu_message_format_argument_name(created, Int32($0))) }
        constantText = count == 0 ? try? Self.format(handle: created, arguments: UnsafeBufferPointer(start: nil, count: 0)) : nil
    }

    deinit { cicu_message_format_destroy(handle) }

    /// Formats with named arguments. Arguments the pattern does not use are ignored; the caller makes sure
    /// none the pattern uses is missing (see `Resolver`), since ICU would print `{name}` for it.
    public func format(_ arguments: MessageArguments) throws(ICUError) -> String {
        try format { arguments[$0] }
    }

    /// Formats with the value `lookup` gives for each argument name the pattern uses.
    func format(lookup: (String) -> MessageArgument?) throws(ICUError) -> String {
        if let constantText { return constantText }
        // Text of string-like arguments goes into one buffer, so one pointer scope covers them all.
        var text: [UInt8] = []
        var slots: [(kind: Int32, integer: Int64, number: Double, textStart: Int, textLength: Int)] = []
        slots.reserveCapacity(argumentNames.count)
        for name in argumentNames {
            switch lookup(name) {
            case .text(let string)?:
                let start = text.count
                text.append(contentsOf: string.utf8)
                slots.append((Int32(CICU_ARGUMENT_TEXT.rawValue), 0, 0, start, text.count - start))
            case .integer(let integer)?:
                slots.append((Int32(CICU_ARGUMENT_INTEGER.rawValue), integer, 0, 0, 0))
            case .number(let number)?:
                slots.append((Int32(CICU_ARGUMENT_DOUBLE.rawValue), 0, number, 0, 0))
            case .money(let money)?:
                let start = text.count
                text.append(contentsOf: money.currency.utf8)
                text.append(0)
                slots.append((Int32(CICU_ARGUMENT_MONEY.rawValue), money.minorUnits, 0, start, 3))
            case nil:
                slots.append((Int32(CICU_ARGUMENT_ABSENT.rawValue), 0, 0, 0, 0))
            }
        }
        text.append(0)
        return try text.withUnsafeBufferPointer { bytes throws(ICUError) in
            let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            return try withUnsafeTemporaryAllocation(of: cicu_argument.self, capacity: max(slots.count, 1)) { raw throws(ICUError) in
                for (index, slot) in slots.enumerated() {
                    raw[index] = cicu_argument(kind: slot.kind, length: Int32(slot.textLength), integer: slot.integer,
                                               number: slot.number, text: base + slot.textStart)
                }
                return try Self.format(handle: handle, arguments: UnsafeBufferPointer(rebasing: raw[0..<slots.count]))
            }
        }
    }

    private static func format(handle: OpaquePointer, arguments: UnsafeBufferPointer<cicu_argument>) throws(ICUError) -> String {
        var status = cicu_status.initial
        let result = readUTF8 { out, capacity in
            cicu_message_format_format(handle, arguments.baseAddress, Int32(arguments.count), out, capacity, &status)
        }
        if status.failed { throw ICUError(status) }
        return result
    }
}
