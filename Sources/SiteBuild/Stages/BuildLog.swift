import Foundation
import SiteCore

/// A build under way: what it has found so far (the report it returns) and how long each stage
/// took, for `--timings`.
struct BuildLog {
  var report = BuildReport()
  private var last = DispatchTime.now().uptimeNanoseconds
  private var lastCPU = Self.processCPU()

  var succeeded: Bool { report.succeeded }

  mutating func add(_ problems: [Diagnostic]) { report.diagnostics += problems }

  /// Ends the stage named `name`: its wall and CPU time since the stage before.
  mutating func lap(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    let cpu = Self.processCPU()
    report.stages.append((name, Double(now - last) / 1e9, cpu - lastCPU))
    (last, lastCPU) = (now, cpu)
  }

  /// The report, with its diagnostics sorted by file and line.
  func finished() -> BuildReport {
    var report = report
    report.diagnostics = report.diagnostics.sortedByLocation()
    return report
  }

  /// User and system time of every thread of the process so far, in seconds.
  static func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
