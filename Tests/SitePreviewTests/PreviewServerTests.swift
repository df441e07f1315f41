import Foundation
import Testing

@testable import SitePreview

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Sends one raw request to 127.0.0.1:`port` and returns everything the server sent back.
func exchange(_ request: String, port: UInt16) throws -> String {
  #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
  #endif
  try #require(fd >= 0)
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = port.bigEndian
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
  }
  try #require(connected == 0)
  let bytes = Array(request.utf8)
  _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
  var received: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    if n <= 0 { break }
    received += buffer[..<n]
  }
  return String(decoding: received, as: UTF8.self)
}

@Suite("The preview server")
struct PreviewServerTests {
  @Test("serves a file over a real socket on 127.0.0.1, with its type and the security headers")
  func roundTrip() throws {
    let folder = try PreviewFolder()
    let server = try PreviewServer(responder: PreviewResponder(root: folder.root, state: PreviewState()), port: 0)
    server.start()
    defer { server.stop() }
    #expect(server.port != 0)

    let csv = try exchange("GET /countries/ecu/matrix.csv HTTP/1.1\r\nHost: localhost\r\n\r\n", port: server.port)
    #expect(csv.hasPrefix("HTTP/1.1 200 OK\r\n"))
    #expect(csv.contains("Content-Type: text/csv; charset=utf-8\r\n"))
    #expect(csv.contains("Content-Security-Policy: default-src 'self';"))
    #expect(csv.contains("X-Content-Type-Options: nosniff\r\n"))
    #expect(csv.hasSuffix("\r\n\r\ntheme,id\r\n"))

    let script = try exchange("GET /search/search.js HTTP/1.1\r\n\r\n", port: server.port)
    #expect(script.contains("Content-Type: text/javascript; charset=utf-8\r\n"))

    let page = try exchange("GET /countries/ecu/ HTTP/1.1\r\n\r\n", port: server.port)
    #expect(page.contains("<p>Ecuador</p><script src=\"/_hrindex/live.js\" data-version=\"0\" defer></script></body>"))

    let escape = try exchange("GET /%2e%2e/secret.txt HTTP/1.1\r\n\r\n", port: server.port)
    #expect(escape.hasPrefix("HTTP/1.1 403 "))
    #expect(!escape.contains("outside the root"))

    let missing = try exchange("GET /nowhere/ HTTP/1.1\r\n\r\n", port: server.port)
    #expect(missing.hasPrefix("HTTP/1.1 404 "))
    #expect(missing.contains("missing"))

    let head = try exchange("HEAD / HTTP/1.1\r\n\r\n", port: server.port)
    #expect(head.hasPrefix("HTTP/1.1 200 ") && head.hasSuffix("\r\n\r\n"))

    let post = try exchange("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", port: server.port)
    #expect(post.hasPrefix("HTTP/1.1 405 "))

    let garbage = try exchange("hello\r\n\r\n", port: server.port)
    #expect(garbage.hasPrefix("HTTP/1.1 400 "))
  }

  @Test("the live-reload endpoint answers as soon as a build finishes")
  func liveReload() async throws {
    let folder = try PreviewFolder()
    let state = PreviewState()
    var responder = PreviewResponder(root: folder.root, state: state)
    // Long enough that a test runner busy with other suites (two cores) cannot make the request
    // time out before this test gets to finish its build.
    responder.waitTimeout = 600
    let server = try PreviewServer(responder: responder, port: 0)
    server.start()
    defer { server.stop() }
    let port = server.port
    let waiting = Task.detached { try exchange("GET /_hrindex/wait?v=0 HTTP/1.1\r\n\r\n", port: port) }
    try await Task.sleep(for: .milliseconds(200))
    state.finishBuild(problems: nil)
    let answer = try await waiting.value
    #expect(answer.hasPrefix("HTTP/1.1 200 ") && answer.hasSuffix("\r\n\r\n1"))
    let script = try exchange("GET /_hrindex/live.js HTTP/1.1\r\n\r\n", port: port)
    #expect(script.contains("location.reload()"))
  }

  @Test("while a build fails, pages show its problems, escaped; assets are still served")
  func errorPage() throws {
    let folder = try PreviewFolder()
    let state = PreviewState()
    state.finishBuild(problems: ["Content/x.md:1:1: error: [title] bad <script>alert(\"x\")</script> & more"])
    let responder = PreviewResponder(root: folder.root, state: state)
    let page = responder.respond(to: HTTPRequest(method: "GET", target: "/countries/ecu/"))
    let text = String(decoding: page.body, as: UTF8.self)
    #expect(page.status == 500)
    #expect(text.contains("bad &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
    #expect(!text.contains("<script>alert"))
    #expect(text.contains("data-version=\"1\""))
    let asset = responder.respond(to: HTTPRequest(method: "GET", target: "/search/search.js"))
    #expect(asset.status == 200)
    #expect(responder.respond(to: HTTPRequest(method: "GET", target: "/%2e%2e/secret.txt")).status == 403)
  }

  @Test("requests naming another host are refused, against DNS rebinding")
  func hostCheck() throws {
    let folder = try PreviewFolder()
    let responder = PreviewResponder(root: folder.root, state: PreviewState())
    for host in ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000", "LOCALHOST:1"] {
      #expect(responder.respond(to: HTTPRequest(method: "GET", target: "/", headers: ["host": host])).status == 200, "\(host)")
    }
    for host in ["evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example:8000"] {
      #expect(responder.respond(to: HTTPRequest(method: "GET", target: "/", headers: ["host": host])).status == 403, "\(host)")
    }
  }

  @Test("content types cover the site's files", arguments: [
    ("a/index.html", "text/html; charset=utf-8"), ("search/search.js", "text/javascript; charset=utf-8"),
    ("assets/icon.svg", "image/svg+xml"), ("countries/ecu/matrix.csv", "text/csv; charset=utf-8"),
    ("search/index/meta.json", "application/json"), ("search/index/t/0.bin", "application/octet-stream"),
    ("assets/style.css", "text/css; charset=utf-8"), ("sitemap.xml", "application/xml"), ("LICENSE", "application/octet-stream"),
    ("downloads/recommendations.jsonl", "application/jsonl"), ("downloads/recommendations.sqlite", "application/vnd.sqlite3"),
    ("downloads/recommendations.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  ])
  func contentTypes(path: String, type: String) {
    #expect(ContentType.of(path) == type)
  }

  @Test("request heads parse into method, target and lower-cased headers")
  func parsing() {
    let request = HTTPRequest.parse(Array("GET /a?b=1 HTTP/1.1\r\nHost: x\r\nAccept:  text/html \r\n\r\n".utf8))
    #expect(request == HTTPRequest(method: "GET", target: "/a?b=1", headers: ["host": "x", "accept": "text/html"]))
    #expect(HTTPRequest.parse(Array("GET /a\r\n\r\n".utf8)) == nil)
    #expect(HTTPRequest.headEnd(Array("GET / HTTP/1.1\r\n\r\nbody".utf8)) == 18)
  }
}
