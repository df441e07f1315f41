import Testing

@testable import SiteBuild

@Suite("Spreadsheet cells at Excel's limit")
struct XLSXCellLimitTests {
  @Test("a text of at most 32,767 characters is kept whole, however many bytes it takes")
  func keptWhole() {
    for piece in ["a", "é", "国", "😀"] {
      let text = String(repeating: piece, count: XLSXWorkbook.cellLimit)
      #expect(XLSXWorkbook.fitted(text) == text)
    }
  }

  @Test("a longer text is cut to 32,767 characters ending in […]")
  func cut() {
    for piece in ["a", "é", "国", "😀"] {
      let text = String(repeating: piece, count: XLSXWorkbook.cellLimit + 1)
      let fitted = XLSXWorkbook.fitted(text)
      #expect(fitted.unicodeScalars.count == XLSXWorkbook.cellLimit)
      #expect(fitted.hasSuffix(" […]"))
      #expect(text.hasPrefix(String(fitted.dropLast(4))))
    }
  }
}
