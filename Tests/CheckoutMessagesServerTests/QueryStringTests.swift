import Hummingbird
import HummingbirdCore
import Testing

@testable import CheckoutMessagesServer

/// `GET /v1/resolve` reads its query with `QueryString` instead of Hummingbird's `URI.queryParameters`;
/// both must read every query alike.
@Suite("Query string")
struct QueryStringTests {
    @Test("reads queries as URI.queryParameters does", arguments: [
        "status=503&arg.afterSeconds=5&locale=cs",
        "locale=%3Cscript%3E&status=400",
        "reference=A%2FB%20C&x=%E2%82%AC",
        "bad=%zz&half=%4&trail=%",
        "novalue&empty=&=nameless&a=1&&b=2",
        "plus=a+b&utf8=%C3%A9t%C3%A9&invalid=%FF%FE",
        "repeated=1&repeated=2",
        "",
    ])
    func sameAsHummingbird(_ query: String) {
        let ours = QueryString.pairs(query[...]).map { "\($0.name)=\($0.value)" }
        let hummingbird = URI("/v1/resolve?\(query)").queryParameters.map { "\($0.key)=\($0.value)" }
        #expect(ours == hummingbird.filter { $0 != "=" })
    }

    @Test func queryOfARequestTarget() {
        #expect(QueryString.query(of: "/v1/resolve?status=503&locale=cs") == "status=503&locale=cs")
        #expect(QueryString.query(of: "/v1/resolve") == "")
        #expect(QueryString.query(of: "/v1/resolve?") == "")
        #expect(QueryString.query(of: "/v1/resolve?a=1#frag") == "a=1")
        #expect(QueryString.query(of: "/v1/resolve?a=%3F?b") == "a=%3F?b")
    }

    @Test func decodesEscapesAndKeepsMalformedOnes() {
        #expect(QueryString.pairs("a=%E2%82%AC%20x&b=%2&c=100%"[...]) .map { String($0.value) } == ["€ x", "%2", "100%"])
        #expect(QueryString.pairs("arg.reference=A%26B"[...]).map { String($0.name) } == ["arg.reference"])
        #expect(QueryString.pairs("arg.reference=A%26B"[...]).map { String($0.value) } == ["A&B"])
    }
}
