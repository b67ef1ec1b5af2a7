// swift-tools-version: 6.0
import PackageDescription

/// One set of compiler settings for every target, as in Hummingbird's manifest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "SkillPlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skillplan", targets: ["skillplan"]),
        .library(name: "Workforce", targets: ["Workforce"]),
        .library(name: "Forecast", targets: ["Forecast"]),
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "Allocation", targets: ["Allocation"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "ExcelExport", targets: ["ExcelExport"]),
        .library(name: "Texts", targets: ["Texts"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "PlanRuns", targets: ["PlanRuns"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The portal only (the Portal target, the executable and their tests).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System libraries (Debian packages), wrapped as GRDB wraps SQLite.
        .systemLibrary(
            name: "CCoinOR",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // Every text a person reads, one catalogue per language.
        .target(name: "Texts", swiftSettings: swiftSettings),

        // Run folders and the comparison of two stored runs (no storage dependency: the CLI, the
        // planning pipeline and the portal all use them).
        .target(name: "PlanRuns", dependencies: ["Texts"], swiftSettings: swiftSettings),

        // The data flow, one stage a target.
        .target(
            name: "Workforce",
            dependencies: [
                "Texts",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                "XLSXReading",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "XLSXReading",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Forecast", dependencies: ["Workforce"], swiftSettings: swiftSettings),
        .target(name: "ScenarioSynthesis", dependencies: ["Workforce"], swiftSettings: swiftSettings),
        .target(
            name: "Optimization",
            dependencies: [
                "CCoinOR",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Allocation",
            dependencies: ["Workforce", "Forecast", "Optimization", "Matching"],
            swiftSettings: swiftSettings
        ),
        .target(name: "Matching", dependencies: ["Workforce", "Texts"], swiftSettings: swiftSettings),
        .target(
            name: "Storage",
            dependencies: ["Workforce", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ExcelExport",
            dependencies: ["CXlsxWriter", "CDeflate", "Texts", "Workforce", "Forecast", "Optimization", "Allocation", "Matching", "PlanRuns"],
            swiftSettings: swiftSettings
        ),
        // The main job (load → forecast → allocate → frontier → match → workbooks) that the CLI and
        // the portal both run.
        .target(
            name: "Planning",
            dependencies: ["Workforce", "Forecast", "Allocation", "Matching", "Storage", "ExcelExport", "Texts", "PlanRuns"],
            swiftSettings: swiftSettings
        ),
        // The planning portal: a Hummingbird 2 application over the store (`skillplan serve`).
        .target(
            name: "Portal",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "Storage", "Workforce", "ExcelExport", "Texts",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "skillplan",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Workforce", "Forecast", "Optimization", "Allocation", "Matching", "Storage",
                "ExcelExport", "ScenarioSynthesis", "Texts", "Planning", "PlanRuns", "Portal",
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "PlanningTests", dependencies: ["Planning", "Storage", "Workforce", "XLSXReading", "ExcelExport", "Texts"],
            swiftSettings: swiftSettings),
        .testTarget(name: "TextsTests", dependencies: ["Texts"], swiftSettings: swiftSettings),
        .testTarget(name: "PlanRunsTests", dependencies: ["PlanRuns"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkforceTests", dependencies: ["Workforce"], swiftSettings: swiftSettings),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast"], swiftSettings: swiftSettings),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization", "CCoinOR"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AllocationTests",
            dependencies: ["Allocation", "Forecast", "Optimization", "Workforce", "Matching"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ScenarioSynthesisTests",
            dependencies: ["ScenarioSynthesis", "Workforce"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "Texts"], swiftSettings: swiftSettings),
        .testTarget(name: "StorageTests", dependencies: ["Storage"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "Storage", "Workforce", "ExcelExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SkillPlanCLITests",
            dependencies: ["skillplan"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "XLSXReadingTests",
            dependencies: ["XLSXReading", "Workforce", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExcelExportTests",
            dependencies: ["ExcelExport", "XLSXReading", "Workforce", "Forecast", "Allocation", "Matching"],
            swiftSettings: swiftSettings
        ),
    ]
)
