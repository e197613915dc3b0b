import CICU

/// The structure of an ICU MessageFormat pattern, as ICU's `MessagePattern` parses it: arguments (with
/// their kinds and selectors, nested ones included) and the runs of literal text. All ranges are UTF-16
/// offsets into the pattern, ICU's own unit.
public struct PatternStructure: Sendable, Hashable {
    /// How an argument is written.
    public enum ArgumentKind: String, Sendable, Hashable {
        case none, simple, choice, plural, select, selectordinal
    }

    /// A plural/select keyword (`one`, `other`, `missing`) or an explicit value (`=0`).
    public struct Selector: Sendable, Hashable {
        /// The keyword as written.
        public var keyword: String
        /// For `=N`, N.
        public var explicitValue: Double?
        /// Where the keyword is.
        public var range: Range<Int>
    }

    /// One `{...}` argument.
    public struct Argument: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// How it is formatted.
        public var kind: ArgumentKind
        /// For simple arguments, the type (`number`, `date`, ...).
        public var typeName: String?
        /// For simple arguments, the style (`integer`, `::currency/EUR`, ...).
        public var style: String?
        /// The whole argument, braces included.
        public var range: Range<Int>
        /// The name.
        public var nameRange: Range<Int>
        /// The type, if written.
        public var typeRange: Range<Int>?
        /// The style, if written.
        public var styleRange: Range<Int>?
        /// 0 for a top-level argument, 1 inside a plural/select branch, and so on.
        public var depth: Int
        /// The selectors of a plural/select, in order.
        public var selectors: [Selector]

        /// A comparable signature of how the argument is used: `plural`, `select`, `number`, `none`, ...
        public var signature: String {
            kind == .simple ? (typeName ?? "simple") : kind.rawValue
        }
    }

    /// Every argument, in pattern order.
    public let arguments: [Argument]
    /// Runs of literal text (outside any syntax), in pattern order.
    public let textRanges: [Range<Int>]

    /// Parses `pattern` the way MessageFormat does (apostrophe mode DOUBLE_OPTIONAL).
    public init(parsing pattern: String) throws(ICUError) {
        var status = cicu_status.initial
        let handle = pattern.withCString { cicu_pattern_parse($0, Int32(pattern.utf8.count), &status) }
        guard let handle, !status.failed else { throw ICUError(status) }
        defer { cicu_pattern_destroy(handle) }
        let utf16 = Array(pattern.utf16)
        func text(_ start: Int32, _ length: Int32) -> String {
            String(decoding: utf16[Int(start)..<Int(start + length)], as: UTF16.self)
        }
        func range(_ start: Int32, _ length: Int32) -> Range<Int>? {
            start >= 0 ? Int(start)..<Int(start + length) : nil
        }
        var arguments: [Argument] = []
        var texts: [Range<Int>] = []
        /// ICU's style part starts right after the comma; drop the whitespace before it.
        func trimmedStart(_ start: Int32, _ length: Int32) -> (Int32, Int32) {
            var start = start
            var length = length
            while length > 0, [32, 9, 10, 13].contains(utf16[Int(start)]) {
                start += 1
                length -= 1
            }
            return (start, length)
        }
        var lastAtDepth: [Int: Int] = [:]  // depth → index of the argument whose selectors come next
        for index in 0..<cicu_pattern_item_count(handle) {
            let item = cicu_pattern_item_at(handle, index)
            switch item.kind {
            case Int32(CICU_PATTERN_ARGUMENT.rawValue):
                var item = item
                if item.style_start >= 0 { (item.style_start, item.style_length) = trimmedStart(item.style_start, item.style_length) }
                let kinds: [ArgumentKind] = [.none, .simple, .choice, .plural, .select, .selectordinal]
                let kind = kinds.indices.contains(Int(item.argument_type)) ? kinds[Int(item.argument_type)] : .none
                arguments.append(Argument(
                    name: item.name_start >= 0 ? text(item.name_start, item.name_length) : "",
                    kind: kind,
                    typeName: item.type_start >= 0 ? text(item.type_start, item.type_length) : nil,
                    style: item.style_start >= 0 ? text(item.style_start, item.style_length) : nil,
                    range: Int(item.start)..<Int(item.start + item.length),
                    nameRange: range(item.name_start, item.name_length) ?? Int(item.start)..<Int(item.start),
                    typeRange: range(item.type_start, item.type_length),
                    styleRange: range(item.style_start, item.style_length),
                    depth: Int(item.depth), selectors: []))
                lastAtDepth[Int(item.depth)] = arguments.count - 1
            case Int32(CICU_PATTERN_SELECTOR.rawValue):
                guard let owner = lastAtDepth[Int(item.depth)] else { continue }
                arguments[owner].selectors.append(Selector(
                    keyword: text(item.start, item.length), explicitValue: item.has_value != 0 ? item.value : nil,
                    range: Int(item.start)..<Int(item.start + item.length)))
            case Int32(CICU_PATTERN_TEXT.rawValue):
                texts.append(Int(item.start)..<Int(item.start + item.length))
            default:
                continue
            }
        }
        self.arguments = arguments
        self.textRanges = texts
    }
}
