import Foundation
import SiteBuild
import SiteCore

/// Feeds arbitrary bytes to the front-matter splitter and the recommendation decoder, the way a
/// build reads a recommendation file; any crash, hang or leak is a bug.
///
/// `scripts/fuzz` builds this target with `--sanitize fuzzer -Xswiftc -DLIBFUZZER`, which makes
/// it a libFuzzer binary. In an ordinary build it replays the files named on its command line.
enum FuzzTarget {
  static let decoder = RecommendationDecoder(vocabulary: VocabularyLoader.defaults(), defaultLanguage: "en")

  static func exercise(_ bytes: UnsafeBufferPointer<UInt8>) {
    // Invalid UTF-8 stops a real build earlier; decoding it lossily still gives the decoder
    // strings with replacement characters and NULs to chew on.
    let file = SourceFile(path: "fuzz.md", text: String(decoding: bytes, as: UTF8.self))
    if case .success(let split) = FrontMatterSplitter.split(file) {
      precondition(split.bodyLine > split.yamlLine, "the body starts before the front matter")
    }
    let decoded = decoder.decode(file)
    if let recommendation = decoded.recommendation {
      precondition(decoded.diagnostics.errorCount == 0, "a recommendation came with errors")
      precondition(isSafeID(recommendation.id.rawValue), "unsafe id \(recommendation.id)")
    } else {
      precondition(decoded.diagnostics.errorCount > 0, "a file was rejected without an error")
    }
  }

  /// `^[a-z0-9][a-z0-9-]{0,127}$`: the id names a folder of the output, so nothing else may pass.
  static func isSafeID(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    func allowed(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D }
    return (1...128).contains(bytes.count) && bytes[0] != 0x2D && bytes.allSatisfy(allowed)
  }
}

#if LIBFUZZER
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.exercise(UnsafeBufferPointer(start: data, count: size))
    return 0
  }
#else
  /// Without libFuzzer: `Fuzz FILE…` runs each file once (FuzzCorpusTests, or a crash under a debugger).
  @main
  enum FuzzReplay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        data.withUnsafeBytes { FuzzTarget.exercise($0.bindMemory(to: UInt8.self)) }
        FileHandle.standardOutput.write(Data("ok \(path)\n".utf8))  // unbuffered: survives a crash on the next file
      }
    }
  }
#endif
