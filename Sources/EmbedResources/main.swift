// Build-time tool run by EmbedResourcesPlugin: writes a Swift file holding the given resource files,
// base64-encoded (robust against any quoting in the YAML, and quick to compile).
//
// Usage: EmbedResources OUTPUT ROOT FILE...   (FILE paths are stored relative to ROOT)
import Foundation

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
    /// Each file's path relative to the repository root, and its bytes in base64.
    static let files: [(path: String, base64: String)] = [

"""
for file in arguments.dropFirst(3).sorted() {
    let url = URL(fileURLWithPath: file).standardizedFileURL
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(Data("EmbedResources: cannot read \(file)\n".utf8))
        exit(1)
    }
    var relative = url.path
    if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
    source += "        (\"\(relative)\", \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedResources: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
