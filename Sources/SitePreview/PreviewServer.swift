import Foundation

#if canImport(Glibc)
  import Glibc
  private let streamSocket = Int32(SOCK_STREAM.rawValue)
  private let noSignal = Int32(MSG_NOSIGNAL)
#else
  import Darwin
  private let streamSocket = SOCK_STREAM
  private let noSignal: Int32 = 0
#endif

public struct PreviewError: Error, CustomStringConvertible {
  public var description: String
}

/// A small HTTP/1.1 server on 127.0.0.1 only: one thread per connection, one request per
/// connection, answers from a `PreviewResponder`. For previewing a site on one's own machine.
public final class PreviewServer: @unchecked Sendable {
  public let port: UInt16
  private let listener: Int32
  private let responder: PreviewResponder
  /// The longest request head read; anything longer is refused.
  static let maxHead = 32 * 1024

  /// Binds 127.0.0.1:`port` (0 picks a free port, then read `port`).
  public init(responder: PreviewResponder, port: UInt16) throws(PreviewError) {
    self.responder = responder
    let fd = socket(AF_INET, streamSocket, 0)
    guard fd >= 0 else { throw Self.failure("cannot open a socket") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      let error = Self.failure("cannot listen on 127.0.0.1:\(port)")
      close(fd)
      throw error
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    self.port = UInt16(bigEndian: address.sin_port)
  }

  /// Accepts connections on a thread of its own until `stop()`.
  public func start() {
    Thread.detachNewThread { [self] in
      while true {
        let client = accept(listener, nil, nil)
        if client < 0 {
          if errno == EINTR || errno == ECONNABORTED { continue }
          return
        }
        Thread.detachNewThread { [self] in handle(client) }
      }
    }
  }

  public func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func handle(_ client: Int32) {
    defer { close(client) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while HTTPRequest.headEnd(received) == nil {
      let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      guard n > 0 else { return }
      received += buffer[..<n]
      guard received.count <= Self.maxHead else { return send(HTTPResponse(status: 400, contentType: "text/plain", text: "Too long\n"), to: client) }
    }
    guard let request = HTTPRequest.parse(received) else {
      return send(HTTPResponse(status: 400, contentType: "text/plain; charset=utf-8", text: "Bad request\n"), to: client)
    }
    send(responder.respond(to: request), to: client, includeBody: request.method != "HEAD")
  }

  private func send(_ response: HTTPResponse, to client: Int32, includeBody: Bool = true) {
    let bytes = response.serialized(includeBody: includeBody)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Foundation.send(client, $0.baseAddress! + offset, bytes.count - offset, noSignal) }
      guard n > 0 else { return }
      offset += n
    }
  }

  private static func failure(_ what: String) -> PreviewError {
    PreviewError(description: "\(what): \(String(cString: strerror(errno)))")
  }
}
