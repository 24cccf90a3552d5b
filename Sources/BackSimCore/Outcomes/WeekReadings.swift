import Stochastics

/// Every metric's value for one person-week, read once from its
/// ``WeekOutcome`` and then handed to every accumulator that records it (the
/// policy's histograms, a subgroup's, the paired per-person values).
///
/// `values[m]` belongs to `Metric.all[m]`: the recorded integer of a
/// histogram metric (``Metric/recordedRange``), or the fixed-point ticks
/// (``ExactMoments/ticks(_:)``) of a continuous one; ``undefined`` when the
/// metric has no value that week (e.g. adherence with nothing prescribed,
/// any weekly quantity at baseline, a ratio whose chronic load is 0).
///
/// This is the one place that says how a person-week is read: the per-policy
/// summaries and the paired comparisons record the same values. Reading
/// costs no libm call (the roundings are done in integer arithmetic, see
/// ``nearestInteger(_:atMost:)``).
///
/// The values live in a row of ``stride`` integers that the owner provides
/// (a worker's batch of person-weeks, recorded later week by week): readers
/// index it through a pointer, with no copy (an `InlineArray` indexed by a
/// variable was copied whole per access). Past the metrics, the row holds
/// what the per-policy accumulators need besides them: the week, the weeks
/// of first response and dropout, and the calibration expectations.
struct WeekReadings {
    /// `Metric.all.count`: the metrics' values, first in the row.
    static let count = 27
    /// Integers per row.
    static let stride = 32
    /// No value this week.
    static let undefined = Int64.min

    /// Positions in `Metric.all`.
    static let pain = 0, adherence = 1, retention = 2, disability = 3, sessionsDone = 4, load = 5,
        flareUps = 6, referrals = 7, doctorFlags = 8, painChange = 9, disabilityChange = 10, responder30 = 11,
        responder2pt = 12, responder50 = 13, aerobicMinutes = 14, strengthVolume = 15, acuteLoad = 16,
        chronicLoad = 17, acwrCoupled = 18, acwrUncoupled = 19, acwrEWMA = 20, fitness = 21, fatigue = 22, form = 23,
        referred = 24, painFree = 25, recovered = 26
    /// Positions past the metrics: ``WeekOutcome/week``,
    /// ``WeekOutcome/firstResponseWeek``, ``WeekOutcome/dropoutWeek``; with
    /// expectations, the expected pain report and the unrounded disability
    /// in fixed point (``OutcomeAccumulator/fixedPoint``).
    static let week = 27, firstResponseWeek = 28, dropoutWeek = 29, expectedPain = 30, disabilityScore = 31

    let values: UnsafeMutablePointer<Int64>

    /// The value at `position` (`Metric.all[position]` for the first ``count``).
    @inline(__always)
    subscript(position: Int) -> Int64 { values[position] }

    /// Replaces the values with those of `o`; `expectations` is the pain
    /// report's SD when the plan records expectations, else nil.
    @inline(__always)
    func read(_ o: WeekOutcome, expectations reportSD: Double?) {
        values.update(repeating: Self.undefined, count: Self.count)
        values[Self.week] = Int64(o.week)
        values[Self.firstResponseWeek] = Int64(o.firstResponseWeek)
        values[Self.dropoutWeek] = Int64(o.dropoutWeek)
        if let reportSD {
            let expected = PainReport.expectedNRS(o.latentPain, sd: reportSD)
            values[Self.expectedPain] = Int64((expected * OutcomeAccumulator.fixedPoint).rounded())
            values[Self.disabilityScore] = Int64((o.disabilityScore * OutcomeAccumulator.fixedPoint).rounded())
        }
        let baseline = o.baselineReport, previous = o.previousPainReport, report = o.painReport
        values[Self.pain] = Int64(report)
        values[Self.retention] = o.retained ? 1 : 0
        values[Self.disability] = Int64(o.disability)
        values[Self.flareUps] = Int64(o.flareUps < 50 ? o.flareUps : 50)
        values[Self.referrals] = Int64(o.referrals < 50 ? o.referrals : 50)
        values[Self.doctorFlags] = o.doctorFlag ? 1 : 0
        values[Self.painChange] = Int64(report - baseline)
        values[Self.disabilityChange] = Int64(o.disability - o.baselineDisability)
        // Sustained responses (model 2): the criterion this week and the week before.
        values[Self.responder30] = WeekOutcome.sustained(
            WeekOutcome.responds30, baseline: baseline, previous: previous, report: report) ? 1 : 0
        values[Self.responder2pt] = WeekOutcome.sustained(
            WeekOutcome.responds2pt, baseline: baseline, previous: previous, report: report) ? 1 : 0
        values[Self.responder50] = WeekOutcome.sustained(
            WeekOutcome.responds50, baseline: baseline, previous: previous, report: report) ? 1 : 0
        values[Self.referred] = o.referrals > 0 ? 1 : 0
        values[Self.painFree] = report == 0 ? 1 : 0
        values[Self.recovered] = o.firstPainFreeWeek > 0 ? 1 : 0
        guard o.week > 0 else { return }

        if o.sessionsPrescribed > 0 {
            values[Self.adherence] = Int64(o.sessionsDone * 420 / o.sessionsPrescribed)
        }
        values[Self.sessionsDone] = Int64(o.sessionsDone)
        values[Self.load] = Self.nearestInteger(o.load / 10, atMost: 1_500)
        values[Self.aerobicMinutes] = Self.nearestInteger(o.aerobicMinutes, atMost: 600)
        values[Self.strengthVolume] = Self.nearestInteger(o.strengthVolume / 5, atMost: 1_000)

        // Training-load metrics: each computed once here (a ratio is nil,
        // hence undefined, while its chronic load is 0).
        let loads = o.loads
        let acute = loads.acuteLoad, coupled = loads.chronicLoadCoupled, uncoupled = loads.chronicLoadUncoupled
        values[Self.acuteLoad] = ExactMoments.ticks(acute)
        values[Self.chronicLoad] = ExactMoments.ticks(coupled)
        if coupled > 0 { values[Self.acwrCoupled] = ExactMoments.ticks(acute / coupled) }
        if uncoupled > 0 { values[Self.acwrUncoupled] = ExactMoments.ticks(acute / uncoupled) }
        if loads.chronicEWMA > 0 { values[Self.acwrEWMA] = ExactMoments.ticks(loads.acuteEWMA / loads.chronicEWMA) }
        values[Self.fitness] = ExactMoments.ticks(loads.fitness)
        values[Self.fatigue] = ExactMoments.ticks(loads.fatigue)
        values[Self.form] = ExactMoments.ticks(loads.form)
    }

    /// `min(Int(x.rounded()), cap)`, without libm (the model's
    /// `nearestInteger(nonNegative:)`). For the non-negative quantities
    /// recorded here (loads, minutes, volumes).
    ///
    /// - Precondition: 0 ≤ x < 2⁶²
    @inline(__always)
    static func nearestInteger(_ x: Double, atMost cap: Int64) -> Int64 {
        precondition(x >= 0 && x < 0x1p62, "\(x) is not a recordable quantity")
        let rounded = Int64(BackSimCore.nearestInteger(nonNegative: x))
        return rounded < cap ? rounded : cap
    }
}
