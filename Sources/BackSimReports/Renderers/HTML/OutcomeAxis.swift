import BackSimCore

/// The one rule every chart's value axis follows (docs/outcomes.md, "Chart
/// axes"), so that no chart makes a small difference look large:
///
/// - a level on a bounded scale spans the whole scale: pain 0-10,
///   disability 0-100, shares (yes/no outcomes, adherence, retention) 0-100%;
/// - any other level starts at 0 (or below, if a value is negative) and is
///   rounded out to nice ticks above the largest value or interval bound;
/// - a difference between policies always shows 0 and the published
///   importance threshold (when there is one), and is rounded out to nice
///   ticks around every estimate and interval; a difference of shares spans
///   at least −5 to +5 percentage points.
enum OutcomeAxis {
    /// The axis of `metric`'s level, given every value a chart will draw (in
    /// the chart's unit: percent for shares).
    static func level(_ metric: Metric, values: [Double]) -> ChartAxis {
        switch metric {
        case .pain: return ChartAxis("Pain", unit: "NRS 0-10", range: 0...10)
        case .disability: return ChartAxis("Disability", unit: "0-100", range: 0...100)
        default:
            if ComparisonText.isPercent(metric) { return ChartAxis(metric.name, unit: "%", range: 0...100) }
            let finite = values.filter(\.isFinite)
            let scale = NiceScale(values: finite + [0])
            return ChartAxis(metric.name, unit: metric.unit, range: scale.domain)
        }
    }

    /// The axis of a difference on `outcome`, given every value a chart
    /// will draw: 0, the threshold and every estimate and bound, rounded out;
    /// shares (in percentage points) span at least −5 to +5, so that Monte
    /// Carlo noise of a few tenths of a point does not fill the chart.
    static func difference(_ outcome: ComparisonMetric, values: [Double]) -> ChartAxis {
        let percent = ComparisonText.isPercent(outcome.metric)
        let floor: [Double] = percent ? [-5, 5] : []
        let threshold = outcome.threshold.map { [$0 * factor(outcome.metric)] } ?? []
        let scale = NiceScale(values: values.filter(\.isFinite) + [0] + floor + threshold)
        return ChartAxis("Difference", unit: percent ? "percentage points" : outcome.unit, range: scale.domain)
    }

    /// 100 for shares (shown in percent), else 1.
    static func factor(_ metric: Metric) -> Double { ComparisonText.isPercent(metric) ? 100 : 1 }
}
