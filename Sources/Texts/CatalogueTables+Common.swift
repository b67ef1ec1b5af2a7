// Texts shared by every output: units, languages, yes/no.
extension CatalogueTables {
    static let englishCommon: [String: String] = [
        "common.yes": "Yes",
        "common.no": "No",
        "common.language": "English",
        "unit.engineer-years": "engineer-years",
        "unit.billion-vnd": "bn VND",
        "unit.million-vnd": "m VND",
        "unit.vnd": "VND",
    ]

    static let vietnameseCommon: [String: String] = [
        "common.yes": "Có",
        "common.no": "Không",
        "common.language": "Tiếng Việt",
        "unit.engineer-years": "kỹ sư-năm",
        "unit.billion-vnd": "tỷ đồng",
        "unit.million-vnd": "triệu đồng",
        "unit.vnd": "đồng",
    ]
}
