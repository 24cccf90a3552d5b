import BackSimReports
import Foundation

/// `--charts DIR`: every chart of the HTML report as its own SVG file, for
/// papers and slides.
enum ChartFiles {
    /// Creates `directory` (and its parents) if missing, and checks that a
    /// file can be written there, before the run.
    static func prepare(_ directory: String) throws(AtomicFileError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AtomicFileError(path: directory, reason: "not a directory (--charts)") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AtomicFileError(path: directory, reason: "cannot create the directory (--charts)")
            }
        }
        try AtomicFile.checkDestination(path(directory, "pain"))
    }

    /// Writes each chart to `directory/ID.svg`, each whole or not at all.
    static func write(_ charts: [any SVGChart], into directory: String) throws(AtomicFileError) {
        for chart in charts {
            try AtomicFile.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg(), to: path(directory, chart.id))
        }
    }

    static func path(_ directory: String, _ id: String) -> String {
        (directory as NSString).appendingPathComponent(id + ".svg")
    }
}
