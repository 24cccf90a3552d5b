/// Comparison helpers shared by the tests. Each tolerance in a test says where
/// it comes from (the digits a reference publishes, or a stated bound).

/// Whether |actual − expected| ≤ tolerance (on failure, Swift Testing shows
/// the operands).
func isClose(_ actual: Double, _ expected: Double, within tolerance: Double) -> Bool {
    abs(actual - expected) <= tolerance
}

/// Half a unit in the last place of a value published with `decimals`
/// decimal places: the most its rounding can hide.
func halfUnit(decimals: Int) -> Double {
    var unit = 1.0
    for _ in 0..<decimals { unit /= 10 }
    return unit / 2
}
