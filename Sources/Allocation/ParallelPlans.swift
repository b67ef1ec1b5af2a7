import Dispatch
import Foundation
import Synchronization
import Workforce

/// Work of the planner done side by side on every core: the frontier's points, the rule prices
/// beside the whole-seat plan. Each piece is the same computation as when done alone.
enum ParallelPlans {
    /// `first` and `second` side by side; both are run to the end, and the first's error wins.
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws(AllocationError) -> First, _ second: @Sendable () throws(AllocationError) -> Second
    ) throws(AllocationError) -> (First, Second) {
        let firstResult = Mutex<Result<First, AllocationError>?>(nil)
        let secondResult = Mutex<Result<Second, AllocationError>?>(nil)
        WorkerThreads.perform(iterations: 2) { index in
            if index == 0 {
                let result: Result<First, AllocationError>
                do throws(AllocationError) { result = .success(try first()) } catch { result = .failure(error) }
                firstResult.withLock { $0 = result }
            } else {
                let result: Result<Second, AllocationError>
                do throws(AllocationError) { result = .success(try second()) } catch { result = .failure(error) }
                secondResult.withLock { $0 = result }
            }
        }
        guard let one = firstResult.withLock({ $0 }), let two = secondResult.withLock({ $0 }) else {
            throw .invalidOption("internal: a side-by-side task did not run")
        }
        return (try one.get(), try two.get())
    }

    /// `work(0) … work(count − 1)` on up to one thread per core; the results in index order.
    /// - Throws: the error of the lowest index that failed (all indices are still attempted, so
    ///   the error does not depend on which thread got there first).
    static func map<Value: Sendable>(
        _ count: Int, _ work: @Sendable (Int) throws(AllocationError) -> Value
    ) throws(AllocationError) -> [Value] {
        guard count > 1 else { return try (0..<count).map { index throws(AllocationError) in try work(index) } }
        let results = Mutex<[Result<Value, AllocationError>?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        WorkerThreads.perform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result: Result<Value, AllocationError>
                do throws(AllocationError) { result = .success(try work(index)) } catch { result = .failure(error) }
                results.withLock { $0[index] = result }
            }
        }
        return try results.withLock { $0 }.map { result throws(AllocationError) in
            switch result {
            case .success(let value): return value
            case .failure(let error): throw error
            case nil: throw .invalidOption("internal: a side-by-side task did not run")
            }
        }
    }
}

/// A value handed from the thread that works it out to the threads that wait for it; the first
/// ``fulfil(_:)`` counts, nil meaning there will be none.
public final class Handoff<Value: Sendable>: Sendable {
    private let handed = Mutex<(done: Bool, value: Value?)>((false, nil))
    private let ready = DispatchSemaphore(value: 0)

    /// An empty handoff.
    public init() {}

    /// Hands `value` over; later calls do nothing.
    public func fulfil(_ value: Value?) {
        let first = handed.withLock { state -> Bool in
            guard !state.done else { return false }
            state = (true, value)
            return true
        }
        if first { ready.signal() }
    }

    /// Waits until the value is handed over (or there is none); any number of callers.
    public func wait() -> Value? {
        ready.wait()
        ready.signal()
        return handed.withLock { $0.value }
    }
}
