import Yams

/// What the source catalog says about one argument of a message.
public struct ArgumentDeclaration: Sendable, Hashable {
    /// The argument's type.
    public var type: ArgumentType
    /// An example value, shown to translators and used to test-format every message.
    public var example: MessageArgument
}

extension ArgumentDeclaration {
    /// Reads `{type: text|count|number|money, example: ...}`; nil when the type is unknown or the example
    /// does not fit it.
    init?(_ node: Node) {
        guard let typeName = node["type"]?.string, let type = ArgumentType(rawValue: typeName),
              let exampleNode = node["example"]
        else { return nil }
        switch type {
        case .text:
            guard let text = exampleNode.string else { return nil }
            example = .text(text)
        case .count:
            guard let integer = exampleNode.int, integer >= 0 else { return nil }
            example = .integer(Int64(integer))
        case .number:
            if let integer = exampleNode.int {
                example = .integer(Int64(integer))
            } else if let number = exampleNode.float {
                example = .number(number)
            } else {
                return nil
            }
        case .money:
            guard let text = exampleNode.string, let money = Money(parsing: text) else { return nil }
            example = .money(money)
        }
        self.type = type
    }
}
