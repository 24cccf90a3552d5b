import BackSimReports
import Foundation

/// Synthetic chart data shaped like a BackSim comparison of 11 policies over
/// 12 weeks. Deterministic formulas, no randomness.
enum ChartSamples {
    static let policies = [
        "control", "fixed", "guideline", "percent:10", "percent:20", "percent:30", "graded-activity:8",
        "pain-contingent:4", "pain-monitoring:5", "double-progression:5", "rule table <two-a-week> & \"safe\"",
    ]
    static let weeks = 0...12

    /// Mean pain falling towards a policy-specific level, with a band ± 0.12.
    static func painTrajectories() -> [ChartSeries] {
        policies.enumerated().map { index, label in
            let effect = index == 0 ? 0 : 1.2 + 0.08 * Double(index)
            let points = weeks.map { week -> ChartPoint in
                let mean = 5.6 - effect * (1 - exp(-Double(week) / 4))
                return ChartPoint(x: Double(week), y: mean, low: mean - 0.12, high: mean + 0.12)
            }
            return ChartSeries(label, points: points)
        }
    }

    /// Weekly Kaplan–Meier retention in percent, with a widening band.
    static func retention() -> [ChartSeries] {
        policies.enumerated().map { index, label in
            let hazard = index == 0 ? 0 : 0.004 + 0.0015 * Double(index)
            let points = weeks.map { week -> ChartPoint in
                let s = 100 * exp(-hazard * Double(week))
                let spread = Double(week) * 0.15
                return ChartPoint(x: Double(week), y: s, low: max(0, s - spread), high: min(100, s + spread))
            }
            return ChartSeries(label, points: points)
        }
    }

    /// Differences from control at week 12 on a 0-100 scale, pain and
    /// disability, for the 10 other policies.
    static func differences() -> (categories: [String], series: [CategorySeries]) {
        let others = Array(policies.dropFirst())
        let pain = others.indices.map { i -> ChartEstimate in
            let d = -12 - 1.1 * Double(i)
            return ChartEstimate(d, low: d - 1.4, high: d + 1.4)
        }
        let disability = others.indices.map { i -> ChartEstimate in
            let d = -7 - 0.6 * Double(i)
            return ChartEstimate(d, low: d - 1.1, high: d + 1.1)
        }
        return (others, [CategorySeries("Pain (0-100)", estimates: pain), CategorySeries("Disability (0-100)", estimates: disability)])
    }

    /// Responder rates in percent by definition, with Wilson-like intervals.
    static func responders() -> (categories: [String], series: [CategorySeries]) {
        let definitions = ["≥30% reduction", "≥2 NRS points", "≥50% reduction"]
        let series = policies.enumerated().map { index, label in
            CategorySeries(label, estimates: definitions.indices.map { d in
                let p = (index == 0 ? 12 : 40 + 1.5 * Double(index)) - 9 * Double(d)
                return ChartEstimate(p, low: p - 2.1, high: p + 2.1)
            })
        }
        return (definitions, series)
    }

    static var lineChart: LineChart {
        LineChart(
            id: "pain-trajectories", title: "Pain over 12 weeks", subtitle: "Mean with 95% Monte Carlo interval (shaded)",
            yAxis: ChartAxis("Pain", unit: "NRS 0-10"), series: painTrajectories())
    }

    static var stepChart: StepChart {
        StepChart(
            id: "retention", title: "Retention (Kaplan–Meier)", subtitle: "Still in the programme, with 95% interval",
            xAxis: ChartAxis("Week"), yAxis: ChartAxis("Retained", unit: "%", range: 0...100),
            series: retention(), extendTo: 12)
    }

    static var dotWhiskerChart: DotWhiskerChart {
        let (categories, series) = differences()
        return DotWhiskerChart(
            id: "paired-differences", title: "Difference from control at week 12",
            subtitle: "Mean paired difference with 95% Monte Carlo interval",
            valueAxis: ChartAxis("Difference from control", unit: "points on 0-100"), categories: categories,
            series: series,
            referenceLines: [
                ReferenceLine(0, label: "No difference", emphasis: .strong),
                ReferenceLine(-15, label: "Importance threshold (15/100)"),
                ReferenceLine(15, label: "Importance threshold (15/100)"),
            ])
    }

    static var proportionChart: ProportionChart {
        let (categories, series) = responders()
        return ProportionChart(
            id: "responders", title: "Responders at week 12", subtitle: "Wilson 95% intervals",
            categoryTitle: "Responder definition", categories: categories, series: series)
    }
}
