import CheckoutMessages
import NIOCore

extension JSONValue {
    /// Parses a request body; anything that is not JSON is a `Problem.malformedJSON`.
    static func parseBody(_ body: ByteBufferView) throws(Problem) -> JSONValue {
        do {
            return try parse(body)
        } catch {
            throw Problem.malformedJSON("the body is not valid JSON")
        }
    }
}
