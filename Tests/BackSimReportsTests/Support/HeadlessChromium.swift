import Foundation

@testable import BackSimReports

/// Renders HTML files in Debian's `chromium`, headless, for tests that must
/// see what a browser draws rather than what we meant to write.
///
/// `scripts/test` installs chromium (apt-get) when it is missing. A test that
/// needs the browser fails, rather than skipping, when it is not there.
///
/// The chart check (``probeCharts(html:)``) loads a copy of the page with a
/// probe script added (the page itself has none, and its Content-Security-
/// Policy is widened only by that script's nonce). After the page has loaded,
/// the probe measures every `svg[data-chart]` with the browser's own layout
/// (bounding boxes, path lengths) and rasterises each chart onto a canvas to
/// count the pixels that are not white, inside and outside the plot area.
/// It also records CSP violations (any attempt to load something) and script
/// errors. `--dump-dom` prints the DOM once the page and the probe's pending
/// work are done (`--virtual-time-budget`), and the results are read back from
/// it. ``screenshot(of:to:width:height:)`` saves a PNG for people to look at.
struct HeadlessChromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "chromium was not found on PATH. Run scripts/test, which installs Debian's chromium package "
                + "(apt-get install chromium), or install it yourself."
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What the probe measured for one chart.
    struct ChartProbe: Decodable {
        let id: String
        let kind: String?
        /// The rendered size of the `<svg>` in CSS pixels.
        let width: Double
        let height: Double
        /// Shapes (paths, rects, circles …) with a non-empty bounding box.
        let shapes: Int
        /// Total rendered length of data lines and whiskers.
        let dataPathLength: Double
        let series: Int
        let legendEntries: Int
        /// Data marks inside the plot: lines, bands, whiskers, markers, bars.
        let marks: Int
        /// Non-white pixels of the rasterised chart, all and inside the plot.
        let inkPixels: Int?
        let plotInkPixels: Int?
        /// Distinct colours (4 bits a channel) among the plot's ink.
        let plotColours: Int?
        let rasterError: String?
        /// Per plot area (one per panel of small multiples), each series'
        /// look as drawn: stroke colour, dash pattern and marker shape.
        let plots: [[String]]?
    }

    struct ProbeReport: Decodable {
        let charts: [ChartProbe]
        let violations: [String]
        let errors: [String]
    }

    let executable: URL

    /// The `chromium` on PATH.
    ///
    /// - Throws: ``Missing`` when there is none.
    init() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("chromium") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing()
        }
        executable = found
    }

    /// The DOM of `file` after it has loaded and settled.
    func dumpDOM(of file: URL, timeout: TimeInterval = 120) throws -> String {
        try run(["--dump-dom", "--virtual-time-budget=15000", file.absoluteString], timeout: timeout)
    }

    /// Saves a PNG of `file` rendered in a `width` × `height` window.
    func screenshot(of file: URL, to png: URL, width: Int = 1000, height: Int = 4000, timeout: TimeInterval = 120) throws {
        _ = try run(
            ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
             "--virtual-time-budget=15000", file.absoluteString],
            timeout: timeout)
        guard FileManager.default.fileExists(atPath: png.path) else {
            throw Failure(description: "chromium wrote no screenshot to \(png.path)")
        }
    }

    /// Renders `html` with the probe added (written to `directory`) and
    /// returns what it measured.
    func probeCharts(html: String, in directory: URL) throws -> ProbeReport {
        guard html.contains("</body>") else { throw Failure(description: "the page has no </body>") }
        var probed = html.replacingOccurrences(
            of: "</body>", with: "<script nonce=\"\(Self.nonce)\">\(Self.probeScript)</script></body>")
        // Allow exactly the probe's script; every other restriction of the page stays.
        let policy = SVGWriter.escape(HTMLDocument.contentSecurityPolicy)
        guard probed.contains(policy) else { throw Failure(description: "the page has no Content-Security-Policy") }
        probed = probed.replacingOccurrences(
            of: policy, with: policy + SVGWriter.escape("; script-src 'nonce-\(Self.nonce)'"))
        let file = directory.appendingPathComponent("probed.html")
        try probed.write(to: file, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(of: file)
        guard let start = dom.range(of: "<pre id=\"chart-probe\">"),
              let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            throw Failure(description: "the probe reported nothing; the page may not have loaded. DOM starts: \(dom.prefix(400))")
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(ProbeReport.self, from: Data(json.utf8))
    }

    // MARK: Running the browser

    private func run(_ arguments: [String], timeout: TimeInterval) throws -> String {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("backsim-chromium-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdout = scratch.appendingPathComponent("stdout")
        let stderr = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdout)
        let err = try FileHandle(forWritingTo: stderr)
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = executable
        // --no-sandbox: CI runs as root, where the sandbox refuses to start.
        // A private profile keeps parallel runs and the user's profile apart.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
        ] + arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium did not finish within \(Int(timeout)) s")
        }
        let output = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            throw Failure(description: "chromium exited with status \(process.terminationStatus): \(log.suffix(2000))")
        }
        return output
    }

    private static let nonce = "backsim-chart-probe"

    private static let probeScript = #"""
        (function () {
          var out = { charts: [], violations: [], errors: [] };
          document.addEventListener('securitypolicyviolation', function (e) {
            out.violations.push(e.violatedDirective + ' ' + e.blockedURI);
          });
          window.addEventListener('error', function (e) { out.errors.push(String(e.message)); });
          function measure(svg) {
            var box = svg.getBoundingClientRect();
            var shapes = 0, length = 0;
            svg.querySelectorAll('path, rect, circle, line, polyline, polygon').forEach(function (el) {
              if (el.closest('defs')) return;
              var b = el.getBBox();
              if (b.width > 0 || b.height > 0) shapes++;
            });
            svg.querySelectorAll('path.line, path.whisker').forEach(function (p) { length += p.getTotalLength(); });
            return {
              id: svg.id, kind: svg.getAttribute('data-chart'), width: box.width, height: box.height,
              shapes: shapes, dataPathLength: length,
              series: svg.querySelectorAll('g.series').length,
              legendEntries: svg.querySelectorAll('g.legend-entry').length,
              marks: svg.querySelectorAll('.plot path.line, .plot path.band, .plot path.whisker, .plot .marker, .plot rect.bar').length,
              plots: Array.prototype.map.call(svg.querySelectorAll('g.plot'), function (plot) {
                return Array.prototype.map.call(plot.querySelectorAll('g.series'), function (g) {
                  var line = g.querySelector('path.line, path.whisker, rect.bar');
                  var marker = g.querySelector('.marker');
                  var style = line ? getComputedStyle(line) : null;
                  var ink = style ? (line.tagName === 'rect' ? style.fill : style.stroke) : '';
                  return ink + '|' + (style ? style.strokeDasharray : '') + '|'
                    + (marker ? (getComputedStyle(marker).fill + ' ' + (marker.getAttribute('d') || '').replace(/[0-9.\-]+/g, '')) : '');
                });
              })
            };
          }
          function raster(svg, entry) {
            return new Promise(function (resolve) {
              var w = Math.round(svg.width.baseVal.value), h = Math.round(svg.height.baseVal.value);
              var image = new Image();
              image.onload = function () {
                try {
                  var canvas = document.createElement('canvas');
                  canvas.width = w; canvas.height = h;
                  var context = canvas.getContext('2d');
                  context.drawImage(image, 0, 0, w, h);
                  var data = context.getImageData(0, 0, w, h).data;
                  var clip = svg.querySelector('clipPath rect');
                  var cx = +clip.getAttribute('x'), cy = +clip.getAttribute('y');
                  var cw = +clip.getAttribute('width'), ch = +clip.getAttribute('height');
                  var ink = 0, plotInk = 0, colours = {};
                  for (var y = 0; y < h; y++) {
                    for (var x = 0; x < w; x++) {
                      var i = (y * w + x) * 4;
                      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) {
                        ink++;
                        if (x >= cx && x < cx + cw && y >= cy && y < cy + ch) {
                          plotInk++;
                          colours[(data[i] >> 4) + ',' + (data[i + 1] >> 4) + ',' + (data[i + 2] >> 4)] = true;
                        }
                      }
                    }
                  }
                  entry.inkPixels = ink; entry.plotInkPixels = plotInk;
                  entry.plotColours = Object.keys(colours).length;
                } catch (e) { entry.rasterError = String(e); }
                resolve();
              };
              image.onerror = function () { entry.rasterError = 'the chart did not load as an image'; resolve(); };
              image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
            });
          }
          window.addEventListener('load', function () {
            var svgs = Array.prototype.slice.call(document.querySelectorAll('svg[data-chart]'));
            var entries = svgs.map(measure);
            Promise.all(svgs.map(function (s, i) { return raster(s, entries[i]); })).then(function () {
              out.charts = entries;
              var pre = document.createElement('pre');
              pre.id = 'chart-probe';
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            });
          });
        })();
        """#
}
