/// The nearest integer to a non-negative `x`, halves away from zero: the
/// same value as `Int(x.rounded())` for every 0 ≤ x < 2^63, without libm.
///
/// x86-64's baseline has no SSE4.1 `roundsd`, so `rounded()` is a call
/// into libm's `round`; the model rounds about 17 values a person-week
/// (every rating is rounded). Why it is exact: t = trunc(x) is exact, and so
/// is x − t (x and t share their binade or t = 0), so the test against ½
/// is on the true fraction. For x ≥ 2^52, x is an integer and the fraction 0.
///
/// - Precondition: x ≥ 0 (callers clamp first); NaN traps, as
///   `Int(x.rounded())` does.
/// The comparison becomes 0 or 1 rather than a branch: a rating's
/// fraction is as likely above ½ as below, so a branch on it would be
/// mispredicted about half the time.
@inline(__always)
func nearestInteger(nonNegative x: Double) -> Int {
    let whole = Int(x)
    let up = x - Double(whole) >= 0.5
    return whole &+ Int(UInt8(truncatingIfNeeded: unsafeBitCast(up, to: UInt8.self)))
}
