extension UpstreamError {
    /// Reads a raw upstream response. Never fails: an empty body, one that is not JSON (RFC 8259)
    /// or not a JSON object counts as "no body"; otherwise as `init(status:json:)`.
    public init(status: Int?, body: some Collection<UInt8>) {
        guard let json = try? JSONValue.parse(body) else {
            self.init(status: status)
            return
        }
        self.init(status: status, json: json)
    }

    /// Reads a raw upstream response whose body is text.
    public init(status: Int?, body: String) {
        self.init(status: status, body: body.utf8)
    }

    /// Reads an upstream response body already parsed as JSON, of either API, leniently member by
    /// member: a value that is not an object counts as "no body", unknown members are ignored, and members
    /// of the wrong type are treated as absent.
    ///
    /// - `code`: an integer; a whole `.number` below 1e15 in magnitude; or a string whose text without
    ///   surrounding whitespace is an `Int` (`" 2104 "`, `"+5"`).
    /// - `uuid`, `type`, `traceId` (else `trace_id`), and in `errors[]` `field` (else `property`),
    ///   `resource` and `type`: a string that is not blank, without surrounding whitespace, or an integer
    ///   as its decimal text.
    /// - `type` names the charge type; without it a documented `uuid` identifies it.
    /// - `errors`: the entries that are objects with a field; other entries are skipped.
    /// - The body is from the charge endpoint when it has a `uuid` or `traceId` member of any value, even
    ///   null, else from the shop API.
    package init(status: Int?, json: JSONValue) {
        self.init(status: status)
        guard case .object(let members) = json else { return }
        code = Self.lenientInt(members["code"])
        uuid = Self.lenientString(members["uuid"])
        type = Self.chargeType(Self.lenientString(members["type"]).map(ChargeErrorType.init(rawValue:)), uuid: uuid)
        traceId = Self.lenientString(members["traceId"]) ?? Self.lenientString(members["trace_id"])
        if case .array(let entries)? = members["errors"] {
            for case .object(let entry) in entries {
                guard let field = Self.lenientString(entry["field"]) ?? Self.lenientString(entry["property"]) else { continue }
                fieldErrors.append(FieldError(resource: Self.lenientString(entry["resource"]), field: field,
                                              type: Self.lenientString(entry["type"])))
            }
        }
        api = members["uuid"] != nil || members["traceId"] != nil ? .charge : .shop
    }

    /// An integer given as a JSON number (integral) or a string of digits; anything else is absent.
    private static func lenientInt(_ value: JSONValue?) -> Int? {
        switch value {
        case .integer(let number)?: return Int(exactly: number)
        case .number(let number)? where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text)?: return Int(text.trimmingWhitespace)
        default: return nil
        }
    }

    /// A non-empty string, or an integer rendered as one; anything else is absent.
    private static func lenientString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : String(trimmed)
        case .integer(let number)?: return String(number)
        default: return nil
        }
    }
}
