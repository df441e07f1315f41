import Foundation
import Testing

/// `hrindex` links mimalloc (see `Allocator` in the executable); the tests' own process runs on
/// the C library's malloc. The command must really run on mimalloc, and write the same bytes.
@Suite struct AllocatorTests {
  @Test func theCommandRunsOnMimallocAndWritesWhatAnInProcessBuildWrites() throws {
    let content = SiteFixture.content("multilingual")
    let (inProcess, report) = SiteFixture.build(content: content)
    #expect(report.succeeded)
    let output = SiteFixture.temporaryFolder("allocator") + "/Output"
    let repository = SiteFixture.repository
    let run = HRIndexRun.wait([
      "build", "--content", content, "--output", output, "--timings",
      "--templates", repository.appendingPathComponent("Templates").path,
      "--public", repository.appendingPathComponent("Public").path,
    ])
    #expect(run.status == 0, "\(run.output)")
    let line = run.output.split(separator: "\n").first { $0.contains("memory allocator:") }
    let allocator = try #require(line, "no allocator line in: \(run.output)")
    #expect(allocator.contains("memory allocator: mimalloc 2."), "\(allocator)")

    #expect(SiteFixture.files(in: inProcess).count > 50)
    SiteFixture.expectSameFiles(output, as: inProcess, "differs from an in-process build (glibc's malloc)")
  }
}
