import Foundation
import Testing

@testable import SitePreview

/// A served folder `site/` with a secret beside it, and symbolic links that try to reach it.
struct PreviewFolder {
  let parent: String
  var root: String { parent + "/site" }

  init() throws {
    parent = FileManager.default.temporaryDirectory
      .appendingPathComponent("hrindex-preview-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
    let files = [
      "site/index.html": "<html><body><h1>Home</h1></body></html>",
      "site/countries/ecu/index.html": "<!DOCTYPE html><body><p>Ecuador</p></body>",
      "site/countries/ecu/matrix.csv": "theme,id\r\n",
      "site/search/search.js": "export {};\n",
      "site/404.html": "<body>missing</body>",
      "site/.hrindex-output": "manifest",
      "site/empty/readme.txt": "no index here",
      "secret.txt": "outside the root",
    ]
    for (path, text) in files {
      let url = URL(fileURLWithPath: parent + "/" + path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: false, encoding: .utf8)
    }
    try FileManager.default.createSymbolicLink(atPath: parent + "/site/leak.txt", withDestinationPath: "../secret.txt")
    try FileManager.default.createSymbolicLink(atPath: parent + "/site/up", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: parent + "/site/inside.txt", withDestinationPath: "countries/ecu/matrix.csv")
  }
}

@Suite("Preview paths stay inside the output folder")
struct PathResolverTests {
  @Test("escapes by dot segments, encoded or not, are refused", arguments: [
    "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/countries/..%2f..%2fsecret.txt",
    "/countries/%2e%2e/%2e%2e/secret.txt", "/./index.html", "/..", "/%2e%2e",
  ])
  func dotSegments(target: String) throws {
    let folder = try PreviewFolder()
    #expect(PathResolver(root: folder.root).resolve(target) == .forbidden)
  }

  @Test("NUL and control characters, raw or encoded, and malformed escapes are refused", arguments: [
    "/index.html%00.txt", "/%00", "/countries%0a/", "/%zz", "/%2", "/%ff%fe",
  ])
  func malformed(target: String) throws {
    let folder = try PreviewFolder()
    #expect(PathResolver(root: folder.root).resolve(target) == .forbidden)
  }

  @Test("a symbolic link that leaves the root is refused; one that stays inside is served")
  func symbolicLinks() throws {
    let folder = try PreviewFolder()
    let resolver = PathResolver(root: folder.root)
    #expect(resolver.resolve("/leak.txt") == .forbidden)
    #expect(resolver.resolve("/up/secret.txt") == .forbidden)
    #expect(resolver.resolve("/up/") == .forbidden)
    let real = PathResolver.realPath(folder.root + "/countries/ecu/matrix.csv")!
    #expect(resolver.resolve("/inside.txt") == .file(real))
  }

  @Test("folders serve index.html, and redirect to their address with a slash")
  func folders() throws {
    let folder = try PreviewFolder()
    let resolver = PathResolver(root: folder.root)
    let root = PathResolver.realPath(folder.root)!
    #expect(resolver.resolve("/") == .file(root + "/index.html"))
    #expect(resolver.resolve("/countries/ecu/") == .file(root + "/countries/ecu/index.html"))
    #expect(resolver.resolve("/countries/ecu/?q=1#x") == .file(root + "/countries/ecu/index.html"))
    #expect(resolver.resolve("/countries/ecu") == .redirect("/countries/ecu/"))
    #expect(resolver.resolve("/countries/ecu?page=2") == .redirect("/countries/ecu/?page=2"))
    #expect(resolver.resolve("/empty/") == .notFound)
  }

  @Test("missing and hidden files are not found; percent-encoded names are decoded once")
  func missing() throws {
    let folder = try PreviewFolder()
    let resolver = PathResolver(root: folder.root)
    #expect(resolver.resolve("/nothing/here") == .notFound)
    #expect(resolver.resolve("/.hrindex-output") == .notFound)
    #expect(resolver.resolve("/%2ehrindex-output") == .notFound)
    #expect(resolver.resolve("/search/search%2ejs") == .file(PathResolver.realPath(folder.root + "/search/search.js")!))
    #expect(resolver.resolve("/search%252fsearch.js") == .notFound)
    #expect(resolver.resolve("relative.html") == .forbidden)
  }
}
