import CCrypto

/// SHA-256 for the import manifest, from OpenSSL's libcrypto (Debian's `libssl-dev`): the only
/// file that calls it. CryptoKit is not available on Linux, and a maintained implementation beats
/// one of our own.
enum SHA256 {
  /// The lower-case hex digest of `bytes`.
  static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    digest(bytes).map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// The 32 bytes of the digest of `bytes`.
  static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
    let message = Array(bytes)
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let done = message.withUnsafeBytes { input in
      digest.withUnsafeMutableBufferPointer { output in
        EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
      }
    }
    // EVP_Digest fails only when libcrypto cannot run SHA-256 at all: a broken installation.
    precondition(done == 1 && length == 32, "libcrypto could not compute SHA-256")
    return digest
  }
}
