import Foundation
import ZIPFoundation

/// The ZIP container of xlsx and docx files, made with ZIPFoundation in memory. Deterministic: entries in the
/// order given, every entry dated 2000-01-01 00:00:00 (ZIP stores no time zone; ZIPFoundation converts in UTC),
/// fixed permissions, deflate at zlib's default level.
enum ZipContainer {
    /// 2000-01-01T00:00:00Z.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    static func make(_ entries: [(path: String, text: String)]) throws -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw RenderError("无法创建压缩包：\(error)")
        }
        for entry in entries {
            let data = Data(entry.text.utf8)
            do {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
                )
            } catch {
                throw RenderError("无法写入压缩包条目 \(entry.path)：\(error)")
            }
        }
        guard let bytes = archive.data else { throw RenderError("无法生成压缩包") }
        return [UInt8](bytes)
    }
}
