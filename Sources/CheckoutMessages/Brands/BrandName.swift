/// The name a request picks a brand by: 1 to 64 of `a`–`z`, `0`–`9` and `-`. Anything else (upper case,
/// dots, slashes, `..`, spaces, non-ASCII) is refused before it reaches a lookup, a log line or a path.
public struct BrandName: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name.
    public let rawValue: String

    /// The name, or nil when it is not `[a-z0-9-]{1,64}`.
    public init?(rawValue: String) {
        let bytes = rawValue.utf8
        guard (1...64).contains(bytes.count),
              bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
        else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: BrandName, rhs: BrandName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What a name must look like, for error messages.
    public static let rule = "1 to 64 characters of a-z, 0-9 and -"
}
