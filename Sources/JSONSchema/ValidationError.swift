/// What exactly failed, with the expected and actual values.
public enum ValidationErrorDetail: Sendable, Hashable {
    /// The schema is `false`: nothing is valid here.
    case falseSchema
    /// `type`: `expected` lists the allowed type names; `actual` is the instance's type
    /// (`integer` for numbers without a fractional part).
    case type(expected: [String], actual: String)
    case const(expected: JSONValue)
    /// `enum`.
    case enumeration(allowed: [JSONValue])
    case multipleOf(divisor: JSONNumber, actual: JSONNumber)
    case maximum(limit: JSONNumber, actual: JSONNumber)
    case exclusiveMaximum(limit: JSONNumber, actual: JSONNumber)
    case minimum(limit: JSONNumber, actual: JSONNumber)
    case exclusiveMinimum(limit: JSONNumber, actual: JSONNumber)
    /// `maxLength`/`minLength`: lengths count Unicode code points.
    case maxLength(limit: Int, actual: Int)
    case minLength(limit: Int, actual: Int)
    case pattern(pattern: String, actual: String)
    /// `format`, when formats are asserted.
    case format(format: String, actual: String)
    case maxItems(limit: Int, actual: Int)
    case minItems(limit: Int, actual: Int)
    /// `uniqueItems`: the indices of the first two equal items.
    case uniqueItems(duplicates: [Int])
    /// `contains` with `minContains`/`maxContains`: how many items matched the `contains` subschema.
    case contains(minContains: Int, maxContains: Int?, matches: Int)
    case maxProperties(limit: Int, actual: Int)
    case minProperties(limit: Int, actual: Int)
    /// `required`: the missing property names, in the schema's order.
    case required(missing: [String])
    /// `dependentRequired`: `property` is present, so `missing` are required too.
    case dependentRequired(property: String, missing: [String])
    /// `additionalProperties: false`: the properties that no `properties`/`patternProperties` allows.
    case additionalProperties(unexpected: [String])
    /// `unevaluatedProperties: false`.
    case unevaluatedProperties(unexpected: [String])
    /// `items: false` after `prefixItems`: the indices of the items that are too many.
    case additionalItems(unexpected: [Int])
    /// `unevaluatedItems: false`.
    case unevaluatedItems(unexpected: [Int])
    /// `propertyNames`: this property name is invalid; its errors are in `branches[0]`.
    case propertyName(name: String)
    /// `anyOf`: no branch matched; each branch's errors are in `branches`.
    case anyOf
    /// `oneOf`: `matching` is empty when no branch matched (each branch's errors are in `branches`),
    /// or lists the indices of the branches that matched when more than one did.
    case oneOf(matching: [Int])
    /// `not`: the instance matched the `not` subschema.
    case not
    /// Evaluation went deeper than the validator's limit (a schema that recurses without end).
    case depthLimitExceeded
}

/// One validation failure.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance, e.g. `/事项/0/编号`.
    public var instanceLocation: JSONPointer
    /// The evaluation path through the schema, through `$ref`s, e.g. `/properties/事项/items/$ref/required`.
    public var keywordLocation: JSONPointer
    /// The keyword's absolute location: the URI of its schema resource and a JSON Pointer fragment
    /// (not percent-encoded), e.g. `https://example.com/catalog.schema.json#/$defs/item/required`.
    public var absoluteKeywordLocation: String
    /// The failing keyword (`required`, `type`, …); `false` for a `false` schema.
    public var keyword: String
    public var detail: ValidationErrorDetail
    /// The schema object in which the keyword sits (read its `title`, `description`, `properties`…).
    public var subschema: JSONValue
    /// For `anyOf`/`oneOf`, one list of errors per branch (in the schema's order), so that a caller can
    /// report the branch that came closest; for `propertyNames`, the name's errors. Empty otherwise.
    public var branches: [[ValidationError]]

    public init(
        instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String,
        keyword: String, detail: ValidationErrorDetail, subschema: JSONValue,
        branches: [[ValidationError]] = []
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.detail = detail
        self.subschema = subschema
        self.branches = branches
    }

    /// The instance location as reference tokens.
    public var instancePath: [String] { instanceLocation.tokens }

    /// For `anyOf`/`oneOf`, the branch whose errors suggest the instance came closest to matching:
    /// the branch whose errors lie deepest in the instance, then the one with the fewest errors
    /// (ties: the first branch). Nil when there are no branches.
    public var closestBranch: (index: Int, errors: [ValidationError])? {
        guard !branches.isEmpty else { return nil }
        var best = 0
        var bestKey = (depth: -1, count: Int.max)
        for (i, b) in branches.enumerated() {
            let depth = b.map { $0.instanceLocation.tokens.count }.max() ?? Int.max
            let key = (depth: depth, count: b.count)
            if key.depth > bestKey.depth || (key.depth == bestKey.depth && key.count < bestKey.count) {
                best = i
                bestKey = key
            }
        }
        return (best, branches[best])
    }

    /// An English message (callers that localize build their own from `detail`).
    public var message: String {
        func list(_ xs: [String]) -> String { xs.map { "\"\($0)\"" }.joined(separator: ", ") }
        switch detail {
        case .falseSchema: return "no value is allowed here (false schema)"
        case .type(let expected, let actual):
            return "expected \(expected.joined(separator: " or ")), found \(actual)"
        case .const(let v): return "must be \(v)"
        case .enumeration(let allowed): return "must be one of \(allowed.map(\.description).joined(separator: ", "))"
        case .multipleOf(let d, let a): return "\(a) is not a multiple of \(d)"
        case .maximum(let l, let a): return "\(a) is greater than the maximum \(l)"
        case .exclusiveMaximum(let l, let a): return "\(a) must be less than \(l)"
        case .minimum(let l, let a): return "\(a) is less than the minimum \(l)"
        case .exclusiveMinimum(let l, let a): return "\(a) must be greater than \(l)"
        case .maxLength(let l, let a): return "length \(a) is longer than the maximum length \(l)"
        case .minLength(let l, let a): return "length \(a) is shorter than the minimum length \(l)"
        case .pattern(let p, let a): return "\"\(a)\" does not match the pattern \(p)"
        case .format(let f, let a): return "\"\(a)\" is not a valid \(f)"
        case .maxItems(let l, let a): return "\(a) items, more than the maximum \(l)"
        case .minItems(let l, let a): return "\(a) items, fewer than the minimum \(l)"
        case .uniqueItems(let d): return "items \(d.map(String.init).joined(separator: " and ")) are equal"
        case .contains(let min, let max, let m):
            if let max, m > max { return "\(m) items match \"contains\", more than the maximum \(max)" }
            return "\(m) items match \"contains\", fewer than the minimum \(min)"
        case .maxProperties(let l, let a): return "\(a) properties, more than the maximum \(l)"
        case .minProperties(let l, let a): return "\(a) properties, fewer than the minimum \(l)"
        case .required(let missing): return "missing required properties: \(list(missing))"
        case .dependentRequired(let p, let missing): return "\"\(p)\" requires properties: \(list(missing))"
        case .additionalProperties(let u): return "properties not allowed: \(list(u))"
        case .unevaluatedProperties(let u): return "unevaluated properties not allowed: \(list(u))"
        case .additionalItems(let u):
            return "items not allowed at indices \(u.map(String.init).joined(separator: ", "))"
        case .unevaluatedItems(let u):
            return "unevaluated items not allowed at indices \(u.map(String.init).joined(separator: ", "))"
        case .propertyName(let n): return "property name \"\(n)\" is invalid"
        case .anyOf: return "does not match any of the alternatives (anyOf)"
        case .oneOf(let matching):
            if matching.isEmpty { return "does not match any of the alternatives (oneOf)" }
            return "matches more than one alternative (oneOf: \(matching.map(String.init).joined(separator: ", ")))"
        case .not: return "must not match the schema in \"not\""
        case .depthLimitExceeded: return "schema evaluation nested too deeply"
        }
    }

    public var description: String {
        "\(instanceLocation.isEmpty ? "(root)" : instanceLocation.description): \(message) [\(keywordLocation)]"
    }
}

/// The outcome of `CompiledSchema.validate`.
public struct ValidationResult: Sendable, Hashable {
    /// The errors, in a deterministic order: schema keyword order, then instance member order.
    public var errors: [ValidationError]
    public var isValid: Bool { errors.isEmpty }

    public init(errors: [ValidationError]) { self.errors = errors }
    public static let valid = ValidationResult(errors: [])
}

/// A schema that cannot be compiled.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema does not conform to its metaschema; `errors` say where.
    case invalidSchema(metaschema: String, errors: [ValidationError])
    /// A keyword has a value the validator cannot use (`location` is the keyword's absolute location).
    case invalidKeyword(keyword: String, location: String, reason: String)
    /// A `$ref`/`$dynamicRef` (or `$schema`) whose target cannot be found.
    case unresolvedReference(reference: String, location: String)
    /// A pattern that is not a valid ECMA-262 regular expression.
    case invalidRegex(pattern: String, location: String, reason: String)
    /// `$schema` names a dialect this validator does not implement.
    case unsupportedDialect(uri: String)
    /// The metaschema requires a vocabulary this validator does not know.
    case unsupportedVocabulary(uri: String, metaschema: String)
    /// `$ref`s that lead back to the same schema without moving in the instance.
    case infiniteLoop(location: String)
    /// A document registered or resolved is not valid JSON.
    case invalidJSON(uri: String, error: JSONParseError)

    public var description: String {
        switch self {
        case .invalidSchema(let meta, let errors):
            let lines = errors.prefix(10).map {
                "  \($0.instanceLocation.isEmpty ? "(root)" : $0.instanceLocation.description): \($0.message)"
            }
            return "the schema is not valid against its metaschema \(meta):\n" + lines.joined(separator: "\n")
        case .invalidKeyword(let k, let loc, let reason): return "invalid \"\(k)\" at \(loc): \(reason)"
        case .unresolvedReference(let r, let loc): return "cannot resolve the reference \"\(r)\" at \(loc)"
        case .invalidRegex(let p, let loc, let reason):
            return "invalid regular expression \"\(p)\" at \(loc): \(reason)"
        case .unsupportedDialect(let uri):
            return "unsupported JSON Schema dialect \(uri) (only draft 2020-12 is supported)"
        case .unsupportedVocabulary(let uri, let meta):
            return "the metaschema \(meta) requires the unknown vocabulary \(uri)"
        case .infiniteLoop(let loc):
            return "the schema at \(loc) refers to itself without consuming any of the instance (infinite loop)"
        case .invalidJSON(let uri, let e): return "\(uri): invalid JSON: \(e)"
        }
    }
}
