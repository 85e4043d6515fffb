/// A node of a parsed HTML document: an element or a run of text.
public enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)
}

/// An HTML element with its lower-case name, attributes in source order, children and source line.
public struct HTMLElement: Sendable, Equatable {
    /// Lower-case tag name (`td`, `a`, `meta`).
    public let name: String
    /// Attributes in source order; names are lower-case, values have entities decoded.
    public let attributes: [(name: String, value: String)]
    public let children: [HTMLNode]
    /// 1-based line of the start tag in the source (0 when libxml2 did not record one).
    public let line: Int

    public init(
        name: String, attributes: [(name: String, value: String)] = [], children: [HTMLNode] = [], line: Int = 0
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public static func == (lhs: HTMLElement, rhs: HTMLElement) -> Bool {
        lhs.name == rhs.name && lhs.line == rhs.line && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    /// The value of the first attribute with this name (case-insensitive), if any.
    public func attribute(_ name: String) -> String? {
        let key = name.lowercased()
        return attributes.first { $0.name == key }?.value
    }

    /// `rowspan` as a positive count; missing, malformed or zero values count as 1 (as browsers do), capped at 1000.
    public var rowspan: Int { Self.span(attribute("rowspan"), cap: 1000) }
    /// `colspan` as a positive count; missing, malformed or zero values count as 1, capped at 1000 (HTML's limit).
    public var colspan: Int { Self.span(attribute("colspan"), cap: 1000) }

    private static func span(_ value: String?, cap: Int) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), n > 0 else { return 1 }
        return min(n, cap)
    }

    /// Child elements, skipping text.
    public var elementChildren: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The text content as a browser would copy it, roughly: text of all descendants in order, `<br>` as a
    /// line break, the content of `script`, `style` and `template` left out. Whitespace is kept as written.
    public var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    /// `text` with every run of whitespace (including no-break and ideographic spaces) collapsed to one space
    /// and trimmed at both ends.
    public var normalizedText: String { HTMLText.normalize(text) }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let s): out += s
            case .element(let e):
                if e.name == "br" { out += "\n"; continue }
                if HTMLText.hiddenElements.contains(e.name) { continue }
                e.appendText(to: &out)
            }
        }
    }

    /// All descendant elements in document order (not including self).
    public var descendants: [HTMLElement] {
        var out: [HTMLElement] = []
        collect(into: &out) { _ in true }
        return out
    }

    /// Descendant elements with this tag name, in document order.
    public func descendants(named name: String) -> [HTMLElement] {
        let key = name.lowercased()
        var out: [HTMLElement] = []
        collect(into: &out) { $0.name == key }
        return out
    }

    /// Descendant elements that satisfy the predicate, in document order.
    public func descendants(where predicate: (HTMLElement) -> Bool) -> [HTMLElement] {
        var out: [HTMLElement] = []
        collect(into: &out, predicate)
        return out
    }

    /// The first descendant with this tag name, in document order.
    public func firstDescendant(named name: String) -> HTMLElement? {
        descendants(named: name).first
    }

    private func collect(into out: inout [HTMLElement], _ predicate: (HTMLElement) -> Bool) {
        for case .element(let e) in children {
            if predicate(e) { out.append(e) }
            e.collect(into: &out, predicate)
        }
    }

    /// The class names in the `class` attribute.
    public var classNames: [String] {
        (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
}

/// Text helpers shared by the element accessors.
public enum HTMLText {
    /// Elements whose content is not visible text.
    static let hiddenElements: Set<String> = ["script", "style", "template", "noscript"]

    /// Collapses runs of whitespace (Unicode, including U+00A0 and U+3000) to one space and trims.
    public static func normalize(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{3000}" || scalar == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
