#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MallocInterposerSwift
import Synchronization

/// Checks the no-allocation rule of `ProgressionPolicy`: runs a policy
/// through scripted weeks and counts the heap allocations its `start` and
/// `decide` make, with ordo-one's malloc interposer.
///
///     @Test func myPolicyNeverAllocates() throws {
///         try AllocationCheck.run(MyPolicy(), weeks: Array(repeating: ScriptedWeek(), count: 26))
///     }
///
/// The script runs twice: once to warm up (first uses of globals may
/// allocate once per process, which the engine pays once, not per week), then
/// counted. Only allocations on the calling thread count, so tests running in
/// parallel do not disturb it. The observations are built before counting
/// starts; what is counted is the policy alone.
///
/// Unoptimised (debug) builds allocate in places optimised ones do not: a
/// `for`-in over an `Array` boxes its iterator, for instance, so iterate by
/// index in `decide` (`WeekSessions` has its own non-allocating iterator),
/// or run the check in the configuration you ship (`swift test -c release`).
public enum AllocationCheck {
    /// Throws ``AllocationCheckError/allocated(_:policy:)`` if `start` or any
    /// `decide` allocated, and ``AllocationCheckError/notCounting`` if the
    /// interposer is not active in this process (then nothing was checked).
    public static func run<Policy: ProgressionPolicy>(
        _ policy: Policy, baseline: BaselineObservation = PolicyScript<Policy>.typicalBaseline, weeks: [ScriptedWeek]
    ) throws(AllocationCheckError) {
        let observations = PolicyScript(policy, baseline: baseline).run(weeks).observations
        replay(policy, baseline, observations)  // warm-up
        let count = try countingAllocations { replay(policy, baseline, observations) }
        guard count == 0 else { throw .allocated(count, policy: policy.label) }
    }

    /// Heap allocations made on this thread by `body`.
    /// - Throws: ``AllocationCheckError/notCounting`` when the interposer does
    ///   not see a `malloc` made on purpose before `body` runs.
    public static func countingAllocations(_ body: () -> Void) throws(AllocationCheckError) -> Int {
        let (probed, count) = exclusive.withLock { _ in
            countedThread.store(currentThread(), ordering: .relaxed)
            onThisThread.store(0, ordering: .relaxed)
            MallocInterposerSwift.setAllocationHook(countOnThisThread)
            MallocInterposerSwift.reset()
            MallocInterposerSwift.hook()
            let probe = malloc(64)
            let probed = onThisThread.load(ordering: .relaxed)
            free(probe)
            onThisThread.store(0, ordering: .relaxed)
            body()
            let count = onThisThread.load(ordering: .relaxed)
            MallocInterposerSwift.unhook()
            MallocInterposerSwift.setAllocationHook(nil)
            countedThread.store(0, ordering: .relaxed)
            return (probed, count)
        }
        guard probed >= 1 else { throw .notCounting }
        return count
    }

    private static func replay<Policy: ProgressionPolicy>(
        _ policy: Policy, _ baseline: BaselineObservation, _ observations: [WeekObservation]
    ) {
        var (state, decision) = policy.start(baseline)
        for index in observations.indices {
            decision = policy.decide(after: observations[index], state: &state)
        }
        blackHole(decision)
    }

    @inline(never)
    private static func blackHole(_ decision: PolicyDecision) {
        withExtendedLifetime(decision) {}
    }

    private static func currentThread() -> UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }

    /// One check at a time: the interposer's hook is process-wide.
    private static let exclusive = Mutex<Void>(())
}

/// The thread whose allocations are counted (0: none), and its count.
private let countedThread = Atomic<UInt>(0)
private let onThisThread = Atomic<Int>(0)

/// Runs inside `malloc` on every thread while counting: no allocation here.
private let countOnThisThread: MallocInterposerSwift.AllocationHook = { _ in
    #if canImport(Darwin)
    let thread = UInt(bitPattern: pthread_self())
    #else
    let thread = UInt(pthread_self())
    #endif
    if thread == countedThread.load(ordering: .relaxed) {
        onThisThread.add(1, ordering: .relaxed)
    }
}
