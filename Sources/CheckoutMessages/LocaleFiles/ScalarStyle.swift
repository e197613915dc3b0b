import Yams

/// How a YAML scalar is written; it decides how an offset in the value maps to a file position.
public enum ScalarStyle: String, Sendable, Hashable {
    /// Unquoted.
    case plain
    /// Between `'...'`, where `''` stands for one apostrophe.
    case singleQuoted
    /// Between `"..."`, with backslash escapes.
    case doubleQuoted
    /// A `|` block: lines kept as written.
    case literal
    /// A `>` block: line breaks folded into spaces.
    case folded

    init(_ style: Node.Scalar.Style) {
        switch style {
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        default: self = .plain
        }
    }
}
