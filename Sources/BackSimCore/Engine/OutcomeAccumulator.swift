import Stochastics

/// Streams person-weeks of one policy into per-week count histograms and
/// fixed-point moments.
///
/// Storage is flat: one contiguous buffer of counts for every histogram
/// metric and week, one of moments for every continuous metric and week,
/// laid out by ``Layout`` (computed once). Recording goes through a
/// ``Recorder``: unsafe pointers taken once per batch of persons
/// (``recording(_:)``, by the `Worker`), so a person-week's ~20 increments
/// cost no copy-on-write or exclusivity check and no nested-array access.
///
/// Memory is (metrics × weeks × histogram size), independent of the number
/// of people. Recording never allocates.
struct OutcomeAccumulator {
    /// Where each metric's counts sit in ``counts``.
    struct Layout {
        /// Positions in `Metric.all` (and ``WeekReadings``) of the histogram
        /// metrics, and of the continuous ones.
        static let histogramMetrics = Metric.all.indices.filter { !Metric.all[$0].isContinuous }
        static let continuousMetrics = Metric.all.indices.filter { Metric.all[$0].isContinuous }
        /// Per metric of `Metric.all`: offset of its value 0 within a week's
        /// block (its first count is at `offset + lowest`); 0 for continuous ones.
        static let zeroOffsets: [Int] = {
            var next = 0
            return Metric.all.map { metric in
                guard !metric.isContinuous else { return 0 }
                defer { next += metric.recordedRange.count }
                return next - metric.recordedRange.lowerBound
            }
        }()
        /// Counts in one week's block: the sum of every histogram's size.
        static let weekStride = Metric.all.filter { !$0.isContinuous }.map(\.recordedRange.count).reduce(0, +)

        /// One histogram metric: its position among the histogram metrics
        /// (``WeekReadings``' integers), the offset of its value 0 in a
        /// week's block, and its recorded range.
        struct Entry {
            let position: Int
            let zeroOffset: Int
            let lowest: Int64
            /// highest − lowest.
            let span: UInt64
        }
        /// The histogram metrics in `Metric.all` order (a table, not
        /// `Metric.all`, whose names are strings).
        static let histograms: [Entry] = histogramMetrics.indices.map { position in
            let m = histogramMetrics[position], range = Metric.all[m].recordedRange
            return Entry(position: position, zeroOffset: zeroOffsets[m], lowest: Int64(range.lowerBound),
                         span: UInt64(range.upperBound - range.lowerBound))
        }
        /// The yes/no ones (recorded 0...1), counted from sums of a batch's
        /// values, and the others, counted value by value.
        static let yesNo = histograms.filter { $0.lowest == 0 && $0.span == 1 }
        static let counted = histograms.filter { !($0.lowest == 0 && $0.span == 1) }

        /// Index in ``counts`` of `value` of metric `m` (position in `Metric.all`) at `week`.
        static func index(metric m: Int, week: Int, value: Int) -> Int {
            week * weekStride + zeroOffsets[m] + value
        }
    }

    let weeks: Int
    /// Every histogram's counts: index ``Layout/index(metric:week:value:)``
    /// (week-major, metrics in `Metric.all` order within a week).
    var counts: [Int64]
    /// Continuous metrics' moments: index week × continuous metrics + position
    /// among `Layout.continuousMetrics`.
    var moments: [ExactMoments]
    /// Per person, the first week meeting the ≥30% responder definition
    /// (1…W; W + 1 = not by the horizon, i.e. censored) and the week of
    /// dropout (W + 1 = retained to the horizon), the inputs of
    /// Kaplan-Meier: counts of 1…W + 1 at index value − 1.
    var firstResponse: [Int64]
    var dropout: [Int64]
    /// Smooth per-week sums for calibration (see ``SimulationPlan/recordsExpectations``),
    /// in fixed point so that merging stays exact and order-independent.
    var expectedPainSums: [Int64]?
    var disabilityScoreSums: [Int64]?
    var expectationCounts: [Int64]?
    static let fixedPoint = 1_000_000.0

    init(weeks: Int, expectations: Bool = false) {
        self.weeks = weeks
        counts = Array(repeating: 0, count: (weeks + 1) * Layout.weekStride)
        moments = Array(repeating: ExactMoments(), count: (weeks + 1) * Layout.continuousMetrics.count)
        firstResponse = Array(repeating: 0, count: weeks + 1)
        dropout = Array(repeating: 0, count: weeks + 1)
        if expectations {
            expectedPainSums = Array(repeating: 0, count: weeks + 1)
            disabilityScoreSums = Array(repeating: 0, count: weeks + 1)
            expectationCounts = Array(repeating: 0, count: weeks + 1)
        }
    }

    init(_ plan: SimulationPlan) {
        self.init(weeks: plan.weeks, expectations: plan.recordsExpectations)
    }

    /// Records into this accumulator through pointers valid for `body`'s
    /// duration (a worker's batch of persons under one policy).
    @inline(__always)
    mutating func recording<Result>(_ body: (inout Recorder) -> Result) -> Result {
        let weeks = weeks
        let expects = expectationCounts != nil
        assert(Layout.histograms.count == WeekReadings.integerCount
               && Layout.continuousMetrics.count == WeekReadings.continuousCount)
        // The layout's tables too, so that a record reads no global (each
        // read of a `static let` is a once-check).
        return Layout.counted.withUnsafeBufferPointer { counted in
            Layout.yesNo.withUnsafeBufferPointer { yesNo in
                counts.withUnsafeMutableBufferPointer { counts in
                    moments.withUnsafeMutableBufferPointer { moments in
                        firstResponse.withUnsafeMutableBufferPointer { firstResponse in
                            dropout.withUnsafeMutableBufferPointer { dropout in
                                func recorder(
                                    _ expectations: (UnsafeMutablePointer<Int64>, UnsafeMutablePointer<Int64>,
                                                     UnsafeMutablePointer<Int64>)?
                                ) -> Recorder {
                                    Recorder(
                                        counts: counts.baseAddress!, moments: moments.baseAddress!,
                                        firstResponse: firstResponse.baseAddress!, dropout: dropout.baseAddress!,
                                        expectations: expectations, weeks: weeks, counted: counted, yesNo: yesNo,
                                        weekStride: Layout.weekStride)
                                }
                                guard expects else {
                                    var recorder = recorder(nil)
                                    return body(&recorder)
                                }
                                return expectedPainSums!.withUnsafeMutableBufferPointer { pain in
                                    disabilityScoreSums!.withUnsafeMutableBufferPointer { disability in
                                        expectationCounts!.withUnsafeMutableBufferPointer { n in
                                            var recorder = recorder((pain.baseAddress!, disability.baseAddress!, n.baseAddress!))
                                            return body(&recorder)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes person-weeks into an accumulator's buffers; valid only inside
    /// ``OutcomeAccumulator/recording(_:)``.
    struct Recorder {
        let counts: UnsafeMutablePointer<Int64>
        let moments: UnsafeMutablePointer<ExactMoments>
        let firstResponse: UnsafeMutablePointer<Int64>
        let dropout: UnsafeMutablePointer<Int64>
        let expectations: (pain: UnsafeMutablePointer<Int64>, disability: UnsafeMutablePointer<Int64>,
                           count: UnsafeMutablePointer<Int64>)?
        let weeks: Int
        /// ``Layout/counted``, ``Layout/yesNo``, ``Layout/weekStride``.
        let counted: UnsafeBufferPointer<Layout.Entry>
        let yesNo: UnsafeBufferPointer<Layout.Entry>
        let weekStride: Int

        /// Records week `week` of several persons: `persons[k] + week ×
        /// WeekReadings.stride` is person k's row of that week
        /// (``WeekReadings``). The moments metric by metric, so that their
        /// sums stay in registers across the persons.
        @inline(__always)
        func record(week: Int, persons: UnsafeBufferPointer<UnsafeMutablePointer<Int64>>) {
            let block = counts + week * weekStride, offset = week * WeekReadings.stride
            // Every integer summed and or-ed over the persons, in SIMD lanes:
            // a yes/no metric's count of 1s is its sum, once its or shows
            // only 0s and 1s.
            var sums = SIMD16<Int32>(), sums2 = SIMD4<Int32>(), bits = SIMD16<Int32>(), bits2 = SIMD4<Int32>()
            for person in persons {
                let integers = WeekReadings(values: person + offset).integers
                for entry in counted { Self.count(integers[entry.position], entry, in: block) }
                let raw = UnsafeRawPointer(integers)
                let values = raw.loadUnaligned(as: SIMD16<Int32>.self)
                let values2 = raw.loadUnaligned(fromByteOffset: 64, as: SIMD4<Int32>.self)
                sums &+= values
                sums2 &+= values2
                bits |= values
                bits2 |= values2
            }
            for entry in yesNo {
                let position = entry.position
                let ones = position < 16 ? sums[position] : sums2[position - 16]
                let or = position < 16 ? bits[position] : bits2[position - 16]
                if or & ~1 == 0 {
                    block[entry.zeroOffset + 1] += Int64(ones)
                    block[entry.zeroOffset] += Int64(persons.count) - Int64(ones)
                } else {
                    // An undefined or impossible value: one by one.
                    for person in persons {
                        Self.count(WeekReadings(values: person + offset)[integer: position], entry, in: block)
                    }
                }
            }
            let weekMoments = moments + week * WeekReadings.continuousCount
            for c in 0..<WeekReadings.continuousCount {
                var sums = ExactMoments()
                for person in persons {
                    let ticks = person[offset + WeekReadings.continuousStart + c]
                    if ticks != WeekReadings.undefined { sums.record(ticks: ticks) }
                }
                weekMoments[c].merge(sums)
            }
            if week == weeks {
                for person in persons {
                    let readings = WeekReadings(values: person + offset)
                    let response = Int(readings[WeekReadings.firstResponseWeek]), left = Int(readings[WeekReadings.dropoutWeek])
                    firstResponse[(response == 0 ? weeks + 1 : response) - 1] += 1
                    dropout[(left == 0 ? weeks + 1 : left) - 1] += 1
                }
            }
            if let expectations {
                for person in persons {
                    let readings = WeekReadings(values: person + offset)
                    expectations.pain[week] += readings[WeekReadings.expectedPain]
                    expectations.disability[week] += readings[WeekReadings.disabilityScore]
                    expectations.count[week] += 1
                }
            }
        }

        /// Counts `value` of the histogram metric `entry` in a week's `block`
        /// (nothing if it is undefined).
        @inline(__always)
        static func count(_ value: Int32, _ entry: Layout.Entry, in block: UnsafeMutablePointer<Int64>) {
            let value = Int64(value)
            // One unsigned comparison for lowest ≤ value ≤ highest.
            if UInt64(bitPattern: value &- entry.lowest) <= entry.span {
                block[entry.zeroOffset &+ Int(value)] += 1
            } else {
                // Scores are clamped by the model; a value outside the
                // range is a bug upstream, so trap rather than clamp.
                precondition(value == Int64(WeekReadings.undefinedInteger),
                             "\(value) is outside \(entry.lowest)...\(entry.lowest + Int64(entry.span))")
            }
        }
    }

    mutating func merge(_ other: OutcomeAccumulator) {
        precondition(weeks == other.weeks, "cannot merge accumulators of different horizons")
        for index in counts.indices { counts[index] += other.counts[index] }
        for index in moments.indices { moments[index].merge(other.moments[index]) }
        for index in firstResponse.indices {
            firstResponse[index] += other.firstResponse[index]
            dropout[index] += other.dropout[index]
        }
        if let counts = other.expectationCounts, expectationCounts != nil {
            for week in counts.indices {
                expectedPainSums![week] += other.expectedPainSums![week]
                disabilityScoreSums![week] += other.disabilityScoreSums![week]
                expectationCounts![week] += counts[week]
            }
        }
    }

    /// One metric's histograms or moments, per week, as outputs read them.
    var series: [MetricSeries] {
        Metric.all.indices.map { m in
            let metric = Metric.all[m]
            var series = MetricSeries(metric: metric, weeks: weeks)
            if metric.isContinuous {
                let c = Layout.continuousMetrics.firstIndex(of: m)!, stride = Layout.continuousMetrics.count
                for week in 0...weeks { series.moments[week] = moments[week * stride + c] }
            } else {
                for week in 0...weeks {
                    for value in metric.recordedRange {
                        let n = counts[Layout.index(metric: m, week: week, value: value)]
                        if n > 0 { series.weeks[week].record(value, times: n) }
                    }
                }
            }
            return series
        }
    }

    func outcome(label: String) -> PolicyOutcome {
        var outcome = PolicyOutcome(label: label, series: series)
        outcome.firstResponseWeeks = Self.histogram(firstResponse)
        outcome.dropoutWeeks = Self.histogram(dropout)
        if let counts = expectationCounts {
            func means(_ sums: [Int64]) -> [Double] {
                zip(sums, counts).map { $1 > 0 ? Double($0) / Self.fixedPoint / Double($1) : .nan }
            }
            outcome.expectedPain = means(expectedPainSums!)
            outcome.expectedDisability = means(disabilityScoreSums!)
        }
        return outcome
    }

    /// Counts of 1…n (at index value − 1) as a histogram.
    static func histogram(_ counts: [Int64]) -> CountHistogram {
        var histogram = CountHistogram(range: 1...counts.count)
        for (index, n) in counts.enumerated() where n > 0 { histogram.record(index + 1, times: n) }
        return histogram
    }
}
