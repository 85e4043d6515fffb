/// File names as the system stores them: bytes. A name that is not UTF-8 (GBK bytes from a Windows zip
/// unpacked on Linux) is kept in a `String` with each byte that is not part of valid UTF-8 as one private-use
/// scalar, U+10FF00 + byte, so the exact bytes come back when the file is opened and `TerminalText` shows the
/// byte as `\xB9`. Real names never use plane 16's last 256 code points.
public enum FileName {
    static let byteBase: UInt32 = 0x10_FF00

    /// The name or path of `bytes`, valid UTF-8 decoded and every other byte kept as a byte scalar.
    public static func string<Bytes: Collection>(fromBytes bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let length = validSequenceLength(array, at: index)
            if length > 0 {
                scalars.append(
                    contentsOf: String(decoding: array[index..<index + length], as: UTF8.self).unicodeScalars)
                index += length
            } else {
                scalars.append(Unicode.Scalar(byteBase + UInt32(array[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes of a name or path made by `string(fromBytes:)` (or typed by the user), without a NUL.
    public static func bytes(of path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let byte = rawByte(scalar) {
                out.append(byte)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// Calls `body` with the NUL-terminated system path of `path`.
    public static func withSystemPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
        -> Result
    {
        var bytes = bytes(of: path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// The byte a scalar stands for, if it is one of the byte scalars.
    public static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= byteBase && scalar.value <= byteBase + 0xFF ? UInt8(scalar.value - byteBase) : nil
    }

    /// True when the path holds bytes that are not UTF-8.
    public static func hasRawBytes(_ path: String) -> Bool { path.unicodeScalars.contains { rawByte($0) != nil } }

    /// The length of the valid UTF-8 sequence at `index`, or 0.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }
}
