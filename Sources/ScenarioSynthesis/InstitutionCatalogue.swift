import Workforce

/// Real Vietnamese universities and colleges training for the supporting industries, by province
/// (post-2025 names). Synthetic vocational schools and training centres fill the rest.
enum InstitutionCatalogue {
    struct Entry: Sendable {
        var code: String
        var name: String
        var region: String
        var kind: InstitutionKind
        var ownership: InstitutionOwnership
    }

    /// In order of prominence within each region.
    static let entries: [Entry] = [
        Entry(code: "HUST", name: "Đại học Bách khoa Hà Nội", region: "HN", kind: .university, ownership: .public),
        Entry(code: "HCMUT", name: "Trường Đại học Bách khoa, ĐHQG TP. Hồ Chí Minh", region: "HCM", kind: .university, ownership: .public),
        Entry(code: "CIBN", name: "Trường Cao đẳng Công nghiệp Bắc Ninh", region: "BNI", kind: .college, ownership: .public),
        Entry(code: "VMU", name: "Trường Đại học Hàng hải Việt Nam", region: "HPG", kind: .university, ownership: .public),
        Entry(code: "LHU", name: "Trường Đại học Lạc Hồng", region: "DNA", kind: .university, ownership: .private),
        Entry(code: "VUI", name: "Trường Đại học Công nghiệp Việt Trì", region: "PTO", kind: .university, ownership: .public),
        Entry(code: "TNUT", name: "Trường Đại học Kỹ thuật Công nghiệp, Đại học Thái Nguyên", region: "TNG", kind: .university, ownership: .public),
        Entry(code: "DUT", name: "Trường Đại học Bách khoa, Đại học Đà Nẵng", region: "DNG", kind: .university, ownership: .public),
        Entry(code: "UTEHY", name: "Trường Đại học Sư phạm Kỹ thuật Hưng Yên", region: "HYE", kind: .university, ownership: .public),
        Entry(code: "QUI", name: "Trường Đại học Công nghiệp Quảng Ninh", region: "QNI", kind: .university, ownership: .public),
        Entry(code: "DLA", name: "Trường Đại học Kinh tế Công nghiệp Long An", region: "TNI", kind: .university, ownership: .private),
        Entry(code: "VDHT", name: "Trường Cao đẳng Kỹ thuật Việt – Đức Hà Tĩnh", region: "HTI", kind: .college, ownership: .public),
        Entry(code: "HAUI", name: "Trường Đại học Công nghiệp Hà Nội", region: "HN", kind: .university, ownership: .public),
        Entry(code: "HCMUTE", name: "Trường Đại học Sư phạm Kỹ thuật TP. Hồ Chí Minh", region: "HCM", kind: .university, ownership: .public),
        Entry(code: "KTCN", name: "Trường Cao đẳng Kỹ thuật Công nghiệp", region: "BNI", kind: .college, ownership: .public),
        Entry(code: "SAODO", name: "Trường Đại học Sao Đỏ", region: "HPG", kind: .university, ownership: .public),
        Entry(code: "LILAMA2", name: "Trường Cao đẳng Công nghệ Quốc tế LILAMA 2", region: "DNA", kind: .college, ownership: .public),
        Entry(code: "VX1", name: "Trường Cao đẳng nghề Việt Xô số 1", region: "PTO", kind: .college, ownership: .public),
        Entry(code: "CNTN", name: "Trường Cao đẳng Công nghiệp Thái Nguyên", region: "TNG", kind: .college, ownership: .public),
        Entry(code: "THACO", name: "Trường Cao đẳng THACO", region: "DNG", kind: .college, ownership: .private),
        Entry(code: "VCMC", name: "Trường Cao đẳng Than – Khoáng sản Việt Nam", region: "QNI", kind: .college, ownership: .public),
        Entry(code: "CDTN", name: "Trường Cao đẳng Tây Ninh", region: "TNI", kind: .college, ownership: .public),
        Entry(code: "HTU", name: "Trường Đại học Hà Tĩnh", region: "HTI", kind: .university, ownership: .public),
        Entry(code: "UET", name: "Trường Đại học Công nghệ, ĐHQG Hà Nội", region: "HN", kind: .university, ownership: .public),
        Entry(code: "IUH", name: "Trường Đại học Công nghiệp TP. Hồ Chí Minh", region: "HCM", kind: .university, ownership: .public),
        Entry(code: "VHBG", name: "Trường Cao đẳng nghề Công nghệ Việt – Hàn Bắc Giang", region: "BNI", kind: .college, ownership: .public),
        Entry(code: "VIETTRONICS", name: "Trường Cao đẳng Công nghệ Viettronics", region: "HPG", kind: .college, ownership: .public),
        Entry(code: "DNTU", name: "Trường Đại học Công nghệ Đồng Nai", region: "DNA", kind: .university, ownership: .private),
        Entry(code: "CKNN", name: "Trường Cao đẳng Cơ khí Nông nghiệp", region: "PTO", kind: .college, ownership: .public),
        Entry(code: "UTEDN", name: "Trường Đại học Sư phạm Kỹ thuật, Đại học Đà Nẵng", region: "DNG", kind: .university, ownership: .public),
        Entry(code: "UNETI", name: "Trường Đại học Kinh tế – Kỹ thuật Công nghiệp", region: "HN", kind: .university, ownership: .public),
        Entry(code: "CAOTHANG", name: "Trường Cao đẳng Kỹ thuật Cao Thắng", region: "HCM", kind: .college, ownership: .public),
        Entry(code: "CNCDN", name: "Trường Cao đẳng Công nghệ cao Đồng Nai", region: "DNA", kind: .college, ownership: .public),
        Entry(code: "QNU", name: "Trường Đại học Quảng Nam", region: "DNG", kind: .university, ownership: .public),
        Entry(code: "PHENIKAA", name: "Trường Đại học Phenikaa", region: "HN", kind: .university, ownership: .private),
        Entry(code: "TDMU", name: "Trường Đại học Thủ Dầu Một", region: "HCM", kind: .university, ownership: .public),
        Entry(code: "EPU", name: "Trường Đại học Điện lực", region: "HN", kind: .university, ownership: .public),
        Entry(code: "TDC", name: "Trường Cao đẳng Công nghệ Thủ Đức", region: "HCM", kind: .college, ownership: .public),
        Entry(code: "HCEM", name: "Trường Cao đẳng Cơ điện Hà Nội", region: "HN", kind: .college, ownership: .public),
        Entry(code: "EIU", name: "Trường Đại học Quốc tế Miền Đông", region: "HCM", kind: .university, ownership: .private),
        Entry(code: "HHT", name: "Trường Cao đẳng nghề Công nghệ cao Hà Nội", region: "HN", kind: .college, ownership: .public),
        Entry(code: "LTT", name: "Trường Cao đẳng Kỹ thuật Lý Tự Trọng", region: "HCM", kind: .college, ownership: .public),
        Entry(code: "BVU", name: "Trường Đại học Bà Rịa – Vũng Tàu", region: "HCM", kind: .university, ownership: .private),
        Entry(code: "VKHN", name: "Trường Cao đẳng nghề Việt Nam – Hàn Quốc thành phố Hà Nội", region: "HN", kind: .college, ownership: .public),
    ]
}
