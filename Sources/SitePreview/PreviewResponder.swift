import Foundation
import SiteCore

/// Answers one request of the preview: files of the output folder, the live-reload script and its
/// endpoint, and the build's problems while the last build fails.
public struct PreviewResponder: Sendable {
  public let resolver: PathResolver
  public let state: PreviewState
  /// How long `/_hrindex/wait` holds a request when nothing changes.
  var waitTimeout: TimeInterval = 25

  /// The policy the README recommends for hosts; the preview holds pages to it too.
  public static let securityHeaders = [
    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
  ]
  static let scriptPath = "/_hrindex/live.js"
  static let waitPath = "/_hrindex/wait"

  public init(root: String, state: PreviewState) {
    resolver = PathResolver(root: root)
    self.state = state
  }

  public func respond(to request: HTTPRequest) -> HTTPResponse {
    var response = route(request)
    response.headers += Self.securityHeaders
    return response
  }

  private func route(_ request: HTTPRequest) -> HTTPResponse {
    guard request.method == "GET" || request.method == "HEAD" else {
      return HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
        body: Array("Only GET and HEAD are served.\n".utf8))
    }
    guard Self.isLocal(host: request.headers["host"]) else {
      // Another name resolving to 127.0.0.1 (DNS rebinding) must not let a web page read the preview.
      return HTTPResponse(status: 403, contentType: "text/plain; charset=utf-8", text: "Use http://127.0.0.1/ or http://localhost/\n")
    }
    let path = String(request.target.prefix { $0 != "?" })
    if path == Self.scriptPath { return HTTPResponse(status: 200, contentType: "text/javascript; charset=utf-8", text: LiveReload.script) }
    if path == Self.waitPath {
      let seen = Int(Self.queryValue("v", in: request.target) ?? "") ?? -1
      let version = state.wait(whileVersionIs: seen, timeout: waitTimeout)
      return HTTPResponse(status: 200, contentType: "text/plain; charset=utf-8", text: String(version))
    }
    let resolution = resolver.resolve(request.target)
    let version = state.version
    if let problems = state.problems, Self.isPage(resolution) {
      return HTTPResponse(status: 500, contentType: "text/html; charset=utf-8", text: ErrorPage.html(problems, version: version))
    }
    switch resolution {
    case .file(let file):
      return serve(file, status: 200, version: version)
    case .redirect(let location):
      return HTTPResponse(status: 302, headers: [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
        body: Array("Moved to \(location)\n".utf8))
    case .notFound:
      if case .file(let page) = resolver.resolve("/404.html") { return serve(page, status: 404, version: version) }
      return HTTPResponse(status: 404, contentType: "text/plain; charset=utf-8", text: "Not found\n")
    case .forbidden:
      return HTTPResponse(status: 403, contentType: "text/plain; charset=utf-8", text: "Forbidden\n")
    }
  }

  /// A file with its type; HTML pages get the live-reload script, added here and never written to the output.
  private func serve(_ file: String, status: Int, version: Int) -> HTTPResponse {
    guard let data = FileManager.default.contents(atPath: file) else {
      return HTTPResponse(status: 404, contentType: "text/plain; charset=utf-8", text: "Not found\n")
    }
    let type = ContentType.of(file)
    var body = [UInt8](data)
    if type.hasPrefix("text/html") { body = LiveReload.inject(into: body, version: version) }
    return HTTPResponse(status: status, headers: [("Content-Type", type)], body: body)
  }

  /// Whether a failing build should answer with its problems: pages, folders and missing pages.
  static func isPage(_ resolution: PathResolution) -> Bool {
    switch resolution {
    case .file(let file): return file.hasSuffix(".html")
    case .notFound, .redirect: return true
    case .forbidden: return false
    }
  }

  /// Whether a Host header names this machine (any port); a request without one is let through.
  static func isLocal(host: String?) -> Bool {
    guard let host = host?.lowercased() else { return true }
    let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
    return ["127.0.0.1", "localhost", "[::1]"].contains(name)
  }

  static func queryValue(_ name: String, in target: String) -> String? {
    guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.first == Substring(name) { return parts.count > 1 ? String(parts[1]) : "" }
    }
    return nil
  }
}

/// Content types by file extension; anything unknown is sent as bytes.
enum ContentType {
  static let byExtension = [
    "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8", "json": "application/json", "svg": "image/svg+xml",
    "csv": "text/csv; charset=utf-8", "xml": "application/xml", "txt": "text/plain; charset=utf-8",
    "bin": "application/octet-stream", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf",
    "woff2": "font/woff2", "webmanifest": "application/manifest+json",
    "jsonl": "application/jsonl", "sqlite": "application/vnd.sqlite3",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ]

  static func of(_ path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
  }
}
