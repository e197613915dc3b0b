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
        constantText = count == 0 ? try? Self.format(handle: created, arguments: UnsafeBufferPointer(start: nil, count: 0), throughMessageFormat: false) : nil
    }

    deinit { cicu_message_format_destroy(handle) }

    /// Formats with named arguments. Arguments the pattern does not use are ignored; a missing one fails
    /// with `U_ILLEGAL_ARGUMENT_ERROR` rather than showing `{name}` to a customer.
    public func format(_ arguments: MessageArguments) throws(ICUError) -> String {
        guard let text = try formatIfComplete({ arguments[argumentNames[$0]] }) else { throw ICUError(code: 1) }
        return text
    }

    /// Formats with the value `value(index)` gives for each argument the pattern uses (index into
    /// `argumentNames`), or returns nil without calling ICU when one of them is missing. Works on the
    /// stack: no heap allocation besides the result.
    ///
    /// `throughMessageFormat` makes ICU use MessageFormat::format even where it would format directly: the
    /// reference that direct formatting is tested against.
    @inline(__always)
    func formatIfComplete(_ value: (Int) -> MessageArgument?, throughMessageFormat: Bool = false) throws(ICUError) -> String? {
        if let constantText, !throughMessageFormat { return constantText }
        if argumentNames.count == 1 {  // most messages: no temporaries at all
            guard let argument = value(0) else { return nil }
            return try format(single: argument, throughMessageFormat: throughMessageFormat)
        }
        return try formatMany(value, throughMessageFormat: throughMessageFormat)
    }

    private func formatMany(_ value: (Int) -> MessageArgument?, throughMessageFormat: Bool) throws(ICUError) -> String? {
        let count = argumentNames.count
        return try withUnsafeTemporaryAllocation(of: MessageArgument.self, capacity: count) { values throws(ICUError) -> String? in
            var filled = 0
            defer { values.baseAddress!.deinitialize(count: filled) }
            var textBytes = 0
            for index in 0..<count {
                guard let argument = value(index) else { return nil }
                switch argument {
                case .text(let string): textBytes += string.utf8.count
                case .money: textBytes += 4
                default: break
                }
                (values.baseAddress! + index).initialize(to: argument)
                filled += 1
            }
            return try withUnsafeTemporaryAllocation(of: cicu_argument.self, capacity: count) { slots throws(ICUError) -> String? in
                // One byte buffer holds every string argument, so a single pointer scope covers them all.
                try withUnsafeTemporaryAllocation(of: CChar.self, capacity: max(textBytes, 1)) { text throws(ICUError) -> String? in
                    var used = 0
                    for index in 0..<count {
                        if let numeric = Self.numericSlot(values[index]) {
                            slots[index] = numeric
                            continue
                        }
                        var slot = cicu_argument(kind: 0, length: 0, integer: 0, number: 0, text: nil)
                        switch values[index] {
                        case .integer, .number:
                            break  // handled above
                        case .text(let string):
                            slot.kind = Int32(CICU_ARGUMENT_TEXT.rawValue)
                            slot.text = UnsafePointer(text.baseAddress! + used)
                            for byte in string.utf8 {
                                text[used] = CChar(bitPattern: byte)
                                used += 1
                            }
                            slot.length = Int32(string.utf8.count)
                        case .money(let money):
                            slot.kind = Int32(CICU_ARGUMENT_MONEY.rawValue)
                            slot.integer = money.minorUnits
                            slot.text = UnsafePointer(text.baseAddress! + used)
                            // Exactly 3 bytes and a NUL (4 were reserved); ICU rejects a code it does not know.
                            let code = money.currencyCode
                            text[used] = code.0
                            text[used + 1] = code.1
                            text[used + 2] = code.2
                            text[used + 3] = 0
                            used += 4
                            slot.length = 3
                        }
                        slots[index] = slot
                    }
                    return try Self.format(handle: handle, arguments: UnsafeBufferPointer(rebasing: slots[0..<count]),
                                           throughMessageFormat: throughMessageFormat)
                }
            }
        }
    }

    /// The C argument of a number, which needs no text storage; nil for text and money.
    private static func numericSlot(_ argument: MessageArgument) -> cicu_argument? {
        switch argument {
        case .integer(let integer):
            return cicu_argument(kind: Int32(CICU_ARGUMENT_INTEGER.rawValue), length: 0, integer: integer, number: 0, text: nil)
        case .number(let number):
            return cicu_argument(kind: Int32(CICU_ARGUMENT_DOUBLE.rawValue), length: 0, integer: 0, number: number, text: nil)
        case .text, .money:
            return nil
        }
    }

    /// Whether ICU formats this message directly (precompiled text, plural and select over its number
    /// formatter and plural rules) rather than through MessageFormat::format; see `CICU.h`.
    var isFormattedDirectly: Bool { cicu_message_format_is_direct(handle) != 0 }

    private func format(single argument: MessageArgument, throughMessageFormat: Bool) throws(ICUError) -> String {
        var slot = Self.numericSlot(argument) ?? cicu_argument(kind: 0, length: 0, integer: 0, number: 0, text: nil)
        switch argument {
        case .integer, .number:
            break
        case .text(let string):
            // `withCString` rethrows untyped errors; carry ICU's error out as a Result.
            let result: Result<String, ICUError> = string.withCString { text in
                slot.kind = Int32(CICU_ARGUMENT_TEXT.rawValue)
                slot.length = Int32(string.utf8.count)
                slot.text = text
                return withUnsafePointer(to: slot) { pointer in
                    Result { () throws(ICUError) in try Self.format(handle: handle, arguments: UnsafeBufferPointer(start: pointer, count: 1),
                                                                     throughMessageFormat: throughMessageFormat) }
                }
            }
            return try result.get()
        case .money(let money):
            var code = money.currencyCode
            return try withUnsafeBytes(of: &code) { raw throws(ICUError) in
                slot.kind = Int32(CICU_ARGUMENT_MONEY.rawValue)
                slot.integer = money.minorUnits
                slot.length = 3
                slot.text = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                return try withUnsafePointer(to: slot) { pointer throws(ICUError) in
                    try Self.format(handle: handle, arguments: UnsafeBufferPointer(start: pointer, count: 1),
                                    throughMessageFormat: throughMessageFormat)
                }
            }
        }
        return try withUnsafePointer(to: slot) { pointer throws(ICUError) in
            try Self.format(handle: handle, arguments: UnsafeBufferPointer(start: pointer, count: 1),
                            throughMessageFormat: throughMessageFormat)
        }
    }

    /// Formats into a stack buffer and makes a String of exactly the result's size; a result longer
    /// than the buffer (rare) is formatted again into a heap buffer of the right size.
    private static func format(handle: OpaquePointer, arguments: UnsafeBufferPointer<cicu_argument>,
                               throughMessageFormat: Bool) throws(ICUError) -> String {
        let format = throughMessageFormat ? cicu_message_format_format_with_message_format : cicu_message_format_format
        var status = cicu_status.initial
        let result: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buffer in
            let length = buffer.withMemoryRebound(to: CChar.self) {
                format(handle, arguments.baseAddress, Int32(arguments.count), $0.baseAddress, 1024, &status)
            }
            guard !status.failed, length < 1024 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<Int(length)]), as: UTF8.self)
        }
        if status.failed { throw ICUError(status) }
        if let result { return result }
        let long = readUTF8(initialCapacity: 4096) { out, capacity in
            format(handle, arguments.baseAddress, Int32(arguments.count), out, capacity, &status)
        }
        if status.failed { throw ICUError(status) }
        return long
    }
}
