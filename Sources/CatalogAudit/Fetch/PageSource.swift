import Foundation

/// A page as fetched: the final URL (after redirects), the bytes and the declared content type.
public struct FetchedPage: Sendable {
    public var url: URL
    public var data: Data
    /// The `Content-Type` header (nil from a mirror).
    public var contentType: String?

    public init(url: URL, data: Data, contentType: String?) {
        self.url = url
        self.data = data
        self.contentType = contentType
    }

    /// The charset of the `Content-Type` header, if it names one.
    public var charset: String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" { return kv[1] }
        }
        return nil
    }

    /// Whether the page is HTML: by the content type, or (from a mirror) by the bytes.
    public var isHTML: Bool {
        if let type = contentType?.lowercased() { return type.contains("html") }
        let head = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
            || head.contains("<body")
            || head.contains("<div") || head.contains("<meta")
    }
}

/// Why a page could not be had.
public enum FetchFailure: Error, Sendable, Hashable {
    case status(Int)
    case timeout
    case network(String)
    /// The site's robots.txt forbids the path to gkml.
    case robots
    /// A redirect to another host, which the audit does not follow.
    case offsiteRedirect(String)
    /// The overall budget (requests or time) was used up before this page.
    case budget
    /// The mirror folder has no file for the URL.
    case notInMirror(String)
}

/// Where pages come from: the live site over HTTP, or a saved mirror of it.
public protocol PageSource: Sendable {
    func fetch(_ url: URL) async -> Result<FetchedPage, FetchFailure>
}
