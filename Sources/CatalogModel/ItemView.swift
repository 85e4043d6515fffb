import Diagnostics

/// One item as it is published: every element with 默认 applied, each value marked with where it is written
/// (in the item, or in 默认). A clerk reading an item in the file sees only the elements it overrides; this
/// is the whole row (`gkml show`).
public struct ItemView: Sendable {
    /// Where a value is written.
    public enum Source: String, Sendable {
        case item
        case defaults = "默认"
    }

    /// One element of the item.
    public struct Element: Sendable {
        public var key: String
        /// One entry for a text, several for a list.
        public var values: [String]
        public var isList: Bool
        public var source: Source
        public var line: Int
    }

    public var id: String
    public var group: String
    public var line: Int
    public var elements: [Element]

    public init(_ item: CatalogItem) {
        id = item.id.value
        group = item.group.value
        line = item.position.line
        func text(_ key: CatalogElement, _ value: Located<String>) -> Element {
            Element(
                key: key.rawValue, values: [value.value], isList: false, source: value.inherited ? .defaults : .item,
                line: value.position.line)
        }
        func list(_ key: CatalogElement, _ value: Located<[Located<String>]>) -> Element {
            Element(
                key: key.rawValue, values: value.value.map(\.value), isList: true,
                source: value.inherited ? .defaults : .item, line: value.position.line)
        }
        var elements = [
            text(.name, item.name), text(.content, item.content), list(.basis, item.basis),
            text(.timeLimit, item.timeLimit), list(.bodies, item.bodies),
            list(
                .channels,
                Located(
                    item.channels.value.map { Located($0.value.text, at: $0.position) },
                    at: item.channels.position, inherited: item.channels.inherited)),
            text(
                .audience,
                Located(item.audience.value.rawValue, at: item.audience.position, inherited: item.audience.inherited)),
            text(.mode, Located(item.mode.value.rawValue, at: item.mode.position, inherited: item.mode.inherited)),
            list(
                .levels,
                Located(
                    item.levels.value.map { Located($0.value.rawValue, at: $0.position) },
                    at: item.levels.position, inherited: item.levels.inherited)),
        ]
        if let reason = item.reasonNotProactive { elements.append(text(.reasonNotProactive, reason)) }
        if let remark = item.remark { elements.append(text(.remark, remark)) }
        self.elements = elements
    }

    /// The items of a catalog, all or those with the given 编号 (in the order asked). Unknown numbers are
    /// returned separately, each with a did-you-mean when one is close.
    public static func select(_ catalog: Catalog, ids: [String]) -> (
        views: [ItemView], unknown: [(id: String, suggestion: String?)]
    ) {
        let items = catalog.items
        guard !ids.isEmpty else { return (items.map(ItemView.init), []) }
        var views: [ItemView] = []
        var unknown: [(id: String, suggestion: String?)] = []
        for id in ids {
            if let item = items.first(where: { $0.id.value == id }) {
                views.append(ItemView(item))
            } else {
                unknown.append((id, Suggestion.closest(to: id, among: items.map(\.id.value))))
            }
        }
        return (views, unknown)
    }

    // MARK: Output

    /// Text: the item, then one line per element with its source at the end.
    public static func text(_ views: [ItemView], file: String, language: Language) -> String {
        let zh = language == .zh
        var out = ""
        for view in views {
            out += "\(view.id)  \(view.elements.first { $0.key == CatalogElement.name.rawValue }?.values.first ?? "")"
            out +=
                zh ? "（一级事项：\(view.group)）  \(file):\(view.line)\n" : "  (group: \(view.group))  \(file):\(view.line)\n"
            let width = view.elements.map { DisplayWidth.of($0.key) }.max() ?? 0
            for element in view.elements where element.key != CatalogElement.name.rawValue {
                let pad = String(repeating: " ", count: width - DisplayWidth.of(element.key))
                let source =
                    switch (element.source, zh) {
                    case (.item, true): "［事项 第 \(element.line) 行］"
                    case (.defaults, true): "［默认 第 \(element.line) 行］"
                    case (.item, false): "[item, line \(element.line)]"
                    case (.defaults, false): "[默认 (defaults), line \(element.line)]"
                    }
                let value =
                    element.isList ? element.values.joined(separator: zh ? "、" : ", ") : (element.values.first ?? "")
                out += "  \(element.key)\(pad)  \(value)  \(source)\n"
            }
            out += "\n"
        }
        let inherited = views.flatMap(\.elements).contains { $0.source == .defaults }
        if inherited {
            out +=
                zh
                ? "标［默认］的要素写在文件开头的「默认」中，对所有没有自己填写该要素的事项都适用；只改一个事项，请在该事项中写上这个要素。\n"
                : "Elements marked [默认] come from the 默认 block at the top of the file and apply to every item that does not set them; to change one item only, set the element in that item.\n"
        }
        return out
    }

    /// JSON: `{"file", "items": [{"编号", "一级事项", "line", "elements": [{"key", "value", "source", "line"}]}]}`.
    public static func json(_ views: [ItemView], file: String) -> JSONOutput {
        .object([
            ("file", .string(file)),
            (
                "items",
                .array(
                    views.map { view in
                        .object([
                            ("编号", .string(view.id)),
                            ("一级事项", .string(view.group)),
                            ("line", .int(view.line)),
                            (
                                "elements",
                                .array(
                                    view.elements.map { element in
                                        .object([
                                            ("key", .string(element.key)),
                                            (
                                                "value",
                                                element.isList
                                                    ? .array(element.values.map { .string($0) })
                                                    : .string(element.values.first ?? "")
                                            ),
                                            ("source", .string(element.source.rawValue)),
                                            ("line", .int(element.line)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}
