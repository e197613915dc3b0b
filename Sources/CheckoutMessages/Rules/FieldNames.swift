/// How upstream field names are compared with the rules' aliases.
enum FieldNames {
    /// Case-insensitive, ignoring `_` and `-`: `card.Expiry_Month` and `card.expirymonth` are the same name.
    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && !$0.properties.isWhitespace })
    }
}
