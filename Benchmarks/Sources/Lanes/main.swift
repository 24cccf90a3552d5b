// backsim-lanes: issue #15's open question, measured. Would simulating four
// persons at once in SIMD lanes make the part of a person-week that lanes can
// take (the seven daily Gaussians, the pain process and the day's `exp`) much
// cheaper? Both versions below compute the same untrained week (`control`'s
// day: `docs/model.md`'s natural pain, capped) for the same persons from the
// same `taus2` streams, the scalar one with the engine's own pieces
// (`Taus2`, `GaussianZiggurat.sample`, `Exponential`), the lane one with the
// same operations on four persons at a time. They must agree bit for bit;
// the program checks that, then prints ns per person-week of each.
//
//     swift build -c release --product backsim-lanes
//     .build/release/backsim-lanes [persons] [rounds]
//
// A prototype, not the engine: no policy, sessions, weekly draws or
// recording (the week's sum is written to a buffer, as a recording row would
// be). It prices the rebuild Benchmarks/README.md discusses.
import Foundation
@_spi(Benchmarks) import Stochastics

typealias D4 = SIMD4<Double>
typealias U4 = SIMD4<UInt32>
typealias W4 = SIMD4<UInt64>

/// A person's pain-process constants (a chronic course: class shape r = fast + slow).
struct Course {
    var baseline, fast, slow, fastDecay, slowDecay, rho, innovation, dailySD, halfVariance, shift, variance: Double

    init(person p: Int) {
        // Deterministic spread over persons, in the ranges of the chronic cohort.
        var mixer = SplitMix64(state: UInt64(p) &* 0x9E37_79B9)
        func unit() -> Double { Double(mixer.next() >> 11) * 0x1p-53 }
        baseline = 3 + 5 * unit()
        let share = 0.2 + 0.3 * unit()
        fast = share * (0.6 + 0.4 * unit())
        slow = (1 - share) * (0.8 + 0.2 * unit())
        fastDecay = Exponential.exp(-1 / (7 * (2 + 4 * unit())))
        slowDecay = Exponential.exp(-1 / (7 * (40 + 80 * unit())))
        rho = 0.5 + 0.3 * unit()
        innovation = (1 - rho * rho).squareRoot()
        dailySD = 0.15 + 0.2 * unit()
        halfVariance = dailySD * dailySD / 2
        shift = 0.3 * (unit() - 0.5)
        variance = 0.04
    }
}

// MARK: - Scalar: the engine's pieces, one person at a time

@inline(never)
func scalarRun(persons: Int, weeks: Int, into rows: UnsafeMutablePointer<Double>) {
    let strips = GaussianZiggurat.strips
    let exp = Exponential()
    for p in 0..<persons {
        let c = Course(person: p)
        var t = Taus2(subStream: UInt64(p), of: 0x5EED)
        var fluctuation = GaussianZiggurat.sample(&t, strips: strips)
        var fast = c.fast, slow = c.slow
        for week in 0..<weeks {
            var sum = 0.0
            for _ in 0..<7 {
                let g = GaussianZiggurat.sample(&t, strips: strips)
                fluctuation = c.rho * fluctuation + c.innovation * g
                fast *= c.fastDecay
                slow *= c.slowDecay
                let r = fast + slow
                let gap = max(1 - r, 0)
                let logFactor = c.shift * gap - c.variance * gap * gap / 2 + c.dailySD * fluctuation - c.halfVariance
                let scale = c.baseline * max(0, r)
                sum += min(10, min(10, scale * exp(logFactor)))
            }
            rows[p * weeks + week] = sum
        }
    }
}

// MARK: - Lanes: four persons at a time, the same operations lane by lane

struct Taus2Lanes {
    var s1, s2, s3: U4

    init(_ t: [Taus2]) {
        s1 = U4(t[0].s1, t[1].s1, t[2].s1, t[3].s1)
        s2 = U4(t[0].s2, t[1].s2, t[2].s2, t[3].s2)
        s3 = U4(t[0].s3, t[1].s3, t[2].s3, t[3].s3)
    }

    @inline(__always)
    mutating func next() -> U4 {
        s1 = ((s1 & 0xFFFF_FFFE) &<< 12) ^ (((s1 &<< 13) ^ s1) &>> 19)
        s2 = ((s2 & 0xFFFF_FFF8) &<< 4) ^ (((s2 &<< 2) ^ s2) &>> 25)
        s3 = ((s3 & 0xFFFF_FFF0) &<< 17) ^ (((s3 &<< 3) ^ s3) &>> 11)
        return s1 ^ s2 ^ s3
    }

    func lane(_ i: Int) -> Taus2 { Taus2(s1: s1[i], s2: s2[i], s3: s3[i]) }

    mutating func setLane(_ i: Int, _ t: Taus2) { s1[i] = t.s1; s2[i] = t.s2; s3[i] = t.s3 }
}

/// GSL's ziggurat in four lanes; a lane whose first output is rejected
/// (about 1.2 % of draws) is redrawn from its saved state by the scalar
/// sampler, which repeats that output and goes on exactly as GSL does.
@inline(__always)
func gaussians(_ t: inout Taus2Lanes, _ strips: UnsafePointer<GaussianZiggurat.Strip>) -> D4 {
    let saved = t
    let k = t.next()
    let index = k & 0x7F
    let s0 = strips[Int(index[0])], s1 = strips[Int(index[1])], s2 = strips[Int(index[2])], s3 = strips[Int(index[3])]
    let j = (k &>> 8) & 0xFF_FFFF
    let accepted = j .< U4(s0.ratio, s1.ratio, s2.ratio, s3.ratio)
    // j < 2²⁴ as a double without a conversion per lane: 2⁵² + j has j in
    // its low mantissa bits, and subtracting 2⁵² is exact.
    let jd = unsafeBitCast(W4(truncatingIfNeeded: j) | 0x4330_0000_0000_0000, to: D4.self) - 0x1p52
    let magnitude = jd * D4(s0.width, s1.width, s2.width, s3.width)
    // The sampler's sign: bit 7 of the output, clear for negative.
    let sign = W4(truncatingIfNeeded: ~k & 0x80) &<< 56
    var x = unsafeBitCast(unsafeBitCast(magnitude, to: W4.self) | sign, to: D4.self)
    if _slowPath(!all(accepted)) {
        for i in 0..<4 where !accepted[i] {
            var lane = saved.lane(i)
            x[i] = GaussianZiggurat.sample(&lane, strips: strips)
            t.setLane(i, lane)
        }
    }
    return x
}

/// `Exponential`'s algorithm in four lanes (same constants, same order of
/// operations, no fused multiply-adds); a lane out of the core's range
/// sends all four to the scalar function.
@inline(__always)
func exponentials(_ x: D4, _ table: UnsafePointer<UInt64>) -> D4 {
    let bits = unsafeBitCast(x, to: W4.self)
    let exponent = (bits &>> 52) & 0x7FF
    guard all((exponent &- 0x3C9) .< 0x3F) else {
        return D4(Exponential.exp(x[0]), Exponential.exp(x[1]), Exponential.exp(x[2]), Exponential.exp(x[3]))
    }
    let kd = x * 0x1.71547652b82fep+7 + 0x1.8p52
    let ki = unsafeBitCast(kd, to: W4.self)
    let k = kd - 0x1.8p52
    let r = x + k * -0x1.62e42fefa0000p-8 + k * -0x1.cf79abc9e3b3ap-47
    let index = (ki & 0x7F) &* 2
    let i0 = Int(index[0]), i1 = Int(index[1]), i2 = Int(index[2]), i3 = Int(index[3])
    let tail = unsafeBitCast(W4(table[i0], table[i1], table[i2], table[i3]), to: D4.self)
    let scale = unsafeBitCast(W4(table[i0 + 1], table[i1 + 1], table[i2 + 1], table[i3 + 1]) &+ (ki &<< 45), to: D4.self)
    let r2 = r * r
    let c2 = 0x1.ffffffffffdbdp-2, c3 = 0x1.555555555543cp-3, c4 = 0x1.55555cf172b91p-5, c5 = 0x1.1111167a4d017p-7
    let tmp = tail + r + r2 * (c2 + r * c3) + r2 * r2 * (c4 + r * c5)
    return scale + scale * tmp
}

@inline(never)
func laneRun(persons: Int, weeks: Int, into rows: UnsafeMutablePointer<Double>) {
    let strips = GaussianZiggurat.strips
    let table = Exponential.tableAddress
    for first in stride(from: 0, to: persons, by: 4) {
        let c = (0..<4).map { Course(person: first + $0) }
        func lanes(_ value: (Course) -> Double) -> D4 { D4(value(c[0]), value(c[1]), value(c[2]), value(c[3])) }
        let baseline = lanes(\.baseline), fastDecay = lanes(\.fastDecay), slowDecay = lanes(\.slowDecay)
        let rho = lanes(\.rho), innovation = lanes(\.innovation), dailySD = lanes(\.dailySD)
        let halfVariance = lanes(\.halfVariance), shift = lanes(\.shift), variance = lanes(\.variance)
        var fast = lanes(\.fast), slow = lanes(\.slow)
        var t = Taus2Lanes((0..<4).map { Taus2(subStream: UInt64(first + $0), of: 0x5EED) })
        var fluctuation = gaussians(&t, strips)
        let zero = D4.zero, one = D4(repeating: 1), ten = D4(repeating: 10)
        for week in 0..<weeks {
            var sum = zero
            for _ in 0..<7 {
                let g = gaussians(&t, strips)
                fluctuation = rho * fluctuation + innovation * g
                fast *= fastDecay
                slow *= slowDecay
                let r = fast + slow
                let gap = pointwiseMax(one - r, zero)
                let logFactor = shift * gap - variance * gap * gap / 2 + dailySD * fluctuation - halfVariance
                let scale = baseline * pointwiseMax(zero, r)
                sum += pointwiseMin(ten, pointwiseMin(ten, scale * exponentials(logFactor, table)))
            }
            for i in 0..<4 { rows[(first + i) * weeks + week] = sum[i] }
        }
    }
}

// MARK: - Measure

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let persons = (arguments.first ?? 40_000) / 4 * 4, rounds = arguments.dropFirst().first ?? 5, weeks = 52
let scalarRows = UnsafeMutablePointer<Double>.allocate(capacity: persons * weeks)
let laneRows = UnsafeMutablePointer<Double>.allocate(capacity: persons * weeks)

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var scalarTimes: [Double] = [], laneTimes: [Double] = []
for _ in 0..<rounds {  // alternating, so that the machine's drift hits both
    scalarTimes.append(seconds { scalarRun(persons: persons, weeks: weeks, into: scalarRows) })
    laneTimes.append(seconds { laneRun(persons: persons, weeks: weeks, into: laneRows) })
}
let equal = (0..<persons * weeks).allSatisfy { scalarRows[$0].bitPattern == laneRows[$0].bitPattern }
precondition(equal, "the lanes differ from the scalar version")
func report(_ name: String, _ times: [Double]) {
    let ns = times.map { $0 / Double(persons * weeks) * 1e9 }.sorted()
    print("\(name): ns per person-week min \(String(format: "%.1f", ns.first!)), median \(String(format: "%.1f", ns[ns.count / 2]))")
}
print("untrained week's daily Gaussians, pain process and exp; \(persons) persons x \(weeks) weeks, \(rounds) rounds; lanes equal to scalar bit for bit")
report("scalar (the engine's pieces)", scalarTimes)
report("four persons in SIMD lanes", laneTimes)
