import Workforce

/// Vietnam's 34 provinces and centrally run cities after the 2025 merger, with an assumed weight
/// of supporting-industry activity used to place output, institutions and enterprises.
public enum ProvinceCatalogue {
    /// One province: its region record and its relative industrial weight (an assumption).
    public struct Province: Hashable, Sendable {
        /// Code (`HN`, `HCM`, …), name with diacritics and macro-region.
        public var region: Region
        /// Relative weight of supporting-industry output (HCM City = 18); not a seed figure.
        public var industrialWeight: Double
    }

    /// The 34 provinces and cities, most industrial first.
    public static let provinces: [Province] = [
        entry("HCM", "Hồ Chí Minh City", southeast, 18),
        entry("HN", "Hà Nội", redRiver, 14),
        entry("BNI", "Bắc Ninh", redRiver, 12),
        entry("HPG", "Hải Phòng", redRiver, 10),
        entry("DNA", "Đồng Nai", southeast, 8),
        entry("PTO", "Phú Thọ", northernMountains, 6),
        entry("TNG", "Thái Nguyên", northernMountains, 6),
        entry("DNG", "Đà Nẵng", centralCoast, 4),
        entry("HYE", "Hưng Yên", redRiver, 4),
        entry("QNI", "Quảng Ninh", redRiver, 4),
        entry("TNI", "Tây Ninh", southeast, 4),
        entry("HTI", "Hà Tĩnh", centralCoast, 2),
        entry("THA", "Thanh Hóa", centralCoast, 2),
        entry("NAN", "Nghệ An", centralCoast, 2),
        entry("NBI", "Ninh Bình", redRiver, 2),
        entry("QNG", "Quảng Ngãi", centralCoast, 1.5),
        entry("KHA", "Khánh Hòa", centralCoast, 1),
        entry("GLA", "Gia Lai", centralHighlands, 1),
        entry("CTO", "Cần Thơ", mekong, 1),
        entry("HUE", "Huế", centralCoast, 0.7),
        entry("QTR", "Quảng Trị", centralCoast, 0.5),
        entry("VLG", "Vĩnh Long", mekong, 0.5),
        entry("DTP", "Đồng Tháp", mekong, 0.5),
        entry("AGI", "An Giang", mekong, 0.5),
        entry("LDO", "Lâm Đồng", centralHighlands, 0.5),
        entry("CMA", "Cà Mau", mekong, 0.3),
        entry("DLK", "Đắk Lắk", centralHighlands, 0.3),
        entry("TQU", "Tuyên Quang", northernMountains, 0.3),
        entry("LCA", "Lào Cai", northernMountains, 0.3),
        entry("LSN", "Lạng Sơn", northernMountains, 0.3),
        entry("CBG", "Cao Bằng", northernMountains, 0.1),
        entry("SLA", "Sơn La", northernMountains, 0.1),
        entry("DBI", "Điện Biên", northernMountains, 0.05),
        entry("LCH", "Lai Châu", northernMountains, 0.05),
    ]

    /// The weight of a region code, 1 for a code not in the catalogue.
    static func weight(of region: Region.ID) -> Double {
        provinces.first { $0.region.id == region }?.industrialWeight ?? 1
    }

    private static let redRiver = "Red River Delta"
    private static let northernMountains = "Northern Midlands and Mountains"
    private static let centralCoast = "North Central and Central Coast"
    private static let centralHighlands = "Central Highlands"
    private static let southeast = "Southeast"
    private static let mekong = "Mekong River Delta"

    private static func entry(_ code: String, _ name: String, _ macro: String, _ weight: Double) -> Province {
        Province(region: Region(id: Region.ID(code), name: name, macroRegion: macro), industrialWeight: weight)
    }
}
