import Stochastics

/// Every metric's value for one person-week, read once from its
/// ``WeekOutcome`` and then handed to every accumulator that records it (the
/// policy's histograms, a subgroup's, the paired per-person values).
///
/// A row holds, in order:
/// - the histogram metrics' recorded integers (``Metric/recordedRange``) as
///   32-bit integers, in `Metric.all` order (``integerCount`` of them, then
///   one padding slot, so that the paired tallies read them four at a time);
/// - the continuous metrics' fixed-point ticks (``ExactMoments/ticks(_:)``),
///   in `Metric.all` order, at ``continuousStart``;
/// - what the per-policy accumulators need besides them: the week, the weeks
///   of first response and dropout, and the calibration expectations.
///
/// A metric with no value that week (e.g. adherence with nothing prescribed,
/// any weekly quantity at baseline, a ratio whose chronic load is 0) reads
/// ``undefinedInteger`` or ``undefined``. Every slot is written once per read.
///
/// This is the one place that says how a person-week is read: the per-policy
/// summaries and the paired comparisons record the same values. Reading
/// costs no libm call (the roundings are done in integer arithmetic, see
/// ``nearestInteger(_:atMost:)``).
///
/// The values live in a row of ``stride`` 64-bit words that the owner
/// provides (a worker's batch of person-weeks, recorded later week by week):
/// readers index it through a pointer, with no copy.
struct WeekReadings {
    /// Histogram metrics (`OutcomeAccumulator.Layout.histogramMetrics`).
    static let integerCount = 19
    /// Integer slots: ``integerCount`` rounded up to whole groups of four.
    static let integerSlots = 20
    /// Continuous metrics (`OutcomeAccumulator.Layout.continuousMetrics`).
    static let continuousCount = 8
    /// 64-bit words per row.
    static let stride = 24
    /// No value this week: a continuous metric's ticks, or an extra.
    static let undefined = Int64.min
    /// No value this week: a histogram metric's integer.
    static let undefinedInteger = Int32.min

    /// Positions among the integers (the histogram metrics in `Metric.all` order).
    static let pain = 0, adherence = 1, retention = 2, disability = 3, sessionsDone = 4, load = 5,
        flareUps = 6, referrals = 7, doctorFlags = 8, painChange = 9, disabilityChange = 10, responder30 = 11,
        responder2pt = 12, responder50 = 13, aerobicMinutes = 14, strengthVolume = 15, referred = 16,
        painFree = 17, recovered = 18
    /// First word of the continuous metrics' ticks (after the integers).
    static let continuousStart = integerSlots / 2
    /// Words of the continuous metrics (in `Metric.all` order).
    static let acuteLoad = continuousStart, chronicLoad = continuousStart + 1, acwrCoupled = continuousStart + 2,
        acwrUncoupled = continuousStart + 3, acwrEWMA = continuousStart + 4, fitness = continuousStart + 5,
        fatigue = continuousStart + 6, form = continuousStart + 7
    /// Words past the metrics: ``WeekOutcome/week``,
    /// ``WeekOutcome/firstResponseWeek``, ``WeekOutcome/dropoutWeek``; with
    /// expectations, the expected pain report and the unrounded disability
    /// in fixed point (``OutcomeAccumulator/fixedPoint``).
    static let week = continuousStart + continuousCount, firstResponseWeek = week + 1, dropoutWeek = week + 2,
        expectedPain = week + 3, disabilityScore = week + 4

    let values: UnsafeMutablePointer<Int64>

    /// The histogram metrics' integers.
    @inline(__always)
    var integers: UnsafeMutablePointer<Int32> {
        UnsafeMutableRawPointer(values).assumingMemoryBound(to: Int32.self)
    }

    /// The word at `position` (a continuous metric's ticks or an extra).
    @inline(__always)
    subscript(position: Int) -> Int64 { values[position] }

    /// The integer of the histogram metric at `position` among them.
    @inline(__always)
    subscript(integer position: Int) -> Int32 { integers[position] }

    /// Replaces the values with those of `o`; `expectations` is the pain
    /// report's SD when the plan records expectations, else nil.
    @inline(__always)
    func read(_ o: WeekOutcome, expectations reportSD: Double?) {
        let integers = integers
        values[Self.week] = Int64(o.week)
        values[Self.firstResponseWeek] = Int64(o.firstResponseWeek)
        values[Self.dropoutWeek] = Int64(o.dropoutWeek)
        if let reportSD {
            let expected = PainReport.expectedNRS(o.latentPain, sd: reportSD)
            values[Self.expectedPain] = Int64((expected * OutcomeAccumulator.fixedPoint).rounded())
            values[Self.disabilityScore] = Int64((o.disabilityScore * OutcomeAccumulator.fixedPoint).rounded())
        }
        // Every value below is in its metric's recorded range by construction
        // (the model clamps scores; counts and roundings are capped), so the
        // 32-bit conversions cannot trap.
        let baseline = o.baselineReport, previous = o.previousPainReport, report = o.painReport
        integers[Self.pain] = Int32(truncatingIfNeeded: report)
        integers[Self.retention] = o.retained ? 1 : 0
        integers[Self.disability] = Int32(truncatingIfNeeded: o.disability)
        integers[Self.flareUps] = Int32(truncatingIfNeeded: o.flareUps < 50 ? o.flareUps : 50)
        integers[Self.referrals] = Int32(truncatingIfNeeded: o.referrals < 50 ? o.referrals : 50)
        integers[Self.doctorFlags] = o.doctorFlag ? 1 : 0
        integers[Self.painChange] = Int32(truncatingIfNeeded: report - baseline)
        integers[Self.disabilityChange] = Int32(truncatingIfNeeded: o.disability - o.baselineDisability)
        // Sustained responses (model 2): the criterion this week and the week before.
        integers[Self.responder30] = WeekOutcome.sustained(
            WeekOutcome.responds30, baseline: baseline, previous: previous, report: report) ? 1 : 0
        integers[Self.responder2pt] = WeekOutcome.sustained(
            WeekOutcome.responds2pt, baseline: baseline, previous: previous, report: report) ? 1 : 0
        integers[Self.responder50] = WeekOutcome.sustained(
            WeekOutcome.responds50, baseline: baseline, previous: previous, report: report) ? 1 : 0
        integers[Self.referred] = o.referrals > 0 ? 1 : 0
        integers[Self.painFree] = report == 0 ? 1 : 0
        integers[Self.recovered] = o.firstPainFreeWeek > 0 ? 1 : 0
        integers[Self.integerCount] = Self.undefinedInteger
        guard o.week > 0 else {
            // Baseline: no weekly quantity.
            integers[Self.adherence] = Self.undefinedInteger
            integers[Self.sessionsDone] = Self.undefinedInteger
            integers[Self.load] = Self.undefinedInteger
            integers[Self.aerobicMinutes] = Self.undefinedInteger
            integers[Self.strengthVolume] = Self.undefinedInteger
            (values + Self.continuousStart).update(repeating: Self.undefined, count: Self.continuousCount)
            return
        }
        integers[Self.adherence] = o.sessionsPrescribed > 0
            ? Int32(truncatingIfNeeded: o.sessionsDone * 420 / o.sessionsPrescribed) : Self.undefinedInteger
        integers[Self.sessionsDone] = Int32(truncatingIfNeeded: o.sessionsDone)
        integers[Self.load] = Self.nearestInteger(o.load / 10, atMost: 1_500)
        integers[Self.aerobicMinutes] = Self.nearestInteger(o.aerobicMinutes, atMost: 600)
        integers[Self.strengthVolume] = Self.nearestInteger(o.strengthVolume / 5, atMost: 1_000)

        // Training-load metrics: each computed once here (a ratio is nil,
        // hence undefined, while its chronic load is 0). Nothing ever done
        // (`control`, or before a person's first session): every load and
        // average is +0, so the values are those constants.
        if o.loads.isUntouched {
            values[Self.acuteLoad] = 0
            values[Self.chronicLoad] = 0
            values[Self.acwrCoupled] = Self.undefined
            values[Self.acwrUncoupled] = Self.undefined
            values[Self.acwrEWMA] = Self.undefined
            values[Self.fitness] = 0
            values[Self.fatigue] = 0
            values[Self.form] = 0
            return
        }
        let acute = o.loads.acuteLoad, coupled = o.loads.chronicLoadCoupled, uncoupled = o.loads.chronicLoadUncoupled
        let chronicEWMA = o.loads.chronicEWMA, fitness = o.loads.fitness, fatigue = o.loads.fatigue
        values[Self.acuteLoad] = ExactMoments.ticks(acute)
        values[Self.chronicLoad] = ExactMoments.ticks(coupled)
        values[Self.acwrCoupled] = coupled > 0 ? ExactMoments.ticks(acute / coupled) : Self.undefined
        values[Self.acwrUncoupled] = uncoupled > 0 ? ExactMoments.ticks(acute / uncoupled) : Self.undefined
        values[Self.acwrEWMA] = chronicEWMA > 0 ? ExactMoments.ticks(o.loads.acuteEWMA / chronicEWMA) : Self.undefined
        values[Self.fitness] = ExactMoments.ticks(fitness)
        values[Self.fatigue] = ExactMoments.ticks(fatigue)
        values[Self.form] = ExactMoments.ticks(fitness - fatigue)
    }

    /// `min(Int(x.rounded()), cap)`, without libm (the model's
    /// `nearestInteger(nonNegative:)`). For the non-negative quantities
    /// recorded here (loads, minutes, volumes).
    ///
    /// - Precondition: 0 ≤ x < 2⁶²
    @inline(__always)
    static func nearestInteger(_ x: Double, atMost cap: Int32) -> Int32 {
        precondition(x >= 0 && x < 0x1p62, "\(x) is not a recordable quantity")
        let rounded = BackSimCore.nearestInteger(nonNegative: x)
        return rounded < Int(cap) ? Int32(truncatingIfNeeded: rounded) : cap
    }
}
