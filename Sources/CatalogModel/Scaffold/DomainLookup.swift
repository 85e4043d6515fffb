extension DomainRegistry {
    /// How a user named a domain on the command line.
    public enum LookupMatch: Sendable, Hashable {
        case name
        case alias(String)
        case code
        case slug
    }

    /// A domain by canonical name, alias, code (`17`, also `7` for `07`) or slug (`employment`).
    public func lookup(_ text: String) -> (domain: Domain, match: LookupMatch)? {
        switch resolve(text) {
        case .canonical(let domain): return (domain, .name)
        case .alias(let alias, let domain): return (domain, .alias(alias))
        case .unknown: break
        }
        let code = text.count == 1 && text.first!.isNumber ? "0" + text : text.uppercased()
        if let domain = domains.first(where: { !$0.code.isEmpty && $0.code == code }) { return (domain, .code) }
        if let domain = domains.first(where: { $0.slug == text.lowercased() }) { return (domain, .slug) }
        return nil
    }
}
