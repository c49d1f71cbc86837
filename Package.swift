// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "praktika",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "praktika", targets: ["praktika"]),
        .library(name: "PraktikaKit", targets: ["PraktikaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CGzip",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "PraktikaKit",
            dependencies: [
                "CCmark",
                "CQRencode",
                "CGzip",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("DefaultTheme"), .copy("SiteSkeleton")]
        ),
        .target(
            name: "PraktikaServe",
            dependencies: [
                "PraktikaKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "praktika",
            dependencies: [
                "PraktikaKit",
                "PraktikaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian libjemalloc-dev) replaces glibc's malloc for the
            // whole process: a build allocates millions of small strings and
            // dictionaries on two threads, and it took a quarter less time.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "PraktikaKitTests",
            dependencies: ["PraktikaKit", "PraktikaServe", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
