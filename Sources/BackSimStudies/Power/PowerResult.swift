import Stochastics

/// Every trial's analysis and the summary at each size.
public struct PowerResult: Sendable {
    public let design: TrialDesign
    public let trueEffect: TrueEffect
    /// Trial-major: for each trial, each size ascending, the trial then its null run.
    public let trials: [TrialResult]
    public let sizes: [PowerAtSize]

    init(design: TrialDesign, trueEffect: TrueEffect, trials: [TrialResult]) {
        self.design = design
        self.trueEffect = trueEffect
        self.trials = trials
        sizes = design.sizes.sorted().map { size in
            PowerAtSize(
                size: size, sizeA: design.sizeA(size),
                real: trials.filter { $0.size == size && !$0.null },
                null: trials.filter { $0.size == size && $0.null }, trueEffect: trueEffect.value)
        }
    }

    /// The smallest size whose power estimate reaches the target, with the
    /// Monte Carlo interval [smallest size whose Wilson upper bound reaches
    /// it, smallest size whose lower bound does]; nil parts: not reached in
    /// the sizes run.
    public var sizeForTarget: (estimate: Int?, low: Int?, high: Int?) {
        let target = design.target
        return (
            sizes.first { ($0.power ?? 0) >= target }?.size,
            sizes.first { ($0.powerInterval?.high ?? 0) >= target }?.size,
            sizes.first { ($0.powerInterval?.low ?? 0) >= target }?.size
        )
    }
}

/// The summary of every trial at one size.
public struct PowerAtSize: Sendable {
    public let size: Int
    public let sizeA: Int
    public let trials: Int
    /// Trials whose analysis failed or was degenerate (not in the power).
    public let failed: Int
    public let rejections: Int
    public let power: Double?
    public let powerInterval: ConfidenceInterval?
    public let nullFailed: Int
    public let nullRejections: Int
    /// The null run's rejection rate: the type I error (without a margin).
    public let typeOneError: Double?
    public let typeOneInterval: ConfidenceInterval?
    public let meanEstimate: Double?
    public let bias: Double?
    public let coverage: Double?
    public let meanScreened: Double
    public let meanAnalysedA: Double
    public let meanAnalysedB: Double

    init(size: Int, sizeA: Int, real: [TrialResult], null: [TrialResult], trueEffect: Double) {
        self.size = size
        self.sizeA = sizeA
        trials = real.count
        let ok = real.filter { $0.test != nil }
        failed = real.count - ok.count
        rejections = ok.count { $0.rejected == true }
        power = ok.isEmpty ? nil : Double(rejections) / Double(ok.count)
        powerInterval = ConfidenceInterval.wilson(successes: Int64(rejections), trials: Int64(ok.count))
        let nullOK = null.filter { $0.test != nil }
        nullFailed = null.count - nullOK.count
        nullRejections = nullOK.count { $0.rejected == true }
        typeOneError = nullOK.isEmpty ? nil : Double(nullRejections) / Double(nullOK.count)
        typeOneInterval = ConfidenceInterval.wilson(successes: Int64(nullRejections), trials: Int64(nullOK.count))
        meanEstimate = ok.isEmpty ? nil : ok.reduce(0) { $0 + $1.test!.estimate } / Double(ok.count)
        bias = meanEstimate.map { $0 - trueEffect }
        coverage = ok.isEmpty ? nil : Double(ok.count { $0.covered == true }) / Double(ok.count)
        let n = Double(max(real.count, 1))
        meanScreened = Double(real.reduce(0) { $0 + $1.screened }) / n
        meanAnalysedA = Double(real.reduce(0) { $0 + $1.analysedA }) / n
        meanAnalysedB = Double(real.reduce(0) { $0 + $1.analysedB }) / n
    }
}
