import Foundation

/// A request as the preview server reads it: the request line and headers (bodies are ignored).
public struct HTTPRequest: Sendable, Equatable {
  public var method: String
  public var target: String
  /// Header names lower-cased.
  public var headers: [String: String]

  public init(method: String, target: String, headers: [String: String] = [:]) {
    self.method = method
    self.target = target
    self.headers = headers
  }

  /// Parses the head of a request (up to the blank line); nil when it is not HTTP/1.x.
  public static func parse(_ bytes: [UInt8]) -> HTTPRequest? {
    let text = String(decoding: bytes, as: UTF8.self)
    let head = text.components(separatedBy: "\r\n\r\n")[0]
    var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { return nil }
    let parts = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return HTTPRequest(method: String(parts[0]), target: String(parts[1]), headers: headers)
  }

  /// Where the head ends in `bytes` (just past `\r\n\r\n`), if it has arrived.
  static func headEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for i in 3..<bytes.count where bytes[i] == 10 && bytes[i - 1] == 13 && bytes[i - 2] == 10 && bytes[i - 3] == 13 {
      return i + 1
    }
    return nil
  }
}

public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public init(status: Int, contentType: String, text: String) {
    self.init(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
  }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  static let reasons = [
    200: "OK", 302: "Found", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    500: "Internal Server Error",
  ]

  /// The bytes on the wire; `includeBody` is false for HEAD. Every response closes the connection.
  func serialized(includeBody: Bool = true) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    return Array(head.utf8) + (includeBody ? body : [])
  }
}
