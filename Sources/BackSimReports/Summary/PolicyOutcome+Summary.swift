import BackSimCore

extension PolicyOutcome {
    /// The summary of `metric` at `week`; ``Summary/empty`` when this outcome
    /// did not record the metric or the week is beyond its horizon.
    public func summary(_ metric: Metric, week: Int) -> Summary {
        guard let series = series(metric) else { return .empty }
        if metric.isContinuous {
            return series.moments.indices.contains(week) ? Summary(series.moments[week]) : .empty
        }
        guard series.weeks.indices.contains(week) else { return .empty }
        return Summary(series.weeks[week], scale: metric.scale, proportion: metric.isProportion)
    }
}
