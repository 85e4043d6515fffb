import Foundation
import CatalogModel

/// How the cells of a catalog table are read. Each rule keeps the source's wording: it splits and recognises,
/// it never corrects (that is `validate --fix`).
public enum CellRules {
    /// Marks that tick a box: √ ✓ ✔ ■ ● ☑ and 是.
    static let ticks: Set<String> = ["√", "✓", "✔", "✔️", "■", "●", "☑", "是", "Y", "y"]
    /// Marks that say "no" in a tick column.
    static let noMarks: Set<String> = ["×", "✗", "否", "/", "／", "—", "-", "無", "无", "N", "n", "□"]

    public enum Tick: Sendable, Hashable { case yes, no, unreadable }

    /// A tick cell: a tick, an explicit or blank "no", or text that is neither.
    public static func tick(_ raw: String) -> Tick {
        let text = raw.filter { !$0.isWhitespace }
        if text.isEmpty || noMarks.contains(text) { return .no }
        if ticks.contains(text) { return .yes }
        return .unreadable
    }

    /// A tick in the column titled `title`: a mark followed by the column's own title (`√依申请` under 依申请,
    /// as a page prints the tick with its word for screen readers and phones) is the mark alone.
    public static func tick(_ raw: String, columnTitle title: String) -> Tick {
        let text = raw.filter { !$0.isWhitespace }
        let word = title.filter { !$0.isWhitespace }
        if !word.isEmpty, text.count > word.count, text.hasSuffix(word) {
            let mark = String(text.dropLast(word.count))
            if ticks.contains(mark) { return .yes }
        }
        return tick(raw)
    }

    // MARK: 公开渠道和载体

    /// A channel entry read from a cell, with how it was recognised.
    public struct ChannelReading: Sendable, Hashable {
        public var channels: [Channel] = []
        /// Names mapped from a variant spelling to a standard box: (as written, standard).
        public var variants: [(String, StandardChannel)] = []
        /// Names that are not a standard box, kept as `其他：名称`.
        public var unknown: [String] = []
        /// A ticked 其他 box without a name (cannot be written as a channel).
        public var bareOther = false
        /// A trailing note ("注：…"), for 备注.
        public var note: String?

        public static func == (a: ChannelReading, b: ChannelReading) -> Bool {
            a.channels == b.channels && a.unknown == b.unknown && a.bareOther == b.bareOther && a.note == b.note
                && a.variants.map(\.0) == b.variants.map(\.0)
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(channels) }
    }

    /// Variant names of the standard boxes as tables print them (compared without spaces, ASCII parentheses).
    static let variants: [String: StandardChannel] = [
        "政府门户网站": .governmentWebsite, "门户网站": .governmentWebsite, "政府网": .governmentWebsite,
        "政府信息公开网站": .governmentWebsite, "政府信息公开平台": .governmentWebsite,
        "发布会": .pressConferenceOrHearing, "听证会": .pressConferenceOrHearing, "新闻发布会": .pressConferenceOrHearing,
        "发布会、听证会": .pressConferenceOrHearing,
        "广播": .radioTelevision, "电视": .radioTelevision, "广播、电视": .radioTelevision,
        "报刊": .printMedia, "报纸": .printMedia,
        "查阅点": .publicReadingPoint, "政府信息公开查阅点": .publicReadingPoint, "信息公开查阅点": .publicReadingPoint,
        "政务公开查阅点": .publicReadingPoint,
        "行政服务中心": .governmentServiceCenter, "政务服务大厅": .governmentServiceCenter, "政务大厅": .governmentServiceCenter,
        "便民服务点": .convenienceServiceStation, "便民服务站点": .convenienceServiceStation,
        "入户": .doorToDoorOrOnSite, "现场": .doorToDoorOrOnSite, "入户现场": .doorToDoorOrOnSite,
    ]

    static func normalizeName(_ text: String) -> String { HeaderRecognizer.normalize(text) }

    /// The standard box a name denotes, directly or as a variant; nil for a local platform.
    static func standard(_ raw: String) -> (StandardChannel, isVariant: Bool)? {
        let name = normalizeName(raw)
        for channel in StandardChannel.allCases where normalizeName(channel.rawValue) == name {
            return (channel, false)
        }
        if let channel = variants[name] { return (channel, true) }
        // Every notice-board spelling: 社区/村公示栏(电子屏), 单位/村委会公示栏, 村务公开栏, 电子屏 …
        if name.contains("公示栏") || name.contains("公开栏") || name == "电子屏" { return (.noticeBoard, true) }
        return nil
    }

    /// The names of the standard boxes and their variants, longest first, for reading glued and slash-separated text.
    static let knownNames: [String] = {
        var names = StandardChannel.allCases.map(\.rawValue) + Array(variants.keys)
        names += ["社区/企事业单位/村公示栏（电子屏）", "社区/村公示栏(电子屏)", "社区/村公示栏（电子屏）"]
        return names.sorted { $0.count > $1.count }
    }()

    static let boxMarks: [Character: Bool] = ["■": true, "☑": true, "☒": true, "□": false, "☐": false]

    /// Reads a 公开渠道和载体 cell: a full ■/□ checklist, only the ticked boxes, plain text separated by 、，, / or
    /// spaces, names glued to a box ("■其他法律服务网"), a trailing "注：…" note.
    public static func channels(_ raw: String) -> ChannelReading {
        var reading = ChannelReading()
        var text = raw
        for marker in ["注：", "注:", "备注：", "备注:"] {
            if let range = text.range(of: marker) {
                reading.note = String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
                text = String(text[..<range.lowerBound])
                break
            }
        }
        let hasBoxes = text.contains { boxMarks[$0] != nil }
        var names: [String] = []
        if hasBoxes {
            // 口 stands for □ in pages typed or recognised by OCR, where a box name follows it.
            var boxes: [(ticked: Bool, text: String)] = []
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                var isMark = boxMarks[character] != nil
                if character == "口" {
                    let rest = normalizeName(String(text[text.index(after: index)...]))
                    isMark = knownNames.contains { rest.hasPrefix(normalizeName($0)) }
                }
                if isMark {
                    boxes.append((boxMarks[character] ?? false, ""))
                } else if !boxes.isEmpty {
                    boxes[boxes.count - 1].text.append(character)
                } else if !character.isWhitespace {
                    // Text before the first box: a plain entry written ahead of the checklist.
                    boxes.append((true, String(character)))
                }
                index = text.index(after: index)
            }
            for box in boxes where box.ticked {
                let name = box.text.trimmingCharacters(
                    in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "、，,；;")))
                if !name.isEmpty { names.append(name) }
            }
        } else {
            names = splitPlain(text)
        }
        for name in names { add(name, to: &reading) }
        return reading
    }

    /// Plain channel text: separators 、，, ；; / and spaces, except inside a known name (发布会/听证会).
    static func splitPlain(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        var index = text.startIndex
        let separators: Set<Character> = ["、", "，", ",", "；", ";", "/", "／", " ", "　", "\n", "\t", "\r\n"]
        outer: while index < text.endIndex {
            if current.isEmpty {
                for name in knownNames where text[index...].hasPrefix(name) {
                    let end = text.index(index, offsetBy: name.count)
                    if end == text.endIndex || separators.contains(text[end]) || text[end] == "（" || text[end] == "("
                        || text[end] == "：" || text[end] == ":"
                    {
                        if end < text.endIndex, text[end] == "：" || text[end] == ":" { break }
                        names.append(name)
                        index = end
                        continue outer
                    }
                }
            }
            let character = text[index]
            if separators.contains(character) {
                if !current.isEmpty { names.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { names.append(current) }
        return names
    }

    static func add(_ name: String, to reading: inout ChannelReading) {
        func append(_ channel: Channel) { if !reading.channels.contains(channel) { reading.channels.append(channel) } }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        // 其他 with a name: "其他：县人社局公众号", "其他(县融媒体中心)", glued "其他法律服务网".
        if trimmed.hasPrefix("其他") {
            var rest = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("：") || rest.hasPrefix(":") { rest = String(rest.dropFirst()) }
            if (rest.hasPrefix("（") && rest.hasSuffix("）")) || (rest.hasPrefix("(") && rest.hasSuffix(")")) {
                rest = String(rest.dropFirst().dropLast())
            }
            rest = rest.trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { reading.bareOther = true; return }
            for part in rest.split(whereSeparator: { $0 == "、" || $0 == "，" || $0 == "," }) {
                let named = part.trimmingCharacters(in: .whitespaces)
                if !named.isEmpty { append(.other(name: named)) }
            }
            return
        }
        if let (channel, isVariant) = standard(trimmed) {
            if isVariant { reading.variants.append((trimmed, channel)) }
            append(.standard(channel))
            return
        }
        // A name glued to a standard box name, e.g. "政府网站县人社局网站" is not split: unknown names stay whole.
        reading.unknown.append(trimmed)
        append(.other(name: trimmed))
    }

    // MARK: 公开依据, 公开主体

    /// 公开依据 split into its documents: on line breaks and ；, then on 、，, and spaces outside parentheses (or
    /// before a 《 even inside an unclosed one), and between adjacent 《…》《…》. Text without a 《 stays with a
    /// document: a list number before the first one ("1. 《…》") with the next, anything else (an article, a
    /// document number, a trailing 等) with the one before it. Without any 《 a line is one entry, as written.
    public static func basis(_ raw: String) -> [String] {
        var documents: [String] = []
        for line in raw.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "；" || $0 == ";" }) {
            guard line.contains("《") else {
                let whole = line.trimmingCharacters(in: .whitespaces)
                if !whole.isEmpty { documents.append(whole) }
                continue
            }
            let characters = Array(line)
            var segments: [(separator: String, text: String)] = []
            var current = ""
            var separator = ""
            var depth = 0
            for (index, character) in characters.enumerated() {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if "、，, 　\t".contains(character) && (depth == 0 || next == "《") {
                    if !current.isEmpty { segments.append((separator, current)); current = ""; separator = "" }
                    separator.append(character)
                    continue
                }
                if character == "《", depth == 0, let previous = current.last,
                    previous == "》" || previous == "）" || previous == ")"
                {
                    segments.append((separator, current))
                    current = ""
                    separator = ""
                }
                if character == "(" || character == "（" { depth += 1 }
                if (character == ")" || character == "）") && depth > 0 { depth -= 1 }
                current.append(character)
            }
            if !current.isEmpty { segments.append((separator, current)) }
            var lineDocuments: [String] = []
            var prefix = ""
            for (index, segment) in segments.enumerated() {
                if segment.text.contains("《") {
                    lineDocuments.append(prefix + segment.text)
                    prefix = ""
                } else if lineDocuments.isEmpty {
                    // A list number before the first document stays with it, with the spacing written after it.
                    prefix += segment.text + (index + 1 < segments.count ? segments[index + 1].separator : "")
                } else {
                    lineDocuments[lineDocuments.count - 1] += segment.separator + segment.text
                }
            }
            documents += lineDocuments
        }
        return documents
    }

    /// 公开主体 split on 、 and line breaks (and ；).
    public static func bodies(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == "、" || $0 == "\n" || $0 == "\r\n" || $0 == "；" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// 公开层级 written as text ("县级、乡级").
    public static func levels(_ raw: String, labels: [Level: String]) -> [Level]? {
        var levels: [Level] = []
        for part in raw.split(whereSeparator: { "、，, /\n".contains($0) }) {
            let whole = String(part)
            guard let level = HeaderRecognizer.level(ofLabel: whole, labels: labels) else {
                // "乡、村级" split on 、 gives "乡" and "村级": try the whole text as a label first.
                if let level = HeaderRecognizer.level(ofLabel: raw, labels: labels) { return [level] }
                return nil
            }
            if !levels.contains(level) { levels.append(level) }
        }
        if let level = HeaderRecognizer.level(ofLabel: raw, labels: labels),
            labels[level] == raw.trimmingCharacters(in: .whitespaces)
        {
            return [level]
        }
        return levels.isEmpty ? nil : levels.sorted()
    }
}
