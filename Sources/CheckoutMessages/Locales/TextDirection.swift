/// Which way text runs in a locale.
public enum TextDirection: String, Sendable, Codable, Hashable {
    /// Left to right.
    case leftToRight = "ltr"
    /// Right to left (Arabic, Hebrew, ...).
    case rightToLeft = "rtl"
}
