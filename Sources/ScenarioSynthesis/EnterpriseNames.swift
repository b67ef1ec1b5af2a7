import Workforce

/// Invented but plausible enterprise names: FDI suppliers with foreign stems, Vietnamese firms
/// with Vietnamese names and their legal form.
enum EnterpriseNames {
    static func name(
        fdi: Bool, sector: Sector.ID, size: EnterpriseSize, region: Region, random: inout SplitMix64
    ) -> String {
        if fdi {
            let stem = foreignStems[random.below(foreignStems.count)]
            let suffix = random.chance(0.5) ? "Vina Co., Ltd." : "Vietnam Co., Ltd."
            return "\(stem) \(englishSector(sector)) \(suffix)"
        }
        let stem = vietnameseStems[random.below(vietnameseStems.count)]
        let form = size == .micro || size == .small ? "Công ty TNHH" : "Công ty Cổ phần"
        return "\(form) \(vietnameseSector(sector)) \(stem) \(vietnamese(region.name))"
    }

    /// A region name as Vietnamese writes it inside a name: "Hồ Chí Minh City" → "TP. Hồ Chí Minh".
    static func vietnamese(_ regionName: String) -> String {
        regionName.hasSuffix(" City") ? "TP. " + regionName.dropLast(5) : regionName
    }

    private static func englishSector(_ sector: Sector.ID) -> String {
        switch sector.rawValue {
        case "AUTO": "Auto Parts"
        case "ELEC": "Electronics"
        case "MECH": "Precision"
        case "PLAST": "Plastics"
        case "TEXT": "Textile Accessories"
        default: "Industrial"
        }
    }

    private static func vietnameseSector(_ sector: Sector.ID) -> String {
        switch sector.rawValue {
        case "AUTO": "Phụ tùng Ô tô"
        case "ELEC": "Linh kiện Điện tử"
        case "MECH": "Cơ khí Chính xác"
        case "PLAST": "Nhựa Kỹ thuật"
        case "TEXT": "Phụ liệu Dệt may"
        default: "Công nghiệp"
        }
    }

    private static let foreignStems = [
        "Hanil", "Daesung", "Seojin", "Taiyo", "Nitto Seiko", "Kyowa", "Shinsung", "Sanwa", "Dongwon",
        "Meiko", "Tohoku", "Kowa", "Jinyoung", "Fuhong", "Bosung", "Namyang", "Okamoto", "Hirata",
        "Segyung", "Wintek", "Asahi", "Marugo", "Yoshida", "Chang Hong", "Everwin", "Lienfa", "Kumho",
        "Sungwoo", "Takahata", "Mitsuba", "Ohara", "Daiwa", "Hwaseung", "Yura", "Tenma", "Sakura",
    ]

    private static let vietnameseStems = [
        "An Phát", "Hưng Thịnh", "Việt Tiến", "Minh Long", "Phú Thành", "Thành Công", "Đại Dương",
        "Tân Á", "Hòa Bình", "Sao Mai", "Bình Minh", "Trường Sơn", "Hồng Hà", "Kim Long", "Đông Á",
        "Nam Việt", "Tiến Đạt", "Quang Minh", "Hải Âu", "Thịnh Phát", "Phúc Lâm", "Đức Anh",
        "Hoàng Gia", "Vạn Xuân", "Lạc Việt", "Thái Bình Dương", "Kỳ Anh", "Toàn Cầu", "Nhật Quang",
        "Gia Bảo",
    ]
}
