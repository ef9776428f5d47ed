import Foundation
import Testing

@testable import ShowrunnerServer

struct JSONWriterTests {
    @Test(arguments: [
        "", "plain", "quote \" and backslash \\", "*/5 * * * *", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
        "é, 日本, 🎬", "{{ vars.name }}",
    ])
    func stringsReadBackAsWritten(text: String) throws {
        var json = JSONWriter(capacity: 0)
        json.raw("[")
        json.string(text)
        json.raw("]")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(parsed == [text])
    }

    @Test func nullsBoolsAndDatesAreWrittenAsTheEncoderWritesThem() throws {
        let dates = [0, 1_796_010_000, 1_796_010_000.75, 951_782_400, 4_102_444_799].map(
            Date.init(timeIntervalSince1970:))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        for date in dates {
            var json = JSONWriter(capacity: 0)
            json.date(date)
            #expect(json.bytes == Array(try encoder.encode(date)), "\(date)")
        }
        var json = JSONWriter(capacity: 0)
        json.raw("[")
        json.date(nil)
        json.raw(",")
        json.string(nil)
        json.raw(",")
        json.bool(true)
        json.raw(",")
        json.bool(false)
        json.raw("]")
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[null,null,true,false]")
    }
}
