/// A short fingerprint of a source message, which a translation records (`source: 1a2b3c4d`) to say
/// which version of the English text it translates. FNV-1a (32 bit) over the UTF-8 bytes: stable across
/// platforms and languages, and easy to compute in any tool.
public enum SourceFingerprint {
    /// Eight lower-case hex digits.
    public static func of(_ message: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in message.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
