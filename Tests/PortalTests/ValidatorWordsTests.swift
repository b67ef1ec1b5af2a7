@testable import Portal
import Testing

/// The CLI's "expected …" phrases said in Vietnamese on the portal's pages, numbers kept.
@Suite struct ValidatorWordsTests {
    @Test(arguments: [
        ("a whole number from 1 to 12", "một số nguyên từ 1 đến 12"),
        ("a whole number, 0 or more (at most 1000000000)", "một số nguyên từ 0 trở lên (tối đa 1000000000)"),
        ("a value; the field is empty", "một giá trị; trường này đang để trống"),
        ("a capacity at least the baseline intake (45)", "quy mô đào tạo tối đa không nhỏ hơn chỉ tiêu tuyển sinh (45)"),
        ("the code of a skill of scenario.yaml", "mã của a skill of scenario.yaml"),
        ("something the table does not know", "something the table does not know"),
    ])
    func vietnamese(english: String, vietnamese: String) {
        #expect(ValidatorWords.say(english, PageKit(language: .vi, csrf: "")) == vietnamese)
        #expect(ValidatorWords.say(english, PageKit(language: .en, csrf: "")) == english)
    }
}
