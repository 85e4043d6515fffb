/// The `format` values the validator can assert.
@usableFromInline
enum FormatChecker: String, Sendable, CaseIterable {
    case dateTime = "date-time", date, time, duration, email, idnEmail = "idn-email", hostname,
         idnHostname = "idn-hostname", ipv4, ipv6, uri, uriReference = "uri-reference", iri,
         iriReference = "iri-reference", uriTemplate = "uri-template", uuid, jsonPointer = "json-pointer",
         relativeJSONPointer = "relative-json-pointer", regex

    @usableFromInline var name: String { rawValue }

    @usableFromInline
    func check(_ s: String) -> Bool {
        return true
    }
}
