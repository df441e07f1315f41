import Foundation
import SiteCore
import SiteFiles

/// What one build reads and where it writes; paths as the user gave them (relative to the
/// working folder or absolute).
public struct BuildConfiguration: Sendable {
  public var content: String
  public var templates: String?
  public var publicFolder: String?
  public var output: String
  public var baseURL: String?
  /// Which exports to write instead of what `site.yml`'s `exports:` says (nil: as it says).
  /// `hrindex serve` previews with none, so that an edited text rebuilds in about a second.
  public var exports: ExportSettings?
  /// Worker threads for the per-file stages; defaults to the machine's active cores.
  public var threads: Int
  /// Told where a long build is (stage, items done); the command line draws it on a terminal.
  public var progress: (@Sendable (BuildProgress) -> Void)?

  public init(content: String = "Content", templates: String? = nil, publicFolder: String? = nil,
              output: String = "Output", baseURL: String? = nil, threads: Int? = nil) {
    self.content = content
    self.templates = templates
    self.publicFolder = publicFolder
    self.output = output
    self.baseURL = baseURL
    self.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
  }

  /// `Templates/` or `Public/` beside the content folder, when it exists.
  func sibling(_ name: String) -> String? {
    let parent = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
    let candidate = parent.appendingPathComponent(name).path
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue
      ? Self.display(candidate) : nil
  }

  /// The templates folder in use: `--templates`, or `Templates/` beside the content.
  var templatesFolder: String? { templates ?? sibling("Templates") }

  /// The public folder in use: `--public`, or `Public/` beside the content.
  var publicFolderInUse: String? { publicFolder ?? sibling("Public") }

  /// The folders a build reads, which its output must never contain.
  public var inputFolders: [String] { [content, templatesFolder, publicFolderInUse].compactMap { $0 } }

  /// A path as messages show it: relative to the working folder when inside it.
  static func display(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
  }
}

/// Where a build is: the stage and how many of its items are done.
public struct BuildProgress: Sendable {
  public var stage: String
  public var done: Int
  public var total: Int
}

/// What a build did: the counts for the summary line and every diagnostic.
public struct BuildReport: Sendable {
  public var diagnostics: [Diagnostic] = []
  public var recommendations = 0
  public var pages = 0
  public var files = 0
  /// Files actually written: the others were already in the standby copy, byte for byte.
  public var filesWritten = 0
  public var incremental = false
  /// Set when the build re-rendered only edited texts: the number of recommendations whose pages
  /// it rendered (nil for a build that rendered every page).
  public var textEdits: Int?
  public var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
  public var succeeded: Bool { diagnostics.errorCount == 0 }
  public init() {}
}
