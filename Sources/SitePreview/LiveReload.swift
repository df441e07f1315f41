import SiteCore

/// The script that reloads a previewed page after each rebuild, and the tag that loads it.
///
/// The page asks `/_hrindex/wait?v=<its build>`; the server answers when a newer build is done (or
/// after a while, and the page asks again). An external script, so it runs under the strict
/// Content-Security-Policy the pages are served with.
enum LiveReload {
  static let script = """
    // Added by `hrindex serve` to every page it serves (never written to the output):
    // reloads the page when a rebuild finishes.
    (() => {
      const me = document.currentScript;
      const version = me ? me.dataset.version : "";
      const pause = (ms) => new Promise((done) => setTimeout(done, ms));
      (async () => {
        for (;;) {
          try {
            const response = await fetch("/_hrindex/wait?v=" + encodeURIComponent(version), { cache: "no-store" });
            if (!response.ok) { await pause(1000); continue; }
            if ((await response.text()).trim() !== version) { location.reload(); return; }
          } catch {
            await pause(1000);
          }
        }
      })();
    })();

    """

  static func tag(version: Int) -> String {
    "<script src=\"/_hrindex/live.js\" data-version=\"\(version)\" defer></script>"
  }

  /// Puts the script tag before the last `</body>`, or at the end when there is none.
  static func inject(into page: [UInt8], version: Int) -> [UInt8] {
    let tag = Array(tag(version: version).utf8)
    let close = Array("</body>".utf8)
    var i = page.count - close.count
    while i >= 0 {
      if page[i] == close[0], Array(page[i..<(i + close.count)]) == close {
        return Array(page[..<i]) + tag + Array(page[i...])
      }
      i -= 1
    }
    return page + tag
  }
}

/// The page shown instead of any page of the site while the last build fails.
enum ErrorPage {
  static func html(_ problems: [String], version: Int) -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Build failed · hrindex serve</title>
      <link rel="stylesheet" href="/assets/style.css">
      <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
      </head>
      <body>
      <main class="wrap">
      <h1>The build failed</h1>
      <p>Fix what is listed below and save: this page reloads by itself.</p>
      <pre class="build-problems">
      """
    page += problems.map(HTML.escape).joined(separator: "\n")
    page += "</pre>\n</main>\n" + LiveReload.tag(version: version) + "\n</body>\n</html>\n"
    return page
  }
}
