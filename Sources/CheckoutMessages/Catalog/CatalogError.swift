/// The catalog could not be loaded; `diagnostics` says where and why.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors first in file order.
    public let diagnostics: [LocaleFileDiagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    static func wrap<T>(_ body: () throws(LocaleTagError) -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch {
            throw CatalogError(diagnostics: [LocaleFileDiagnostic(
                file: "", line: 1, column: 1, check: .localeTag, severity: .error, message: error.description)])
        }
    }
}
