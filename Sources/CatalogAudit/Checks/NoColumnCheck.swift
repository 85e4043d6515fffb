import CatalogModel

/// `audit-no-column`: a 主动 item published on the government website must say where (公开栏目).
enum NoColumnCheck {
    static func applies(to item: CatalogItem) -> Bool {
        item.mode.value == .proactive
            && item.channels.value.contains { $0.value == .standard(.governmentWebsite) }
            && (item.columns?.value.isEmpty ?? true)
    }
}
