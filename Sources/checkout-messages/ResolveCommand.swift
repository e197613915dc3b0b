import ArgumentParser
import CheckoutMessages
import Foundation

/// `checkout-messages resolve`: one upstream error in, the customer's message (or the Resolution) out.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve one payment API error to the message a customer should see.",
        discussion: """
            Give the raw upstream response (--status and --body or --body-file), structured values
            (--code, --type, --uuid), or both: structured values override what the body says.
            Example: checkout-messages resolve --status 400 --body '{"code": 1034, "message": "Not sufficient funds"}' --locale de
            """
    )

    @Option(help: "BCP 47 locale tag of the customer, e.g. de-AT. Negotiated against the catalog.")
    var locale: String?

    @Option(help: "HTTP status of the upstream response.")
    var status: Int?

    @Option(help: "Raw upstream response body (JSON).")
    var body: String?

    @Option(name: .customLong("body-file"), help: "File holding the raw upstream response body.")
    var bodyFile: String?

    @Option(help: "Business code, e.g. 1033 or 2101.")
    var code: Int?

    @Option(help: "Charge error type, e.g. insufficient_funds.")
    var type: String?

    @Option(help: "Charge error uuid (identifies the type).")
    var uuid: String?

    @Option(name: .customLong("arg"), help: ArgumentHelp("Message argument name=value, repeatable (money: 1999 EUR, in minor units).", valueName: "name=value"))
    var arguments: [String] = []

    @Flag(help: "Print the whole Resolution as JSON.")
    var json = false

    @Option(help: "Folder of locale files to use instead of the embedded catalog.")
    var locales: String?

    @Option(help: "Rules file to use instead of the embedded rules.")
    var rules: String?

    @Option(help: "A brand folder (partial locale files, optional rules.yaml) to resolve with, on top of the catalog.")
    var brand: String?

    func validate() throws {
        if body != nil, bodyFile != nil { throw ValidationError("give --body or --body-file, not both") }
        for argument in arguments where !argument.contains("=") {
            throw ValidationError("--arg takes name=value, got \"\(argument)\"")
        }
    }

    func run() throws {
        let catalog: MessageCatalog
        let resolver: Resolver
        do {
            let base = try locales.map { try MessageCatalog(directory: $0) } ?? MessageCatalog.embedded()
            let rules = try rules.map { path in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw RulesError(problems: [RulesProblem(file: path, line: 1, column: 1, message: "cannot read the rules file")])
                }
                return try ResolutionRules(yaml: text, file: path)
            }
            let baseResolver = try Resolver(catalog: base, rules: rules)
            resolver = try brand.map { try baseResolver.branded(BrandSource(directory: $0)) } ?? baseResolver
            catalog = resolver.catalog
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var upstream: UpstreamError
        if let bodyFile {
            guard let data = FileManager.default.contents(atPath: bodyFile) else {
                printError("cannot read --body-file \(bodyFile)")
                throw ExitCode(2)
            }
            upstream = UpstreamError(status: status, body: data)
        } else {
            upstream = UpstreamError(status: status, body: body ?? "")
        }
        upstream.override(code: code, type: type.map(ChargeErrorType.init(rawValue:)), uuid: uuid)
        let negotiated: NegotiatedLocale
        do {
            negotiated = try catalog.negotiate(tag: locale, acceptLanguage: nil)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var values: MessageArguments = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = .text(String(parts[1]))
        }
        let resolution = resolver.resolve(upstream, in: negotiated, arguments: values)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(resolution), as: UTF8.self))
        } else {
            print(resolution.message)
            for field in resolution.fields { print("  \(field.field): \(field.message)") }
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data("checkout-messages: \(text)\n".utf8))
    }
}
