/// How an outcome's inline fields are found (the payload of `FieldSource` lives in `fixedFields`).
enum FieldMode: Sendable {
    case none, fixed, upstream
}
