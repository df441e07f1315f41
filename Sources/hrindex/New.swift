import ArgumentParser
import Foundation
import SiteBuild

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a minimal content folder (site.yml, one recommendation, an About page) that builds as it is.")

  @Argument(help: "The content folder to create (must not exist, or be empty).")
  var folder: String

  func run() throws {
    do {
      try NewSite.write(to: folder)
    } catch {
      Terminal.error("error: \(folder): \((error as NSError).localizedDescription)")
      throw ExitCode(1)
    }
    print("""
      Wrote a new site to \(folder). Next:
        hrindex check --content \(folder)
        hrindex build --content \(folder) --output Output
      """)
  }
}
