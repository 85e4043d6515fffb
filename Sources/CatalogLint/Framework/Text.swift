import Diagnostics
import Foundation
import YAMLTree

/// Character classes and small text helpers shared by the rules.
enum CJK {
    /// A Han character (CJK ideograph).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || v == 0x3007
    }

    /// Chinese text: a Han character, or full-width/CJK punctuation.
    static func isChinese(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isHan(s) || (0x3001...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v)
            || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v) || v == 0x2014 || v == 0x2026
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x00B7
    }

    /// Spaces that should not be in a value: ASCII space and tab at the ends, full-width and no-break spaces anywhere.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{00A0}" || s == "\u{2002}" || s == "\u{2003}"
            || s == "\u{200B}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
}

extension String {
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }

    init(scalars: ArraySlice<Unicode.Scalar>) {
        self = String(String.UnicodeScalarView(scalars))
    }

    /// The text with spaces and punctuation removed, for comparing short phrases ("无。" is "无").
    var bare: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.filter { s in
                    !(CJK.isSpace(s) || s.properties.generalCategory.isPunctuation
                        || "/-—_~～·.。，,；;：:".unicodeScalars.contains(s))
                }))
    }

    /// A short form for messages: at most `limit` characters, with an ellipsis.
    func abbreviated(_ limit: Int = 24) -> String {
        let s = Array(unicodeScalars)
        guard s.count > limit else { return self }
        return String(scalars: s[..<limit]) + "…"
    }
}

/// Short phrases that say nothing ("无", "不涉及"), compared with a text's `bare` form.
struct BarePhrases: Sendable {
    let phrases: Set<String>
    /// The most characters a phrase has.
    let longest: Int

    init(_ phrases: Set<String>) {
        self.phrases = phrases
        longest = phrases.map(\.unicodeScalars.count).max() ?? 0
    }

    /// Whether the text, without spaces and punctuation, is one of the phrases. `bare` looks up every character's
    /// Unicode category; a text with more ASCII letters, digits and CJK ideographs (U+4000–U+9FFF: `bare` keeps them
    /// all) than the longest phrase has characters cannot be one, and is answered from its bytes.
    func contains(bareOf text: String) -> Bool {
        var text = text
        let kept = text.withUTF8 { b in
            var count = 0
            for c in b {
                switch c {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xE4...0xE9: count += 1
                default: break
                }
            }
            return count
        }
        if kept > longest { return false }
        return phrases.contains(text.bare)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

/// Shorthands for writing kinds and examples.
extension LocalizedText {
    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
}

func lintKind(
    _ code: String, _ severity: Severity, title: LocalizedText, message: LocalizedText, hint: LocalizedText? = nil,
    fixable: Bool = false
) -> FindingKind {
    FindingKind(
        code: code, stage: .lint, severity: severity, title: title, message: message, hint: hint, fixable: fixable)
}

/// Texts a citation rule found nothing to report in. Whether an entry yields findings depends on its text alone
/// (the file only places them), and a catalog repeats the same few citations thousands of times: each distinct
/// text is checked once per run. Bounded like `ParseMemo`, shared by the threads that check files in parallel.
/// Keyed by `TextKey`: these texts are long and Chinese, and hashing them as `String` normalized them every time.
final class QuietTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts = Set<TextKey>()
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func contains(_ text: String) -> Bool { contains(TextKey(text)) }

    func insert(_ text: String) { insert(TextKey(text)) }

    func contains(_ key: TextKey) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return texts.contains(key)
    }

    func insert(_ key: TextKey) {
        lock.lock()
        defer { lock.unlock() }
        if texts.count >= capacity { texts.removeAll(keepingCapacity: true) }
        texts.insert(key)
    }

    /// The violations `check` finds in `text`, or none at once when the text is known to have none.
    func violations(_ text: String, _ check: () -> [LintViolation]) -> [LintViolation] {
        violations(TextKey(text), check)
    }

    /// The same for a text whose key is already made.
    func violations(_ key: TextKey, _ check: () -> [LintViolation]) -> [LintViolation] {
        if contains(key) { return [] }
        let found = check()
        if found.isEmpty { insert(key) }
        return found
    }
}

/// The texts of one file a `QuietTexts` memo found quiet, kept by a rule while it checks the file: a file cites the
/// same few documents over and over, and asking the shared memo (a lock and a hash lookup) for every entry was most of
/// the citation rules' cost. The last few quiet texts are kept, compared by digest and bytes; a text not among them is
/// asked of the shared memo as before.
struct FileQuietTexts {
    /// How many texts are kept: about the documents a file cites.
    static let capacity = 8
    let memo: QuietTexts
    private var recent = RecentValues<TextKey>(capacity: capacity)

    init(_ memo: QuietTexts) { self.memo = memo }

    /// Whether the text was found quiet earlier in this file (kept here), without asking the shared memo.
    func knows(_ key: TextKey) -> Bool { recent.contains { $0 == key } }

    /// Keeps a text found quiet: in the shared memo, or by the check just made.
    mutating func remember(_ key: TextKey) { recent.remember(key) }

    /// `QuietTexts.violations`, answered here for a text found quiet earlier in this file.
    mutating func violations(_ key: TextKey, _ check: () -> [LintViolation]) -> [LintViolation] {
        if knows(key) { return [] }
        let found = memo.violations(key, check)
        if found.isEmpty { remember(key) }
        return found
    }
}

/// The last few values kept while a file is checked, the oldest replaced first: what a file repeats (the same few
/// citations) is found again by a look over a handful, cheaper than making a key, hashing it and taking a lock.
struct RecentValues<Value> {
    let capacity: Int
    private var values: [Value] = []
    /// Where the next value replaces a kept one, once all places are taken.
    private var next = 0

    init(capacity: Int) { self.capacity = capacity }

    /// The first kept value that `matches`.
    func first(where matches: (Value) -> Bool) -> Value? { values.first(where: matches) }

    /// Whether a kept value `matches`.
    func contains(where matches: (Value) -> Bool) -> Bool { values.contains(where: matches) }

    mutating func remember(_ value: Value) {
        if values.count < capacity {
            values.append(value)
        } else {
            values[next] = value
            next = (next + 1) % capacity
        }
    }
}

/// Lists of texts a rule found nothing to report in, like `QuietTexts` for single texts: keyed by the texts' bytes,
/// each entry prefixed with its length, so that the key is made by copying bytes rather than by formatting and
/// joining strings. Keys compare bytes, not canonical equivalence: a list spelled differently is checked again,
/// which costs time, never a finding.
typealias QuietLists = QuietKeys<ListBytes>

/// One list's key: its texts' UTF-8, each after its length.
struct ListBytes: Hashable, Sendable {
    fileprivate var bytes: [UInt8] = []

    init(_ texts: some Sequence<String>) {
        for text in texts { append(text) }
    }

    mutating func append(_ text: String) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.utf8.count).littleEndian) {
            bytes.append(contentsOf: $0)
        }
        // From the contiguous bytes (one copy), not element by element through the `UTF8View`.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    static func == (a: ListBytes, b: ListBytes) -> Bool { a.bytes == b.bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// One 公开依据 list (its entries in order) as a memo key, made from the entries a file has already keyed: hashed by
/// their `TextKey`s (no bytes copied or hashed again), compared by their texts' bytes, as `ListBytes` are. Texts
/// equal in bytes have equal `TextKey`s, so equal keys hash alike.
struct BasisListKey: Hashable, Sendable {
    let texts: [String]
    private let digest: Int

    init(_ entries: ArraySlice<BasisEntry>) {
        texts = entries.map(\.value.value)
        var hasher = Hasher()
        for entry in entries { hasher.combine(entry.key) }
        digest = hasher.finalize()
    }

    static func == (a: BasisListKey, b: BasisListKey) -> Bool {
        a.digest == b.digest && a.texts.count == b.texts.count
            && zip(a.texts, b.texts).allSatisfy { sameUTF8($0, $1) }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// Keys (of lists) a rule found nothing to report in: bounded like `ParseMemo`, shared by the threads that check
/// files in parallel.
final class QuietKeys<Element: Hashable>: @unchecked Sendable {
    typealias Key = Element

    private let lock = NSLock()
    private var keys = Set<Key>()
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func contains(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return keys.contains(key)
    }

    func insert(_ key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys.insert(key)
    }
}

/// Which of the bytes the text rules look for a text holds, read from its UTF-8 in one pass without decoding scalars:
/// most texts hold none, and a rule that needs one of them is not asked about those. A `String`'s UTF-8 is valid, so
/// the pass steps from lead byte to lead byte: a Chinese character is one step, not three, and its continuation
/// bytes (0x80–0xBF) are never one of the bytes looked for.
public struct TextBytes: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A byte that may start one of `CJK.isSpace`'s spaces: space, tab, 0xC2 (U+0080–U+00BF: U+00A0), 0xE2
    /// (U+2000–U+2FFF: U+2002, U+2003, U+200B), or U+3000 itself.
    public static let space = TextBytes(rawValue: 1)
    /// One of the ASCII marks , ; : ? ! ( ).
    public static let halfwidthMark = TextBytes(rawValue: 2)

    /// The classes of bytes `text` holds.
    public static func of(_ text: String) -> TextBytes {
        var text = text
        return text.withUTF8 { of($0) }
    }

    /// The classes of bytes a text's UTF-8 holds. A lead byte of U+4000–U+FFFF (CJK ideographs, full-width
    /// forms: most bytes that are not ASCII) belongs to no class and is tested first.
    static func of(_ b: UnsafeBufferPointer<UInt8>) -> TextBytes {
        guard var p = b.baseAddress else { return [] }
        let end = p + b.count
        var found: UInt8 = 0
        while p < end {
            let c = p.pointee
            if c &- 0xE4 < 0x0C {  // 0xE4–0xEF
                p += 3
            } else if c < 0x80 {
                switch c {
                case 0x20, 0x09: found |= space.rawValue
                case 0x2C, 0x3B, 0x3A, 0x3F, 0x21, 0x28, 0x29: found |= halfwidthMark.rawValue
                default: break
                }
                p += 1
            } else if c < 0xE0 {
                if c == 0xC2 { found |= space.rawValue }
                p += 2
            } else if c < 0xF0 {
                if c == 0xE2 || (c == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x80) {
                    found |= space.rawValue
                }
                p += 3
            } else {
                p += 4
            }
        }
        return TextBytes(rawValue: found)
    }
}

/// Byte searches over a file's whole source with `memchr`: the scans that run on every file look for bytes that
/// most files hold rarely or never, and a loop over the array's elements cost ten instructions a byte.
enum ByteSearch {
    /// Whether `byte` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { index(of: byte, in: $0, from: 0) != nil }
    }

    /// The offset of the first `byte` at or after `start`, or nil.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
