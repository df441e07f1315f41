// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "HRIndex",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "hrindex", targets: ["hrindex"]),
    .library(name: "SiteBuild", targets: ["SiteBuild"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
    .target(name: "CSystem"),
    .target(name: "SiteCore", dependencies: ["Yams"]),
    .target(name: "SiteMarkdown", dependencies: ["CCMark", "SiteCore"]),
    .target(name: "SiteSearch"),
    .target(
      name: "SiteTemplates",
      dependencies: ["SiteCore", "SiteSearch"]),
    .target(
      name: "SiteBuild",
      dependencies: ["SiteCore", "SiteMarkdown", "SiteSearch", "SiteTemplates", "CSystem"]),
    .executableTarget(
      name: "hrindex",
      dependencies: [
        "SiteBuild", "SiteImport", "SitePreview", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
      ]),
    .target(name: "SiteImport", dependencies: ["SiteCore", "Yams"]),
    .target(name: "SitePreview", dependencies: ["SiteCore"]),
    .executableTarget(name: "Fuzz", dependencies: ["SiteBuild", "SiteCore"]),
    .testTarget(name: "SiteCoreTests", dependencies: ["SiteCore"]),
    .testTarget(name: "SiteMarkdownTests", dependencies: ["SiteMarkdown"]),
    .testTarget(name: "SiteImportTests", dependencies: ["SiteImport", "SiteBuild"], exclude: ["Fixtures"]),
    .testTarget(name: "SiteSearchTests", dependencies: ["SiteSearch"]),
    .testTarget(name: "SiteTemplatesTests", dependencies: ["SiteTemplates"]),
    .testTarget(name: "SitePreviewTests", dependencies: ["SitePreview"]),
    .testTarget(
      name: "SiteBuildTests", dependencies: ["SiteBuild"],
      exclude: ["Fixtures", "Golden"]),
  ]
)
