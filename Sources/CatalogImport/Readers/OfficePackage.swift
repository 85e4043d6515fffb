import Foundation
import ZIPFoundation

/// The ZIP container of an xlsx or docx, read with bounds: each part and the whole package are limited in
/// uncompressed size, counted while inflating (a zip bomb's headers may lie about sizes).
struct OfficePackage {
    let archive: Archive
    let fileName: String
    let limits: ImportLimits
    private var total = 0

    /// The compound-file signature: encrypted (password-protected) OOXML files and legacy .xls/.doc use it.
    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(data: Data, fileName: String, limits: ImportLimits) throws(ImportError) {
        if data.prefix(8).elementsEqual(Self.compoundFileMagic) {
            throw ImportError(
                zh:
                    "\(fileName) 设有密码（已加密），或是旧版 Office 格式而扩展名写成了新版：请在 Excel/WPS 中取消密码（文件 → 信息 → 保护）后另存为 .xlsx/.docx 再导入",
                en:
                    "\(fileName) is password-protected (encrypted), or a legacy Office file with a new-format extension: remove the password (File → Info → Protect) and save it as .xlsx/.docx, then import it"
            )
        }
        guard data.prefix(2).elementsEqual([0x50, 0x4B]) else {
            throw ImportError(
                zh: "\(fileName) 不是有效的 Office 文件（不是 ZIP 压缩包）：文件可能已损坏，或扩展名与内容不符",
                en:
                    "\(fileName) is not a valid Office file (not a ZIP package): it may be damaged, or its extension does not match its content"
            )
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError(
                zh: "\(fileName) 无法作为压缩包打开：文件已损坏",
                en: "\(fileName) cannot be opened as a ZIP package: the file is damaged")
        }
        self.fileName = fileName
        self.limits = limits
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of one part, nil when it is absent.
    mutating func part(_ path: String) throws(ImportError) -> Data? {
        guard let entry = archive[path] else { return nil }
        if entry.type != .file { return nil }
        let limit = min(limits.partBytes, limits.packageBytes - total)
        if entry.uncompressedSize > UInt64(max(0, limit)) { throw tooLarge(path) }
        var out = Data()
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > limit {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                out.append(chunk)
            }
        } catch {
            if overflow { throw tooLarge(path) }
            throw ImportError(
                zh: "\(fileName) 中的 \(path) 无法解压：文件已损坏",
                en: "\(path) in \(fileName) cannot be decompressed: the file is damaged")
        }
        total += out.count
        return out
    }

    private func tooLarge(_ path: String) -> ImportError {
        ImportError(
            zh: "\(fileName) 中的 \(path) 解压后超过 \(limits.partBytes >> 20) MiB（可能是压缩炸弹），拒绝读取",
            en:
                "\(path) in \(fileName) exceeds \(limits.partBytes >> 20) MiB uncompressed (possibly a zip bomb); not read"
        )
    }
}
