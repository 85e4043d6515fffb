import Foundation
import ZIPFoundation

/// The ZIP container of xlsx and docx files, made with ZIPFoundation in memory or in a file. Deterministic:
/// entries in the order given, every entry dated 2000-01-01 00:00:00 (ZIP stores no time zone; ZIPFoundation
/// converts in UTC), fixed permissions, deflate at zlib's default level.
enum ZipContainer {
    /// 2000-01-01T00:00:00Z.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// An entry's content: a text, UTF-8 bytes, or a file read in chunks (so a large part is never held whole).
    enum Entry {
        case text(String, String)
        case bytes(String, [UInt8])
        case file(String, URL)
    }

    static func make(_ entries: [(path: String, text: String)]) throws -> [UInt8] {
        try make(entries.map { Entry.text($0.path, $0.text) })
    }

    static func make(_ entries: [Entry]) throws -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw RenderError("无法创建压缩包：\(error)")
        }
        for entry in entries { try add(entry, to: archive) }
        guard let bytes = archive.data else { throw RenderError("无法生成压缩包") }
        return [UInt8](bytes)
    }

    /// Writes the container to `url` (a new file).
    static func write(_ entries: [Entry], to url: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw RenderError("无法创建压缩包：\(error)")
        }
        for entry in entries { try add(entry, to: archive) }
    }

    private static func add(_ entry: Entry, to archive: Archive) throws {
        switch entry {
        case .text(let path, let text):
            try add(.bytes(path, Array(text.utf8)), to: archive)
        case .bytes(let path, let bytes):
            let data = Data(bytes)
            try add(path, Int64(data.count), to: archive) { position, count in
                data.subdata(in: Int(position)..<Int(position) + count)
            }
        case .file(let path, let url):
            let handle: FileHandle
            let size: UInt64
            do {
                handle = try FileHandle(forReadingFrom: url)
                size = try handle.seekToEnd()
            } catch {
                throw RenderError("无法读取临时文件 \(url.path)：\(error)")
            }
            defer { try? handle.close() }
            try add(path, Int64(size), to: archive) { position, count in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: count) ?? Data()
            }
        }
    }

    private static func add(_ path: String, _ size: Int64, to archive: Archive, _ provider: Provider) throws {
        do {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: size, modificationDate: fixedDate, permissions: 0o644,
                compressionMethod: .deflate, provider: provider)
        } catch {
            throw RenderError("无法写入压缩包条目 \(path)：\(error)")
        }
    }
}
