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

    /// Formats with named arguments. Arguments the pattern does not use are ignored; a missing one fails
    /// with `U_ILLEGAL_ARGUMENT_ERROR` rather than showing `{name}` to a customer.
    public func format(_ arguments: MessageArguments) throws(ICUError) -> String {
        guard let text = try formatIfComplete({ arguments[$1] }) else { throw ICUError(code: 1) }
        return text
    }

    /// Formats with the value `value(index, name)` gives for each argument the pattern uses, or returns
    /// nil without calling ICU when one of them is missing.
    func formatIfComplete(_ value: (Int, String) -> MessageArgument?) throws(ICUError) -> String? {
        if let constantText { return constantText }
        let count = argumentNames.count
        // Strings are copied into one byte buffer so that a single pointer scope covers them all.
        var slots = [cicu_argument](repeating: cicu_argument(kind: 0, length: 0, integer: 0, number: 0, text: nil), count: count)
        var text: [UInt8] = []
        var textStarts: [Int] = []
        for (index, name) in argumentNames.enumerated() {
            guard let argument = value(index, name) else { return nil }
            switch argument {
            case .text(let string):
                slots[index].kind = Int32(CICU_ARGUMENT_TEXT.rawValue)
                textStarts.append(text.count)
                text.append(contentsOf: string.utf8)
                slots[index].length = Int32(text.count - textStarts[textStarts.count - 1])
            case .integer(let integer):
                slots[index].kind = Int32(CICU_ARGUMENT_INTEGER.rawValue)
                slots[index].integer = integer
            case .number(let number):
                slots[index].kind = Int32(CICU_ARGUMENT_DOUBLE.rawValue)
                slots[index].number = number
            case .money(let money):
                slots[index].kind = Int32(CICU_ARGUMENT_MONEY.rawValue)
                slots[index].integer = money.minorUnits
                textStarts.append(text.count)
                text.append(contentsOf: money.currency.utf8)
                text.append(0)
                slots[index].length = 3
            }
        }
        if textStarts.isEmpty {
            return try slots.withUnsafeBufferPointer { buffer throws(ICUError) in try Self.format(handle: handle, arguments: buffer) }
        }
        return try text.withUnsafeBufferPointer { bytes throws(ICUError) -> String in
            let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            var next = 0
            for index in slots.indices where slots[index].kind == Int32(CICU_ARGUMENT_TEXT.rawValue)
                || slots[index].kind == Int32(CICU_ARGUMENT_MONEY.rawValue) {
                slots[index].text = base + textStarts[next]
                next += 1
            }
            return try slots.withUnsafeBufferPointer { buffer throws(ICUError) in try Self.format(handle: handle, arguments: buffer) }
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
