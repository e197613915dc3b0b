// Build-time tool run by EmbedResourcesPlugin: writes a Swift file holding the given UTF-8 text files as
// string literals, every character that could end or bend a literal escaped, so that the texts need no
// decoding at run time and any quoting in the YAML is safe.
//
// Usage: EmbedResources OUTPUT ROOT FILE...   (FILE paths are stored relative to ROOT)
import Foundation

/// A Swift string literal of exactly `text`: quotes, backslashes and every control character escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedResources OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}
let output = arguments[1]
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
var source = """
// Generated at build time by EmbedResources from the repository's resource folders. Do not edit.

enum EmbeddedResources {
    /// Each file's path relative to the repository root, and its text.
    static let files: [(path: String, text: String)] = [

"""
for file in arguments.dropFirst(3).sorted() {
    let url = URL(fileURLWithPath: file).standardizedFileURL
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(Data("EmbedResources: cannot read \(file)\n".utf8))
        exit(1)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedResources: \(file) is not UTF-8 text\n".utf8))
        exit(1)
    }
    var relative = url.path
    if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
    source += "        (\(literal(relative)), \(literal(text))),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedResources: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
