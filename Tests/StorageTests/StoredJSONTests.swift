import Foundation
@testable import Storage
import Testing

@Suite struct StoredJSONTests {
    @Test(arguments: [
        [String](),
        ["POST-1"],
        ["POST-1", "POST-2", "P.3_x"],
        ["quote\"d", "back\\slash", "line\nbreak", "tab\there", "bell\u{07}", "Bắc Ninh", "🚗"],
    ])
    func stringArraysAreValidJSONThatDecodesBack(_ strings: [String]) throws {
        let text = StoredJSON.stringArray(strings)
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == strings)
    }

    @Test func stringArrayWritesCompactJSON() {
        #expect(StoredJSON.stringArray(["A", "B\"C"]) == #"["A","B\"C"]"#)
        #expect(StoredJSON.stringArray([]) == "[]")
        // Strings that need no escaping (non-ASCII included) are written as they are, beside
        // ones that do.
        #expect(StoredJSON.stringArray(["Bắc Ninh", "a\nb\u{1F}", "x\\y"]) == #"["Bắc Ninh","a\nb\u001f","x\\y"]"#)
    }
}
