import CatalogModel
import Testing

@testable import CatalogRender

/// The pieces the Word and Excel writers build their XML and layout from: escaping over UTF-8 bytes, the byte
/// buffer, the cells' line widths measured once, and the width search's running total.
struct OfficeXMLTests {
    @Test func escapingKeepsTextWithNothingToEscape() {
        for text in ["", "公开内容（要素）：办事指南，申请条件。", "17-02-01 plain ASCII", "■政府网站□政务新媒体√", "😀 emoji"] {
            #expect(XMLText.escape(text) == text)
        }
    }

    @Test func escapingReplacesMarkupAndDropsWhatXMLCannotCarry() {
        #expect(XMLText.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLText.escape("（依据）<《条例》>") == "（依据）&lt;《条例》&gt;")
        // Tab, line feed and carriage return stay; other C0 controls and U+FFFE/U+FFFF go.
        #expect(XMLText.escape("a\tb\nc\rd\u{1}e\u{1F}f") == "a\tb\nc\rdef")
        #expect(XMLText.escape("x\u{FFFE}y\u{FFFF}z，") == "xyz，")
        #expect(XMLText.escape("\u{FFFF}") == "")
        // Neighbours of the non-characters (EF BF BD, EF BC 8C) are kept.
        #expect(XMLText.escape("\u{FFFD}\u{FF0C}&") == "\u{FFFD}\u{FF0C}&amp;")
    }

    @Test func byteBufferWritesNumbersAndEscapedText() {
        var xml = XMLBytes()
        xml.append("<v>")
        xml.append(0)
        xml.append(" ")
        xml.append(-4072)
        xml.append(" ")
        xml.append(Int.max)
        xml.append(" ")
        xml.append(Int.min)
        xml.append("</v>")
        xml.appendEscaped("仿宋&<" as Substring)
        #expect(xml.string == "<v>0 -4072 \(Int.max) \(Int.min)</v>仿宋&amp;&lt;")
    }

    @Test func rowHeightsAreWrittenWithOneDecimal() {
        for value in [0.0, 13.0, 409.0, 27.5, 12.25, -3.0] {
            #expect(XLSXWriter.oneDecimal(value) == String(format: "%.1f", value))
        }
    }

    /// Each line break starts a part, as `split(separator: "\n", omittingEmptySubsequences: false)` splits by
    /// characters (CR LF is one character and does not split); each part measures as `DOCXLayout.ems`.
    @Test func lineWidthsSplitAsCharactersDo() {
        let lines = ["", "a\nbb", "公开\n\n依据\n", "x\r\ny", "■政府网站 □其他", "\n"]
        let expected = lines.flatMap {
            $0.split(separator: "\n", omittingEmptySubsequences: false).map { DOCXLayout.ems($0) }
        }
        #expect(MeasuredCells.lineWidths(lines) == expected)
        #expect(MeasuredCells.lineWidths(["x\r\ny"]).count == 1)
    }

    /// The running total prices a change of one cell as recomputing the whole table would.
    @Test func rowHeightsTotalFollowsEachChange() {
        let measured = [0, 2, 3, 4]
        var heights: [[Int]] = (0..<6).map { row in (0..<5).map { column in 207 * (1 + (row * 7 + column * 3) % 4) } }
        func fullTotal() -> Int {
            heights.reduce(0) { sum, row in
                sum + measured.map { row[$0] }.max()! * 100 + measured.reduce(0) { $0 + row[$1] }
            }
        }
        var totals = RowHeights(heights, measured: measured)
        #expect(totals.total == fullTotal())
        var seed = 12345
        for _ in 0..<200 {
            seed = (seed * 1_103_515_245 + 12345) % 2_147_483_648
            let row = seed % 6, column = measured[(seed / 7) % 4], height = 207 * (1 + (seed / 31) % 5)
            let predicted = totals.total + totals.change(row, column, from: heights[row][column], to: height)
            heights[row][column] = height
            #expect(predicted == fullTotal())
            totals.set(row, heights[row])
            #expect(totals.total == fullTotal())
        }
    }

    /// The checklist breaks a line where the boxes joined with spaces would pass forty units, as measuring each
    /// joined candidate does; the named platform's length moves the last break across the limit.
    @Test func checklistBreaksWhereTheJoinedLineWouldPassTheLimit() {
        func reference(_ boxes: [ChannelBox]) -> [String] {
            var lines: [String] = []
            var pending: [String] = []
            for box in boxes {
                if box.channel == .noticeBoard {
                    if !pending.isEmpty { lines.append(pending.joined(separator: " ")) }
                    pending = []
                    lines.append(box.text)
                    continue
                }
                if !pending.isEmpty && ChannelCell.units((pending + [box.text]).joined(separator: " ")) > 40 {
                    lines.append(pending.joined(separator: " "))
                    pending = []
                }
                pending.append(box.text)
            }
            if !pending.isEmpty { lines.append(pending.joined(separator: " ")) }
            return lines
        }
        for length in 0...30 {
            let cell = ChannelCell([
                .standard(.targetedPush), .standard(.doorToDoorOrOnSite),
                .other(name: String(repeating: "a", count: length)),
            ])
            #expect(cell.checklistLines == reference(cell.boxes), "platform name of \(length) letters")
        }
    }
}
