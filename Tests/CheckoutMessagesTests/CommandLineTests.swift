import Foundation
import Testing

/// The `checkout-messages` binary as users run it: output and exit status.
@Suite("Command line")
struct CommandLineTests {
    /// `swift test` builds every product into the folder holding the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("checkout-messages")

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift test builds the checkout-messages product beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = fixturesDirectory.appendingPathComponent("validation")
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test
    func validateExitStatus() throws {
        #expect(try Self.run(["validate", "en.yaml", "clean"]).status == 0)
        #expect(try Self.run(["validate", "en.yaml", "clean", "--strict"]).status == 0)
        let errors = try Self.run(["validate", "en.yaml", "renamed-argument/de.yaml"])
        #expect(errors.status == 1)
        #expect(errors.output.hasPrefix("renamed-argument/de.yaml:1:18: error: [argument-mismatch] "))
        #expect(try Self.run(["validate", "en.yaml", "polish-plural"]).status == 0)
        #expect(try Self.run(["validate", "en.yaml", "polish-plural", "--strict"]).status == 1)
        let missing = try Self.run(["validate", "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.error == "checkout-messages: no such file or folder: no-such-folder\n")
        #expect(try Self.run(["validate", "--format", "xml"]).status == 64)  // ArgumentParser's usage error
        let sarif = try Self.run(["validate", "en.yaml", "bad-skeleton", "--format", "sarif"])
        #expect(sarif.status == 1)
        #expect(sarif.output.contains("\"ruleId\" : \"icu-build\""))
    }

    @Test
    func validateShippedCatalog() throws {
        let result = try Self.run(["validate", "--strict"])
        #expect(result.status == 0)
        #expect(result.output == "no problems found\n")
    }

    @Test
    func resolve() throws {
        let plain = try Self.run(["resolve", "--status", "400", "--body", #"{"code": 1034, "message": "Not sufficient funds"}"#, "--locale", "de-AT"])
        #expect(plain.status == 0)
        #expect(plain.output == "Der verfügbare Betrag auf dieser Karte reicht für diese Zahlung nicht aus. Bitte verwenden Sie eine andere Karte oder Zahlungsart.\n")
        let json = try Self.run(["resolve", "--uuid", "a872183b-244a-4d78-9250-e5ff976913ee", "--arg", "attemptsLeft=2", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["key"] as? String == "auth.failed.attempts")
        #expect(object?["presentation"] as? String == "retry")
        #expect((object?["retry"] as? [String: Any])?["sameMethod"] as? Bool == true)
        let hostile = try Self.run(["resolve", "--code", "1035", "--locale", "../../etc/passwd"])
        #expect(hostile.status == 2)
        #expect(hostile.error == "checkout-messages: not a valid BCP 47 language tag: \"../../etc/passwd\"\n")
        #expect(try Self.run(["resolve", "--arg", "novalue"]).status == 64)
    }

    @Test
    func brandFolders() throws {
        let acme = repositoryRoot.appendingPathComponent("examples/brands/acme").path
        let resolved = try Self.run(["resolve", "--code", "1035", "--locale", "de", "--brand", acme])
        #expect(resolved.status == 0)
        #expect(resolved.output == "Das hat leider nicht geklappt. Versuch es bitte mit einer anderen Karte oder Zahlungsart.\n")
        let validated = try Self.run(["validate", "--brand", acme, "--format", "json"])
        #expect(validated.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(validated.output.utf8)) as? [String: Any]
        let findings = report?["diagnostics"] as? [[String: Any]] ?? []
        #expect(findings.map { "\($0["line"]!):\($0["column"]!) \($0["check"]!) \($0["key"]!)" } == [
            "5:1 stale decline.generic", "8:1 stale field.card.number",
        ])
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("brand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        try "decline.generik:\n  message: Abgelehnt.\n".write(to: broken.appendingPathComponent("de.yaml"), atomically: true, encoding: .utf8)
        let failed = try Self.run(["validate", "--brand", broken.path])
        #expect(failed.status == 1)
        #expect(failed.output.hasPrefix("\(broken.path)/de.yaml:1:1: error: [unknown-key] decline.generik is not a message of the base catalog"))
        #expect(try Self.run(["resolve", "--code", "1035", "--brand", broken.path]).status == 2)
    }

    @Test
    func exportThenImportChangesNothingAndABrokenImportWritesNothing() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let locales = work.appendingPathComponent("locales")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("locales"), to: locales)
        let out = work.appendingPathComponent("out").path
        let exported = try Self.run(["export", "--locales", locales.path, "--locale", "de", "--locale", "ja", "--out", out])
        #expect(exported.status == 0)
        #expect(exported.output == "\(out)/de.xlf\n\(out)/ja.xlf\n")
        let json = try Self.run(["export", "--format", "json", "--locales", locales.path, "--locale", "de", "--out", out])
        #expect(json.output == "\(out)/de.json\n")
        let before = try String(contentsOf: locales.appendingPathComponent("de.yaml"), encoding: .utf8)
        let imported = try Self.run(["import", "--locales", locales.path, "\(out)/de.xlf", "\(out)/ja.xlf", "\(out)/de.json"])
        #expect(imported.status == 0)
        #expect(imported.error.components(separatedBy: "\n").filter { $0.hasSuffix(": unchanged") }.count == 3)
        #expect(try String(contentsOf: locales.appendingPathComponent("de.yaml"), encoding: .utf8) == before)
        // A broken target: exit 1, the finding at its place in the XLIFF file, the locale file untouched.
        let xliff = try String(contentsOfFile: "\(out)/de.xlf", encoding: .utf8)
            .replacingOccurrences(of: ">Ihre Zahlung wurde abgelehnt.", with: ">Ihre {Zahlung wurde abgelehnt.")
        try xliff.write(toFile: "\(out)/de.xlf", atomically: true, encoding: .utf8)
        let broken = try Self.run(["import", "--locales", locales.path, "\(out)/de.xlf"])
        #expect(broken.status == 1)
        let line = xliff.components(separatedBy: "\n").firstIndex { $0.contains(">Ihre {Zahlung") }! + 1
        #expect(broken.output.hasPrefix("\(out)/de.xlf:\(line):"))
        #expect(broken.output.contains("error: [icu-syntax]") && broken.output.contains("(decline.generic)"))
        #expect(try String(contentsOf: locales.appendingPathComponent("de.yaml"), encoding: .utf8) == before)
    }
}
