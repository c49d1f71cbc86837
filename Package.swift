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
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
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
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("DefaultTheme")]
        ),
        .executableTarget(
            name: "praktika",
            dependencies: [
                "PraktikaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PraktikaKitTests",
            dependencies: ["PraktikaKit"]
        ),
    ]
)
