import Foundation
import Stochastics

/// Tight loops over the libm functions the model calls every person-week
/// (exp, pow, log1p, round), with arguments in the ranges the model uses.
/// Together with the counts the `DrawCount` benchmark measures, they give the
/// cost of the model's transcendental arithmetic, which its equations fix.
public enum LibmLoops {
    /// exp of arguments in [-3, 1) (log-normal factors, logistic, decays).
    @inline(never)
    public static func exps(_ count: Int) -> Double {
        var sum = 0.0, x = -3.0
        for _ in 0..<count {
            sum += exp(x)
            x += 0.000_37
            if x >= 1 { x -= 4 }
        }
        return sum
    }

    /// The same loop with the model's own exponential (`Exponential`, model 4).
    public static func modelExps(_ count: Int) -> Double {
        let exp = Exponential()
        var sum = 0.0, x = -3.0
        for _ in 0..<count {
            sum += exp(x)
            x += 0.000_37
            if x >= 1 { x -= 4 }
        }
        return sum
    }

    /// pow(x, 2.5) for x in [0.5, 2) (reps possible at a load).
    @inline(never)
    public static func pows(_ count: Int) -> Double {
        var sum = 0.0, x = 0.5
        for _ in 0..<count {
            sum += pow(x, 2.5)
            x += 0.000_13
            if x >= 2 { x -= 1.5 }
        }
        return sum
    }

    /// log1p of small whole numbers (adherence habit term).
    @inline(never)
    public static func log1ps(_ count: Int) -> Double {
        var sum = 0.0, n = 0.0
        for _ in 0..<count {
            sum += log1p(n)
            n += 1
            if n > 52 { n = 0 }
        }
        return sum
    }

    /// Rounding half away from zero of values in [0, 10) (NRS reports).
    @inline(never)
    public static func rounds(_ count: Int) -> Double {
        var sum = 0.0, x = 0.0
        for _ in 0..<count {
            sum += x.rounded()
            x += 0.000_77
            if x >= 10 { x -= 10 }
        }
        return sum
    }
}
