// The generic evaluator. It is `@inlinable` so that client modules get a copy specialized for their
// instance type (a YAML node tree, say) instead of going through generic witness tables.
//
// One evaluator serves both paths: with `collecting == false` it answers valid/invalid and stops at the
// first failure without building any error; with `collecting == true` (only run after the fast path
// said "invalid") it records every error with its locations.

@usableFromInline
let maxEvaluationDepth = 400

@usableFromInline
struct Evaluator<I: JSONInstance> {
    @usableFromInline let storage: SchemaStorage
    @usableFromInline let nodes: [SchemaNode]
    @usableFromInline var collecting: Bool
    @usableFromInline var errors: [ValidationError] = []
    @usableFromInline var keywordPath: [String] = []
    @usableFromInline var instancePath: [String] = []
    /// The dynamic scope: schema resources entered, outermost first (only kept when needed).
    @usableFromInline var scope: [Int] = []
    @usableFromInline var depth = 0

    @usableFromInline let fastNodes: [FastNode]
    @usableFromInline let fastKeywords: [Keyword]
    @usableFromInline let tracksScope: Bool

    /// The fast path's memo of one object's member names (`findMemberNames`): whose they are (the members' storage and
    /// count), and per member its index in `SchemaStorage.memberNames` or -1 (the first `namedCount`).
    @usableFromInline var namedObject: UnsafeRawPointer?
    @usableFromInline var namedCount = 0
    @usableFromInline var nameIDs: [Int32] = []

    @inlinable
    init(storage: SchemaStorage, collecting: Bool) {
        self.storage = storage
        self.nodes = storage.nodes
        self.fastNodes = storage.fastNodes
        self.fastKeywords = storage.fastKeywords
        self.tracksScope = storage.tracksScope
        self.collecting = collecting
    }

    // MARK: Reporting

    @inlinable
    mutating func report(
        _ node: SchemaNode, _ keyword: String, _ detail: ValidationErrorDetail,
        branches: [[ValidationError]] = []
    ) {
        errors.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: instancePath),
                keywordLocation: JSONPointer(tokens: keywordPath + [keyword]),
                absoluteKeywordLocation: node.location + "/" + JSONPointer.escape(keyword),
                keyword: keyword, detail: detail, subschema: node.value, branches: branches))
    }

    @inlinable
    mutating func reportFalse(_ node: SchemaNode) {
        errors.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: instancePath),
                keywordLocation: JSONPointer(tokens: keywordPath),
                absoluteKeywordLocation: node.location,
                keyword: "false", detail: .falseSchema, subschema: node.value))
    }

    // MARK: Schemas

    /// Evaluates node `n` against `instance`; `ann` receives the evaluated properties/items when the
    /// caller collects annotations.
    @inlinable
    mutating func eval(_ n: Int, _ instance: I, _ ann: Annotations?) -> Bool {
        evalNode(n, instance, instance.jsonKind, ann)
    }

    /// Evaluates node `n` against an instance whose `jsonKind` the caller already has.
    @inlinable
    mutating func evalNode(_ n: Int, _ instance: I, _ kind: JSONInstanceKind<I>, _ ann: Annotations?) -> Bool {
        if !collecting { return evalFast(n, instance, kind, ann) }
        let node = nodes[n]
        if let b = node.boolean {
            if !b && collecting { reportFalse(node) }
            return b
        }
        if depth >= maxEvaluationDepth {
            if collecting { report(node, "$ref", .depthLimitExceeded) }
            return false
        }
        depth += 1
        var pushed = false
        if tracksScope && scope.last != node.resource {
            scope.append(node.resource)
            pushed = true
        }
        let local: Annotations? = node.collectsAnnotations ? Annotations() : ann
        var valid = true
        let keywords = collecting ? node.keywords : node.fastKeywords
        keywords.withUnsafeBufferPointer { buffer in
            // Keywords are read in place (no copy of their payloads).
            for i in buffer.indices {
                if !evalKeyword(buffer[i], n, instance, kind, local) {
                    valid = false
                    if !collecting { break }
                }
            }
        }
        if valid, node.collectsAnnotations, let ann, let local { ann.merge(local) }
        if pushed { scope.removeLast() }
        depth -= 1
        return valid
    }

    /// `evalNode` on the fast path: the node's facts are read from a flat array of plain values, and its
    /// keywords from one array for all nodes, so no schema node object is retained per evaluation.
    @inlinable
    mutating func evalFast(_ n: Int, _ instance: I, _ kind: JSONInstanceKind<I>, _ ann: Annotations?) -> Bool {
        let facts = fastNodes[n]
        if facts.boolean != FastNode.notBoolean { return facts.boolean == FastNode.isTrue }
        if facts.types != TypeSet.any && !instanceMatchesType(kind, facts.types) { return false }
        if depth >= maxEvaluationDepth { return false }
        depth += 1
        var pushed = false
        if tracksScope && scope.last != facts.resource {
            scope.append(facts.resource)
            pushed = true
        }
        let local: Annotations? = facts.collectsAnnotations ? Annotations() : ann
        var valid = true
        for i in facts.keywords where !evalKeyword(fastKeywords[i], n, instance, kind, local) {
            valid = false
            break
        }
        if valid, facts.collectsAnnotations, let ann, let local { ann.merge(local) }
        if pushed { scope.removeLast() }
        depth -= 1
        return valid
    }

    /// Evaluates a subschema at a keyword path (the path is only kept while collecting errors).
    @inlinable
    mutating func evalAt(_ n: Int, _ instance: I, _ kind: JSONInstanceKind<I>, _ ann: Annotations?, _ k1: String)
        -> Bool
    {
        if !collecting { return evalNode(n, instance, kind, ann) }
        keywordPath.append(k1)
        let ok = evalNode(n, instance, kind, ann)
        keywordPath.removeLast()
        return ok
    }

    @inlinable
    mutating func evalAt(
        _ n: Int, _ instance: I, _ kind: JSONInstanceKind<I>, _ ann: Annotations?, _ k1: String,
        _ k2: @autoclosure () -> String
    ) -> Bool {
        // `k2` is often an index made into a string: made only while collecting.
        if !collecting { return evalNode(n, instance, kind, ann) }
        keywordPath.append(k1)
        keywordPath.append(k2())
        let ok = evalNode(n, instance, kind, ann)
        keywordPath.removeLast(2)
        return ok
    }

    /// Evaluates a subschema against a child of the instance.
    @inlinable
    mutating func evalChild(
        _ n: Int, _ child: I, _ token: @autoclosure () -> String, _ k1: String, _ k2: @autoclosure () -> String?
    )
        -> Bool
    {
        // The paths are built only while collecting: on the fast path no token or key is even copied.
        if !collecting { return eval(n, child, nil) }
        instancePath.append(token())
        keywordPath.append(k1)
        let k2 = k2()
        if let k2 { keywordPath.append(k2) }
        let ok = eval(n, child, nil)
        keywordPath.removeLast(k2 == nil ? 1 : 2)
        instancePath.removeLast()
        return ok
    }

    /// Evaluates branches of anyOf/oneOf, returning each one's validity and (when collecting) errors.
    @inlinable
    mutating func evalBranch(
        _ n: Int, _ instance: I, _ kind: JSONInstanceKind<I>, _ ann: Annotations?, _ keyword: String, _ i: Int
    )
        -> (ok: Bool, errors: [ValidationError])
    {
        if !collecting { return (evalNode(n, instance, kind, ann), []) }
        let saved = errors
        errors = []
        keywordPath.append(keyword)
        keywordPath.append(String(i))
        let ok = evalNode(n, instance, kind, ann)
        keywordPath.removeLast(2)
        let branchErrors = errors
        errors = saved
        return (ok, branchErrors)
    }

    // MARK: Member names on the fast path

    /// Whether the memo holds these members' names.
    @inlinable @inline(__always)
    func namesKnown(_ address: UnsafeRawPointer, _ count: Int) -> Bool { address == namedObject && count == namedCount }

    /// Finds the members' names in `SchemaStorage.memberNames` (into `nameIDs`). An object's names are looked for by
    /// several keywords (an item's `properties`, its `elements`' `properties`, an `if`'s `required`); the memo holds
    /// one object, the last one asked about.
    @inlinable
    mutating func findMemberNames(_ members: I.Members, _ address: UnsafeRawPointer) {
        let count = members.count
        namedObject = address
        namedCount = count
        // Written in place: the array only grows (no append's uniqueness check and count per member).
        if nameIDs.count < count { nameIDs = [Int32](repeating: -1, count: Swift.max(count, 2 * nameIDs.count, 16)) }
        let names = storage.memberNames
        nameIDs.withUnsafeMutableBufferPointer { ids in
            for i in 0..<count { ids[i] = Int32(names.index(of: members.key(at: i)) ?? -1) }
        }
    }

    /// `properties` on the fast path with the members' names from the memo: the same checks in the same order as
    /// the general case, without a lookup of each name in this keyword's own table.
    @inlinable
    mutating func propertiesByName(
        _ spec: PropertiesSpec, _ members: I.Members, _ address: UnsafeRawPointer, _ ann: Annotations?
    ) -> Bool {
        var requiredFound: UInt64 = 0
        for i in 0..<members.count {
            // A member's subschema may have asked about another object: find this one's names again then.
            if !namesKnown(address, members.count) { findMemberNames(members, address) }
            let id = Int(nameIDs[i])
            let index = id < 0 ? -1 : Int(spec.nameIndex[id])
            var matched = false
            if index >= 0 {
                let bit = spec.requiredBits[index]
                if bit >= 0 { requiredFound |= 1 &<< UInt64(bit) }
                let t = spec.nodes[index]
                if t >= 0 {
                    matched = true
                    if !eval(t, members[valueAt: i], nil) { return false }
                } else if t == PropertiesSpec.alwaysValid {
                    matched = true
                }
            }
            if !spec.patterns.isEmpty {
                let key = members.key(at: i)
                for p in spec.patterns where p.regex.matches(key) {
                    matched = true
                    if !eval(p.node, members[valueAt: i], nil) { return false }
                }
            }
            if !matched, let additional = spec.additional {
                if spec.additionalIsFalse || !eval(additional, members[valueAt: i], nil) { return false }
                matched = true
            }
            if matched, let ann, !ann.allProperties { ann.properties.insert(StringKey(members.key(at: i))) }
        }
        return spec.requiredCount == 0 || requiredFound.nonzeroBitCount == spec.requiredCount
    }

    /// `required` on the fast path with the members' names from the memo (which holds this object's).
    @inlinable
    func hasAllByName(_ spec: RequiredSpec) -> Bool {
        let wanted = spec.table.keys.count
        let ids = nameIDs.prefix(namedCount)
        guard wanted <= 64 else {
            var found = Set<Int32>()
            for id in ids where id >= 0 && spec.nameIndex[Int(id)] >= 0 { found.insert(spec.nameIndex[Int(id)]) }
            return found.count == wanted
        }
        var found: UInt64 = 0
        for id in ids where id >= 0 {
            let k = spec.nameIndex[Int(id)]
            if k >= 0 { found |= 1 &<< UInt64(k) }
        }
        return found.nonzeroBitCount == wanted
    }

    // MARK: Keywords

    @inlinable
    mutating func evalKeyword(
        _ keyword: Keyword, _ nodeIndex: Int, _ instance: I, _ kind: JSONInstanceKind<I>,
        _ ann: Annotations?
    ) -> Bool {
        // The schema node is only needed for errors: read it then, not on every keyword of the fast path.
        var node: SchemaNode { nodes[nodeIndex] }
        switch keyword {
        case .ref(let target):
            return evalAt(target, instance, kind, ann, "$ref")

        case .dynamicRef(let target, let anchor):
            var t = target
            if let anchor {
                for r in scope {
                    if let d = storage.dynamicAnchors[r][anchor] { t = d; break }
                }
            }
            return evalAt(t, instance, kind, ann, "$dynamicRef")

        case .type(let spec):
            if instanceMatchesType(kind, spec.set) { return true }
            if collecting { report(node, "type", .type(expected: spec.names, actual: typeName(kind))) }
            return false

        case .enumeration(let spec):
            if case .string(let s) = kind {
                if spec.strings.contains(s) { return true }
                if spec.onlyStrings {
                    if collecting { report(node, "enum", .enumeration(allowed: spec.values)) }
                    return false
                }
            }
            for v in spec.values where instanceEquals(instance, v) { return true }
            if collecting { report(node, "enum", .enumeration(allowed: spec.values)) }
            return false

        case .const(let v):
            if instanceEquals(instance, v) { return true }
            if collecting { report(node, "const", .const(expected: v)) }
            return false

        case .multipleOf(let divisor):
            guard case .number(let n) = kind else { return true }
            if isMultiple(n, of: divisor) { return true }
            if collecting { report(node, "multipleOf", .multipleOf(divisor: divisor, actual: n)) }
            return false

        case .maximum(let limit):
            guard case .number(let n) = kind else { return true }
            let c = n.compare(limit)
            if c == -1 || c == 0 { return true }
            if collecting { report(node, "maximum", .maximum(limit: limit, actual: n)) }
            return false

        case .exclusiveMaximum(let limit):
            guard case .number(let n) = kind else { return true }
            if n.compare(limit) == -1 { return true }
            if collecting { report(node, "exclusiveMaximum", .exclusiveMaximum(limit: limit, actual: n)) }
            return false

        case .minimum(let limit):
            guard case .number(let n) = kind else { return true }
            let c = n.compare(limit)
            if c == 1 || c == 0 { return true }
            if collecting { report(node, "minimum", .minimum(limit: limit, actual: n)) }
            return false

        case .exclusiveMinimum(let limit):
            guard case .number(let n) = kind else { return true }
            if n.compare(limit) == 1 { return true }
            if collecting { report(node, "exclusiveMinimum", .exclusiveMinimum(limit: limit, actual: n)) }
            return false

        case .maxLength(let limit):
            guard case .string(let s) = kind else { return true }
            // A scalar takes 1 to 4 UTF-8 bytes: decide from the byte count when it is conclusive.
            let bytes = s.utf8.count
            if bytes <= limit { return true }
            if !collecting && bytes / 4 > limit { return false }
            let length = s.unicodeScalars.count
            if length <= limit { return true }
            if collecting { report(node, "maxLength", .maxLength(limit: limit, actual: length)) }
            return false

        case .minLength(let limit):
            guard case .string(let s) = kind else { return true }
            let bytes = s.utf8.count
            if bytes / 4 >= limit { return true }
            if !collecting && bytes < limit { return false }
            let length = s.unicodeScalars.count
            if length >= limit { return true }
            if collecting { report(node, "minLength", .minLength(limit: limit, actual: length)) }
            return false

        case .pattern(let regex):
            guard case .string(let s) = kind else { return true }
            if regex.matches(s) { return true }
            if collecting { report(node, "pattern", .pattern(pattern: regex.source, actual: s)) }
            return false

        case .format(let checker):
            guard case .string(let s) = kind else { return true }
            if checker.check(s) { return true }
            if collecting { report(node, "format", .format(format: checker.name, actual: s)) }
            return false

        case .maxItems(let limit):
            guard case .array(let a) = kind else { return true }
            if a.count <= limit { return true }
            if collecting { report(node, "maxItems", .maxItems(limit: limit, actual: a.count)) }
            return false

        case .minItems(let limit):
            guard case .array(let a) = kind else { return true }
            if a.count >= limit { return true }
            if collecting { report(node, "minItems", .minItems(limit: limit, actual: a.count)) }
            return false

        case .uniqueItems:
            guard case .array(let a) = kind else { return true }
            guard let dup = firstDuplicate(a) else { return true }
            if collecting { report(node, "uniqueItems", .uniqueItems(duplicates: [dup.0, dup.1])) }
            return false

        case .contains(let spec):
            guard case .array(let a) = kind else { return true }
            var matches = 0
            let saved = collecting
            collecting = false
            for i in 0..<a.count {
                if eval(spec.node, a[itemAt: i], nil) {
                    matches += 1
                    if let ann { ann.items.insert(i) } else if spec.max == nil && matches >= spec.min { break }
                    if let max = spec.max, matches > max, ann == nil { break }
                }
            }
            collecting = saved
            if matches >= spec.min, spec.max.map({ matches <= $0 }) ?? true { return true }
            if collecting {
                let kw =
                    matches < spec.min
                    ? (spec.min == 1 && node.value["minContains"] == nil ? "contains" : "minContains") : "maxContains"
                report(node, kw, .contains(minContains: spec.min, maxContains: spec.max, matches: matches))
            }
            return false

        case .items(let spec):
            guard case .array(let a) = kind else { return true }
            var valid = true
            let prefixCount = Swift.min(a.count, spec.prefix.count)
            for i in 0..<prefixCount {
                if !evalChild(spec.prefix[i], a[itemAt: i], String(i), "prefixItems", String(i)) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if let ann, prefixCount > ann.itemPrefix { ann.itemPrefix = prefixCount }
            if let items = spec.items, a.count > spec.prefix.count {
                if spec.itemsIsFalse {
                    if collecting {
                        report(node, "items", .additionalItems(unexpected: Array(spec.prefix.count..<a.count)))
                    }
                    return false
                }
                for i in spec.prefix.count..<a.count {
                    if !evalChild(items, a[itemAt: i], String(i), "items", nil) {
                        valid = false
                        if !collecting { return false }
                    }
                }
                ann?.allItems = true
            }
            return valid

        case .properties(let spec):
            guard case .object(let members) = kind else { return true }
            if !collecting, !spec.nameIndex.isEmpty, let address = members.storageAddress {
                return propertiesByName(spec, members, address, ann)
            }
            var valid = true
            var unexpected: [String] = []
            var requiredFound: UInt64 = 0
            for i in 0..<members.count {
                var matched = false
                let key = members.key(at: i)
                if let index = spec.names.index(of: key) {
                    let bit = spec.requiredBits[index]
                    if bit >= 0 { requiredFound |= 1 &<< UInt64(bit) }
                    let t = spec.nodes[index]
                    if t >= 0 {
                        matched = true
                        if !evalChild(t, members[valueAt: i], key, "properties", key) {
                            valid = false
                            if !collecting { return false }
                        }
                    } else if t == PropertiesSpec.alwaysValid {
                        matched = true
                    }
                }
                if !spec.patterns.isEmpty {
                    for p in spec.patterns where p.regex.matches(key) {
                        matched = true
                        if !evalChild(p.node, members[valueAt: i], key, "patternProperties", p.regex.source) {
                            valid = false
                            if !collecting { return false }
                        }
                    }
                }
                if !matched, let additional = spec.additional {
                    if spec.additionalIsFalse {
                        valid = false
                        if !collecting { return false }
                        unexpected.append(key)
                    } else if !evalChild(additional, members[valueAt: i], key, "additionalProperties", nil) {
                        valid = false
                        if !collecting { return false }
                    }
                    matched = true
                }
                if matched, let ann, !ann.allProperties { ann.properties.insert(StringKey(key)) }
            }
            // The fast path checks a merged `required` here; the full path reports it separately.
            if !collecting && spec.requiredCount > 0 && requiredFound.nonzeroBitCount != spec.requiredCount {
                return false
            }
            if !unexpected.isEmpty {
                report(node, "additionalProperties", .additionalProperties(unexpected: unexpected))
            }
            return valid

        case .propertyNames(let target):
            guard case .object(let members) = kind else { return true }
            var valid = true
            for i in 0..<members.count {
                let key = members.key(at: i)
                var sub = Evaluator<JSONValue>(storage: storage, collecting: collecting)
                sub.scope = scope
                sub.depth = depth
                if collecting {
                    sub.instancePath = instancePath
                    sub.keywordPath = keywordPath + ["propertyNames"]
                }
                if !sub.eval(target, .string(key), nil) {
                    valid = false
                    if !collecting { return false }
                    report(node, "propertyNames", .propertyName(name: key), branches: [sub.errors])
                }
            }
            return valid

        case .required(let spec):
            guard case .object(let members) = kind else { return true }
            if !collecting {
                // The names by the memo when another keyword found them for this object already (an item's
                // `properties` before its `then: required`); else by the table, which is cheaper for one pass.
                if !spec.nameIndex.isEmpty, let address = members.storageAddress, namesKnown(address, members.count) {
                    return hasAllByName(spec)
                }
                return hasAll(members, spec.table)
            }
            var missing: [String] = []
            for name in spec.names where !members.containsKey(name) { missing.append(name) }
            if missing.isEmpty { return true }
            report(node, "required", .required(missing: missing))
            return false

        case .dependentRequired(let deps):
            guard case .object(let members) = kind else { return true }
            var valid = true
            for dep in deps where members.containsKey(dep.property) {
                var missing: [String] = []
                for name in dep.required where !members.containsKey(name) {
                    if !collecting { return false }
                    missing.append(name)
                }
                if !missing.isEmpty {
                    valid = false
                    report(node, "dependentRequired", .dependentRequired(property: dep.property, missing: missing))
                }
            }
            return valid

        case .maxProperties(let limit):
            guard case .object(let members) = kind else { return true }
            if members.count <= limit { return true }
            if collecting { report(node, "maxProperties", .maxProperties(limit: limit, actual: members.count)) }
            return false

        case .minProperties(let limit):
            guard case .object(let members) = kind else { return true }
            if members.count >= limit { return true }
            if collecting { report(node, "minProperties", .minProperties(limit: limit, actual: members.count)) }
            return false

        case .dependentSchemas(let deps):
            guard case .object(let members) = kind else { return true }
            var valid = true
            for dep in deps where members.containsKey(dep.property) {
                if !evalAt(dep.node, instance, kind, ann, "dependentSchemas", dep.property) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .allOf(let branches):
            var valid = true
            for (i, b) in branches.enumerated() {
                if !evalAt(b, instance, kind, ann, "allOf", String(i)) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .anyOf(let branches):
            var any = false
            var branchErrors: [[ValidationError]] = []
            for (i, b) in branches.enumerated() {
                let a: Annotations? = ann == nil ? nil : Annotations()
                let r = evalBranch(b, instance, kind, a, "anyOf", i)
                if r.ok {
                    any = true
                    guard let ann, let a else { return true }
                    ann.merge(a)
                } else if collecting {
                    branchErrors.append(r.errors)
                }
            }
            if any { return true }
            if collecting { report(node, "anyOf", .anyOf, branches: branchErrors) }
            return false

        case .oneOf(let branches):
            var matching: [Int] = []
            var branchErrors: [[ValidationError]] = []
            var matchedAnnotations: Annotations?
            for (i, b) in branches.enumerated() {
                let a: Annotations? = ann == nil ? nil : Annotations()
                let r = evalBranch(b, instance, kind, a, "oneOf", i)
                if r.ok {
                    matching.append(i)
                    matchedAnnotations = a
                    if matching.count > 1 && !collecting { return false }
                }
                if collecting { branchErrors.append(r.errors) }
            }
            if matching.count == 1 {
                if let ann, let matchedAnnotations { ann.merge(matchedAnnotations) }
                return true
            }
            if collecting {
                report(node, "oneOf", .oneOf(matching: matching), branches: matching.isEmpty ? branchErrors : [])
            }
            return false

        case .not(let target):
            let saved = collecting
            collecting = false
            let ok = evalNode(target, instance, kind, nil)
            collecting = saved
            if !ok { return true }
            if collecting { report(node, "not", .not) }
            return false

        case .conditional(let spec):
            if spec.then == nil && spec.otherwise == nil && ann == nil { return true }
            let saved = collecting
            collecting = false
            let a: Annotations? = ann == nil ? nil : Annotations()
            let cond = evalNode(spec.condition, instance, kind, a)
            collecting = saved
            if cond {
                if let ann, let a { ann.merge(a) }
                if let then = spec.then { return evalAt(then, instance, kind, ann, "then") }
            } else if let otherwise = spec.otherwise {
                return evalAt(otherwise, instance, kind, ann, "else")
            }
            return true

        case .unevaluatedItems(let target, let isFalse):
            guard case .array(let a) = kind, let ann else { return true }
            if ann.allItems { return true }
            var valid = true
            var unexpected: [Int] = []
            for i in ann.itemPrefix..<Swift.max(a.count, ann.itemPrefix) where !ann.items.contains(i) {
                if isFalse {
                    if !collecting { return false }
                    unexpected.append(i)
                    valid = false
                } else if !evalChild(target, a[itemAt: i], String(i), "unevaluatedItems", nil) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if !unexpected.isEmpty { report(node, "unevaluatedItems", .unevaluatedItems(unexpected: unexpected)) }
            if valid { ann.allItems = true }
            return valid

        case .unevaluatedProperties(let target, let isFalse):
            guard case .object(let members) = kind, let ann else { return true }
            if ann.allProperties { return true }
            var valid = true
            var unexpected: [String] = []
            for i in 0..<members.count {
                let key = members.key(at: i)
                if ann.properties.contains(StringKey(key)) { continue }
                if isFalse {
                    if !collecting { return false }
                    unexpected.append(key)
                    valid = false
                } else if !evalChild(target, members[valueAt: i], key, "unevaluatedProperties", nil) {
                    valid = false
                    if !collecting { return false }
                }
            }
            if !unexpected.isEmpty {
                report(node, "unevaluatedProperties", .unevaluatedProperties(unexpected: unexpected))
            }
            if valid { ann.allProperties = true }
            return valid
        }
    }
}

// MARK: - Helpers over instances

@inlinable @inline(__always)
func instanceMatchesType<I>(_ kind: JSONInstanceKind<I>, _ set: TypeSet) -> Bool {
    switch kind {
    case .null: return set.contains(.null)
    case .bool: return set.contains(.boolean)
    case .string: return set.contains(.string)
    case .array: return set.contains(.array)
    case .object: return set.contains(.object)
    case .number(let n):
        if set.contains(.number) { return true }
        return set.contains(.integer) && n.isInteger
    }
}

@inlinable
func typeName<I>(_ kind: JSONInstanceKind<I>) -> String {
    switch kind {
    case .null: return "null"
    case .bool: return "boolean"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    case .number(let n): return n.isInteger ? "integer" : "number"
    }
}

/// JSON Schema equality between an instance and a JSON value.
@inlinable
func instanceEquals<I: JSONInstance>(_ instance: I, _ value: JSONValue) -> Bool {
    switch (instance.jsonKind, value) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a.isEqual(to: b)
    case (.string(let a), .string(let b)): return sameString(a, b)
    case (.array(let a), .array(let b)):
        guard a.count == b.count else { return false }
        for i in 0..<a.count where !instanceEquals(a[itemAt: i], b[i]) { return false }
        return true
    case (.object(let a), .object(let b)):
        guard a.count == b.count else { return false }
        for i in 0..<a.count {
            guard let other = b[a.key(at: i)], instanceEquals(a.value(at: i), other) else { return false }
        }
        return true
    default: return false
    }
}

/// JSON Schema equality between two instances.
@inlinable
func instancesEqual<I: JSONInstance>(_ x: I, _ y: I) -> Bool {
    switch (x.jsonKind, y.jsonKind) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a.isEqual(to: b)
    case (.string(let a), .string(let b)): return sameString(a, b)
    case (.array(let a), .array(let b)):
        guard a.count == b.count else { return false }
        for i in 0..<a.count where !instancesEqual(a[itemAt: i], b[itemAt: i]) { return false }
        return true
    case (.object(let a), .object(let b)):
        guard a.count == b.count else { return false }
        for i in 0..<a.count {
            guard let j = b.firstIndex(ofKey: a.key(at: i)), instancesEqual(a.value(at: i), b.value(at: j)) else {
                return false
            }
        }
        return true
    default: return false
    }
}

/// Whether the object has a member named by each key of `names` (the fast path of `required`).
@inlinable
func hasAll<M: JSONObjectMembers>(_ members: M, _ names: StringTable) -> Bool {
    let wanted = names.keys.count
    if wanted == 1 {
        for i in 0..<members.count where names.key(0, is: members.key(at: i)) { return true }
        return false
    }
    guard wanted <= 64 else { return names.keys.allSatisfy { members.containsKey($0) } }
    var found: UInt64 = 0
    for i in 0..<members.count {
        if let k = names.index(of: members.key(at: i)) { found |= 1 &<< UInt64(k) }
    }
    return found.nonzeroBitCount == wanted
}

/// The indices of the first two equal items, if any.
@inlinable
func firstDuplicate<Items: JSONArrayItems>(_ items: Items) -> (Int, Int)? where Items.Value: JSONInstance {
    if items.count <= 16 {
        for i in 0..<items.count {
            for j in (i + 1)..<items.count where instancesEqual(items[itemAt: i], items[itemAt: j]) { return (i, j) }
        }
        return nil
    }
    var seen: [JSONValue: Int] = [:]
    for j in 0..<items.count {
        let v = JSONValue(items[itemAt: j])
        if let i = seen[v] { return (i, j) }
        seen[v] = j
    }
    return nil
}

/// Whether `n` is an integer multiple of `divisor`.
@usableFromInline
func isMultiple(_ n: JSONNumber, of divisor: JSONNumber) -> Bool {
    if case .int(let a) = n, case .int(let b) = divisor {
        return a % b == 0
    }
    let x = n.doubleValue
    let d = divisor.doubleValue
    guard x.isFinite, d.isFinite, d > 0 else { return false }
    if x == 0 { return true }
    let q = x / d
    if !q.isFinite {
        // Overflow: fall back to the (exact) floating-point remainder.
        return x.truncatingRemainder(dividingBy: d) == 0
    }
    let r = q.rounded()
    return abs(q - r) <= Swift.max(q.ulp, 1.0.ulp) * 4
}
