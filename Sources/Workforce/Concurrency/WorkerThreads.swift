#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work done side by side on threads started for it, so that it runs at the priority of the
/// thread that asked for it.
///
/// `DispatchQueue.concurrentPerform` runs its iterations on Dispatch's pool, whose threads keep
/// the priority they were started with: a plan job the portal lowers to nice 10 (so that pages
/// come first) drew its forecast ranges, solved its frontier and wrote its workbooks partly at
/// the pages' priority. Threads started here inherit the caller's (on Linux, its nice value).
public enum WorkerThreads {
    /// Runs `body(0) … body(iterations − 1)` at once, `body(0)` on the calling thread and each
    /// other on a new thread, and returns when every one has returned and its thread has ended.
    ///
    /// One thread per iteration: give as many iterations as workers are wanted (the cores, say),
    /// each taking its share of the work. An iteration whose thread the system cannot start runs
    /// on the calling thread after `body(0)`.
    public static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        // The threads are joined before this returns, so `body` does not outlive the call
        // (which `withoutActuallyEscaping` checks).
        withoutActuallyEscaping(body) { body in
            var started: [pthread_t] = []
            var notStarted: [Int] = []
            for index in 1..<iterations {
                let iteration = Unmanaged.passRetained(Iteration { body(index) }).toOpaque()
                var thread = pthread_t()
                let status = pthread_create(&thread, nil, { context in
                    guard let context else { return nil }
                    Unmanaged<Iteration>.fromOpaque(context).takeRetainedValue().run()
                    return nil
                }, iteration)
                if status == 0 {
                    started.append(thread)
                } else {
                    Unmanaged<Iteration>.fromOpaque(iteration).release()
                    notStarted.append(index)
                }
            }
            body(0)
            for index in notStarted { body(index) }
            for thread in started { pthread_join(thread, nil) }
        }
    }
}

/// One iteration handed to its thread.
private final class Iteration: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
