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

    let expected = SiteFixture.files(in: inProcess)
    let actual = SiteFixture.files(in: output)
    #expect(expected.count > 50)
    #expect(Set(actual.keys) == Set(expected.keys))
    let differing = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
    #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
  }
}
