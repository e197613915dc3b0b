import CheckoutMessages
import Foundation
import Hummingbird

/// `POST /v1/validate?locale=TAG[&brand=NAME]`: a locale file in, the validator's diagnostics out; with a
/// brand, the file is checked as that brand's file of the locale (partial, against the base).
struct ValidateController<Context: RequestContext> {
    let store: CatalogStore
    let configuration: ServerConfiguration

    static var mediaTypes: Set<String> { ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"] }

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/validate", use: validate)
    }

    struct Report: Encodable {
        let locale: String
        let errors: Int
        let warnings: Int
        let diagnostics: [LocaleFileDiagnostic]
    }

    @Sendable func validate(_ request: Request, context: Context) async throws -> Response {
        guard request.hasContentType(Self.mediaTypes) else { throw Problem.unsupportedMediaType(expected: "application/yaml") }
        guard let requested = request.uri.queryParameters.get("locale") else {
            throw Problem.invalidParameter("give the file's locale as ?locale=TAG")
        }
        let tag: LocaleTag
        do {
            tag = try LocaleTag(requested)
        } catch {
            throw Problem.invalidLocale(error.description)
        }
        var request = request
        let body = try await request.collectBody(upTo: configuration.maximumValidateBodySize)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw Problem.invalidParameter("the locale file must be UTF-8 text")
        }
        let snapshot = store.current
        let catalog = snapshot.catalog
        let validator = try LocaleValidator(sourceLocale: catalog.sourceLocale.identifier)
        let file = LocaleSource(path: "\(tag.identifier).yaml", text: text)
        let diagnostics: [LocaleFileDiagnostic]
        if let brand = try snapshot.brand(request.uri.queryParameters.get("brand")) {
            // The file as the brand's file of that locale, among the brand's other files, against the base.
            let others = brand.source.files.filter { LocaleValidator.tag(forPath: $0.path) != tag }
            diagnostics = validator.validate(brand: others + [file], base: brand.base.catalog).filter { $0.file == file.path }
        } else {
            diagnostics = tag == catalog.sourceLocale ? validator.validate([file]) : validator.validate([file], source: catalog.source)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let report = Report(locale: tag.identifier, errors: errors, warnings: diagnostics.count - errors, diagnostics: diagnostics)
        return .json(Array(try JSONCoding.encoder.encode(report)), request: request, headers: [.cacheControl: "no-store"])
    }
}
