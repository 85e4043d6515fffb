import CatalogModel

/// Names of files and folders made from catalog text (地区, 领域, jurisdiction names). Whatever a catalog says,
/// the result is one path component that stays inside the output folder.
public enum SafeName {
    /// Characters that never appear in a generated name: path separators, the characters Windows forbids,
    /// and the ones that need quoting in URLs or shells.
    static let forbidden: Set<Character> = [
        ".", "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "%", "&", "{", "}", "$", "!", "'", "`", "=", "@", "+",
        ";", "^", "~", "[", "]",
    ]

    /// Device names Windows reserves whatever the extension.
    static let reserved: Set<String> = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ]

    /// One safe path component: dots, separators, control characters (NUL included) and reserved characters become
    /// `_`, whitespace runs become `-`, leading and trailing dots and dashes are dropped, the length is bounded,
    /// and an empty result or a reserved device name falls back to `fallback`.
    public static func component(_ text: String, fallback: String = "catalog", maxLength: Int = 60) -> String {
        var out = ""
        var lastWasSeparator = false
        for character in text {
            let isControl = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format || $0.value == 0
            }
            if character.isWhitespace {
                if !lastWasSeparator && !out.isEmpty { out.append("-") }
                lastWasSeparator = true
            } else if isControl || forbidden.contains(character) {
                if !lastWasSeparator { out.append("_") }
                lastWasSeparator = true
            } else {
                out.append(character)
                lastWasSeparator = false
            }
        }
        let trim: Set<Character> = [".", "-", "_", " "]
        while let first = out.first, trim.contains(first) { out.removeFirst() }
        while let last = out.last, trim.contains(last) { out.removeLast() }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        while let last = out.last, trim.contains(last) { out.removeLast() }
        let stem = out.split(separator: ".", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if out.isEmpty || reserved.contains(stem) { return fallback }
        return out
    }

    /// The ASCII slug of a domain (from the registry), or a safe form of its name.
    public static func domainSlug(_ domain: String, registry: DomainRegistry = .pilot) -> String {
        if let slug = registry.domain(named: domain)?.slug {
            let safe = component(slug, fallback: "")
            if !safe.isEmpty { return safe }
        }
        return component(domain, fallback: "domain")
    }

    /// "示例县星海镇-employment": the base name of a single catalog's file, from 地区 and 领域.
    public static func catalogBaseName(region: String, domain: String, registry: DomainRegistry = .pilot) -> String {
        component(region, fallback: "region") + "-" + domainSlug(domain, registry: registry)
    }

    /// Makes `name` unique among `taken` by appending -2, -3 …; records the result in `taken`.
    public static func unique(_ name: String, in taken: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(name)-\(n)"
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}

/// XML text and attribute escaping; characters XML 1.0 cannot carry are dropped.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var text = text
        // Nearly all catalog text has nothing to escape: its UTF-8 bytes are checked and it is returned as it is.
        return text.withUTF8 { bytes in
            guard firstNeedingWork(bytes) < bytes.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            escape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends the escaped form of UTF-8 text to `out`: the bytes before the first that needs work are copied
    /// whole, the rest byte by byte.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let first = firstNeedingWork(bytes)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: break  // C0 controls: not XML 1.0 characters.
            case 0xEF where isNonCharacter(bytes, at: index):
                index += 3  // U+FFFE, U+FFFF: not XML 1.0 characters.
                continue
            default: out.append(byte)
            }
            index += 1
        }
    }

    private static func firstNeedingWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < bytes.count, !needsWork(bytes, at: index) { index += 1 }
        return index
    }

    /// Whether the byte at `index` starts something `escape` changes: a markup character, a C0 control other
    /// than tab, line feed and carriage return, or U+FFFE/U+FFFF (EF BF BE/BF). XML 1.0 allows every other
    /// scalar (Swift strings hold no surrogates).
    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20: true
        case 0xEF: isNonCharacter(bytes, at: index)
        default: false
        }
    }

    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }
}

/// Text as the renderers print it: line breaks normalised to LF, control characters other than tab and line feed
/// removed (XML cannot carry them, HTML turns NUL into U+FFFD, terminals obey them).
enum PrintableText {
    static func clean(_ text: String) -> String {
        guard
            text.unicodeScalars.contains(where: {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
            })
        else {
            return text
        }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" { out.append("\n"); previousCR = true; continue }
            defer { previousCR = false }
            if scalar == "\n" && previousCR { continue }
            if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) {
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }
}
