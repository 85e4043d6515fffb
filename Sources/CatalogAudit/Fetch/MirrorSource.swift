import CatalogModel
import Foundation
import YAMLTree

/// A saved copy of the site in `wget -m` layout: `DIR/host[:port]/path`, `index.html` for a path ending in
/// `/`, the query kept in the file name (`index.html?page=2`), `.html` possibly appended (`wget -E`).
/// robots.txt in the copy is honoured as on the live site, so both give the same result.
public struct MirrorSource: PageSource {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func fetch(_ url: URL) async -> Result<FetchedPage, FetchFailure> {
        let rules = robots(for: url)
        guard rules.allows(HTTPSource.pathAndQuery(url)) else { return .failure(.robots) }
        for candidate in files(for: url) {
            if let bytes = read(candidate.path) {
                return .success(FetchedPage(url: url, data: Data(bytes), contentType: nil))
            }
        }
        return .failure(.notInMirror(files(for: url).first?.path ?? url.absoluteString))
    }

    /// The files that may hold `url`, most likely first.
    func files(for url: URL) -> [URL] {
        let hostFolder = (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
        // URLComponents keeps the trailing slash that URL.path drops.
        var path = URLComponents(url: url, resolvingAgainstBaseURL: true)?.path ?? url.path
        if path.isEmpty { path = "/" }
        if path.hasSuffix("/") { path += "index.html" }
        let base = root.appendingPathComponent(hostFolder)
        let query = url.query.map { "?" + $0 } ?? ""
        let file = base.appendingPathComponent(String(path.dropFirst()) + query)
        var candidates = [file]
        if !file.lastPathComponent.hasSuffix(".html") {
            candidates.append(base.appendingPathComponent(String(path.dropFirst()) + query + ".html"))
        }
        if query.isEmpty, !path.hasSuffix("index.html") {
            candidates.append(
                base.appendingPathComponent(String(path.dropFirst())).appendingPathComponent("index.html"))
        }
        return candidates
    }

    func robots(for url: URL) -> RobotsRules {
        let hostFolder = (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")
        let file = root.appendingPathComponent(hostFolder).appendingPathComponent("robots.txt")
        guard let data = read(file.path) else { return .allowAll }
        return RobotsRules(text: String(decoding: data, as: UTF8.self), agent: "gkml")
    }

    /// A file of the copy: a regular file, or a link to one inside the copy (docs/hostile-files.md); never a
    /// FIFO or device (which could block or never end) and nothing outside the copy.
    func read(_ path: String) -> [UInt8]? {
        switch FileEntry.kind(of: path) {
        case .regular: break
        case .linkToFile(let real):
            guard let top = FileEntry.realPath(root.path), FileEntry.isInside(real, root: top) else { return nil }
        default: return nil
        }
        if let top = FileEntry.realPath(root.path), let real = FileEntry.realPath(path),
            !FileEntry.isInside(real, root: top)
        {
            return nil
        }
        return try? FileReader.read(path, maxSize: Self.maxPageSize).get()
    }

    /// Pages larger than this are not read.
    static let maxPageSize = 64 << 20
}
