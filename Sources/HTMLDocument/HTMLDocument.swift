import CLibXML2
import Foundation

/// An HTML page parsed with libxml2's forgiving HTML parser into a tree of `HTMLElement`s.
///
/// Malformed markup (unclosed tags, stray end tags, bad nesting) is repaired as libxml2 does; the bytes are
/// decoded from the encoding the caller or the page declares (UTF-8 and GBK/GB2312/GB18030 in particular).
public struct HTMLDocument: Sendable {
    /// The root element (`html`; libxml2 adds it when the source has none).
    public let root: HTMLElement
    /// The encoding the bytes were decoded from, as passed to libxml2 (`UTF-8`, `GB18030`, …).
    public let encoding: String

    /// Parses `data`. `encoding` is a charset label from outside the page (an HTTP `Content-Type`), which wins
    /// over the page's own `<meta charset>`; without either, UTF-8 is assumed, and bytes that are not valid
    /// UTF-8 are read as GB18030 (the superset of GB2312 and GBK), the usual encoding of Chinese pages that
    /// forget to say.
    public init(data: Data, encoding hint: String? = nil) throws {
        let chosen = Self.chooseEncoding(data: data, hint: hint)
        Self.initialize
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        guard data.count < Int(Int32.max) else { throw HTMLDocumentError.tooLarge(bytes: data.count) }
        // libxml2 returns no document for empty input; an empty page is still a page.
        guard !data.isEmpty else {
            root = HTMLElement(name: "html")
            encoding = chosen
            return
        }
        let doc: htmlDocPtr? = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return nil }
            return htmlReadMemory(base, Int32(raw.count), nil, chosen, options)
        }
        guard let doc else { throw HTMLDocumentError.unparsable(encoding: chosen) }
        defer { xmlFreeDoc(doc) }
        var top: [HTMLNode] = []
        var child = doc.pointee.children
        while let node = child {
            if let converted = Self.convert(node) { top.append(converted) }
            child = node.pointee.next
        }
        let elements = top.compactMap { if case .element(let e) = $0 { e } else { nil } }
        if elements.count == 1, elements[0].name == "html" {
            root = elements[0]
        } else {
            root = HTMLElement(name: "html", children: top)
        }
        encoding = chosen
    }

    /// Parses a Swift string (already decoded).
    public init(string: String) throws {
        try self.init(data: Data(string.utf8), encoding: "UTF-8")
    }

    /// The `head` element, if the page has one.
    public var head: HTMLElement? { root.elementChildren.first { $0.name == "head" } }
    /// The `body` element, if the page has one.
    public var body: HTMLElement? { root.elementChildren.first { $0.name == "body" } }

    /// The normalized text of the first `title` element.
    public var title: String? { root.firstDescendant(named: "title")?.normalizedText }

    /// The `content` of the first `<meta name=…>` with this name (case-insensitive), as CMSs write
    /// `PubDate`, `ColumnName`, `ContentSource`.
    public func meta(_ name: String) -> String? {
        let key = name.lowercased()
        return root.descendants(named: "meta").first { ($0.attribute("name") ?? "").lowercased() == key }?
            .attribute("content")
    }

    /// Descendant elements of the whole document with this tag name.
    public func elements(named name: String) -> [HTMLElement] { root.descendants(named: name) }

    // MARK: - Encoding

    /// The encoding label passed to libxml2 for these bytes and this outside hint.
    static func chooseEncoding(data: Data, hint: String?) -> String {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let declared = hint.flatMap(canonicalEncoding) ?? declaredCharset(in: data).flatMap(canonicalEncoding)
        if let declared, declared != "UTF-8" { return declared }
        if String(data: data, encoding: .utf8) != nil { return "UTF-8" }
        // Declared UTF-8 (or nothing) but the bytes are not: Chinese sites that mislabel are GBK.
        return "GB18030"
    }

    /// Maps a charset label to the name given to libxml2 (which hands it to iconv).
    public static func canonicalEncoding(_ label: String) -> String? {
        let l = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
        switch l {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        // GB2312 and GBK pages routinely use characters outside the label; GB18030 decodes them all.
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "chinese",
            "gb_2312-80", "iso-ir-58":
            return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5"
        case "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252": return "WINDOWS-1252"
        default: return l.uppercased()
        }
    }

    /// The charset a page declares in a `<meta>` within its first 4096 bytes (the HTML prescan, simplified:
    /// `<meta charset=…>` and `<meta http-equiv=Content-Type content="…; charset=…">`).
    public static func declaredCharset(in data: Data) -> String? {
        let bytes = Array(data.prefix(4096))
        let lower = bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        let metaTag = Array("<meta".utf8), charsetKey = Array("charset".utf8)
        var i = 0
        while i + metaTag.count <= lower.count {
            guard Array(lower[i..<(i + metaTag.count)]) == metaTag else { i += 1; continue }
            let end = lower[i...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            var j = i
            while j + charsetKey.count <= end {
                if Array(lower[j..<(j + charsetKey.count)]) == charsetKey {
                    var k = j + charsetKey.count
                    while k < end, lower[k] == 0x20 { k += 1 }
                    guard k < end, lower[k] == UInt8(ascii: "=") else { j += 1; continue }
                    k += 1
                    while k < end, lower[k] == 0x20 || lower[k] == 0x22 || lower[k] == 0x27 { k += 1 }
                    var value: [UInt8] = []
                    while k < end, ![0x20, 0x22, 0x27, 0x3B, 0x2F, 0x3E].contains(lower[k]) {
                        value.append(lower[k]); k += 1
                    }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                }
                j += 1
            }
            i = end
        }
        return nil
    }

    // MARK: - Tree conversion

    /// libxml2 must be initialized once before threads parse concurrently.
    private static let initialize: Void = { xmlInitParser() }()

    private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = String(cString: node.pointee.name).lowercased()
            var attributes: [(name: String, value: String)] = []
            var attr = node.pointee.properties
            while let a = attr {
                attributes.append((String(cString: a.pointee.name).lowercased(), textContent(a.pointee.children)))
                attr = a.pointee.next
            }
            var children: [HTMLNode] = []
            var child = node.pointee.children
            while let c = child {
                if let converted = convert(c) { children.append(converted) }
                child = c.pointee.next
            }
            return .element(
                HTMLElement(
                    name: name, attributes: attributes, children: children,
                    line: Int(xmlGetLineNo(node))))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            return .text(String(cString: content))
        default:
            return nil  // comments, processing instructions, DTD
        }
    }

    /// The concatenated text of an attribute's value nodes.
    private static func textContent(_ first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if let content = n.pointee.content { out += String(cString: content) }
            node = n.pointee.next
        }
        return out
    }
}

/// Why a page could not be parsed at all (libxml2 recovers from malformed markup, so this is rare).
public enum HTMLDocumentError: Error, Equatable, CustomStringConvertible {
    case unparsable(encoding: String)
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .unparsable(let encoding): "libxml2 could not parse the page as HTML (encoding \(encoding))"
        case .tooLarge(let bytes): "the page is too large to parse (\(bytes) bytes)"
        }
    }
}
