import Dispatch
import Foundation
import Synchronization
import Testing
import Workforce

#if canImport(Glibc)
import Glibc
#endif

@Suite("Worker threads")
struct WorkerThreadsTests {
    @Test("every index runs once", arguments: [0, 1, 2, 5])
    func everyIndexOnce(iterations: Int) {
        let runs = Mutex<[Int]>(Array(repeating: 0, count: iterations))
        WorkerThreads.perform(iterations: iterations) { index in runs.withLock { $0[index] += 1 } }
        #expect(runs.withLock { $0 } == Array(repeating: 1, count: iterations))
    }

    @Test("many calls in a row: each returns only once its threads are done with the work")
    func manyCalls() {
        // A thread still holding the work after the call returned would trap in
        // `withoutActuallyEscaping` (it did, now and then, with Foundation's `Thread`).
        let total = Atomic<Int>(0)
        for _ in 0..<500 {
            WorkerThreads.perform(iterations: 3) { _ in total.add(1, ordering: .relaxed) }
        }
        let runs = total.load(ordering: .relaxed)
        #expect(runs == 1_500)
    }

    @Test("the iterations run at the same time: each waits until all have started")
    func sideBySide() {
        let started = Atomic<Int>(0)
        let timedOut = Atomic<Bool>(false)
        WorkerThreads.perform(iterations: 3) { _ in
            if !Self.arrive(at: started, count: 3) { timedOut.store(true, ordering: .relaxed) }
        }
        let allStarted = !timedOut.load(ordering: .relaxed)
        #expect(allStarted)
    }

    /// Counts the caller in at `started` and waits (at most 20 s) until `count` have arrived;
    /// false when they did not.
    static func arrive(at started: borrowing Atomic<Int>, count: Int) -> Bool {
        started.add(1, ordering: .relaxed)
        let deadline = Date().addingTimeInterval(20)
        while started.load(ordering: .relaxed) < count {
            guard Date() < deadline else { return false }
            usleep(1_000)
        }
        return true
    }

    #if os(Linux)
    @Test("the iterations run at the calling thread's nice value, unlike Dispatch's pool")
    func priorityIsInherited() {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        // Dispatch's pool threads, started here at the test's priority, would keep it.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in usleep(2_000) }
        let seen = Mutex<[Int32]>([])
        let target = Mutex<Int32>(0)
        let started = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        // A thread of its own, lowered (which needs no privilege), so the test's threads keep theirs.
        Thread {
            let lowered = min(19, getpriority(which, 0) + 3)
            _ = setpriority(which, 0, lowered)
            target.withLock { $0 = getpriority(which, 0) }
            WorkerThreads.perform(iterations: 2) { _ in
                let nice = getpriority(which, 0)
                seen.withLock { $0.append(nice) }
                // Both iterations wait for each other, so they are on two threads.
                _ = Self.arrive(at: started, count: 2)
            }
            done.signal()
        }.start()
        done.wait()
        let expected = target.withLock { $0 }
        #expect(seen.withLock { $0 } == [expected, expected])
        #expect(expected > getpriority(which, 0), "the calling thread was lowered below the test's own")
    }
    #endif
}
