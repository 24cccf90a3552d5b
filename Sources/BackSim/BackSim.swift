// `import BackSim` is all a tool needs: the engine, the policies, the
// statistics types of its results, and the reports.
@_exported public import BackSimCore
@_exported public import BackSimReports
