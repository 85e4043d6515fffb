/// An XML part written as UTF-8 bytes into one buffer: markup, numbers and escaped text are appended as bytes,
/// so a large part (a Word table, a worksheet) is not built by joining many small `String`s, each join checking
/// the seam between them.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends markup (or text already escaped) as it is.
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends markup (or text already escaped) as it is.
    mutating func append(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends another part's bytes.
    mutating func append(_ other: XMLBytes) { bytes.append(contentsOf: other.bytes) }

    /// Appends a number in decimal, as `"\(value)"` prints it.
    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(value.magnitude)
        } else {
            append(UInt(value))
        }
    }

    private mutating func append(_ value: UInt) {
        if value >= 10 { append(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends text escaped for XML content and attribute values (`XMLText.escape`).
    mutating func appendEscaped(_ text: some StringProtocol) {
        var text = String(text)
        text.withUTF8 { XMLText.escape($0, into: &bytes) }
    }

    /// Appends UTF-8 text escaped for XML (`XMLText.escape`).
    mutating func appendEscaped(utf8 text: UnsafeBufferPointer<UInt8>) { XMLText.escape(text, into: &bytes) }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
