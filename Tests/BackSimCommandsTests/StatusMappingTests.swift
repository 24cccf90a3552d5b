import ArgumentParser
import BackSimReports
import Testing

@testable import BackSimCommands

@Suite struct StatusMappingTests {
    private struct Unexpected: Error {}

    @Test func mapsFailuresToSysexits() {
        #expect(BackSim.status(for: AtomicFileError(path: "/x", reason: "full")) == .ioError)
        #expect(BackSim.status(for: StreamWriteError(stream: "standard output", reason: "broken pipe")) == .ioError)
        #expect(BackSim.status(for: Unexpected()) == .internalError)
        // ArgumentParser's own errors keep its statuses (64 usage, 0 help).
        #expect(BackSim.status(for: ValidationError("bad")) == nil)
        #expect(BackSim.exitCode(for: ValidationError("bad")).rawValue == ExitStatus.usage.rawValue)
        #expect(BackSim.status(for: CleanExit.helpRequest()) == nil)
    }
}
