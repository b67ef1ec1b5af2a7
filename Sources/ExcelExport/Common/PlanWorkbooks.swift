import Allocation
import Foundation
import Workforce

/// Writes every workbook of a plan: the fund plan, one intake plan per institution with
/// programmes, and one interns workbook per enterprise with at least one posting in the
/// matching round (none without a matching).
public enum PlanWorkbooks {
    /// Writes all workbooks into `directory` (created if missing) and returns their URLs, fund
    /// plan first, then intake plans in institution order, then interns workbooks in posting order.
    ///
    /// Workbooks are written in parallel, one worker per core, each workbook on one thread. Each
    /// is written to a temporary file and renamed into place, so a failure leaves no half-written
    /// file; workbooks finished before a failure stay.
    ///
    /// `frontier`, when given, yields the budget frontier still being worked out: the fund plan,
    /// the only workbook that shows it, waits for it (in place of the context's), while the
    /// other workbooks are written.
    ///
    /// `naming` gives each workbook's file name from its plain one (``FundPlanWorkbook/fileName(for:)``,
    /// ``IntakeWorkbook/fileName(institution:)``, ``InternsWorkbook/fileName(enterprise:)``, made
    /// unique first): a plan run writes them under the names that carry its labels.
    /// - Throws: ``ExcelWriteError`` for the first workbook that cannot be written, or
    ///   `.destinationUnavailable` if the directory cannot be created; what `frontier` throws.
    /// - Complexity: O(plan items + programmes × years + postings + students): items are
    ///   grouped once by institution and enterprise.
    public static func write(
        into directory: URL, context: PlanWorkbookContext, frontier: (@Sendable () throws -> [FrontierPoint]?)? = nil,
        naming: (String) -> String = { $0 }
    ) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExcelWriteError(
                .destinationUnavailable, "cannot create the directory \(directory.path): \(error.localizedDescription)",
                path: directory.path)
        }
        let groups = PlanGroups(context)
        var names = UniqueFileNames()
        var jobs: [(url: URL, workbook: Job)] = []
        jobs.append((directory.appendingPathComponent(naming(names.claim(FundPlanWorkbook.fileName(for: context)))), .fundPlan))
        for institution in groups.institutionsWithPrograms {
            let name = naming(names.claim(IntakeWorkbook.fileName(institution: institution)))
            jobs.append((directory.appendingPathComponent(name), .intake(institution)))
        }
        for enterprise in groups.enterprisesWithPostings {
            let name = naming(names.claim(InternsWorkbook.fileName(enterprise: enterprise)))
            jobs.append((directory.appendingPathComponent(name), .interns(enterprise)))
        }
        try run(jobs, groups: groups, frontier: frontier)
        return jobs.map(\.url)
    }

    /// One workbook to write.
    enum Job: Sendable {
        case fundPlan
        case intake(Institution.ID)
        case interns(Enterprise.ID)
    }

    /// Writes the workbooks on every core: each worker takes the next job not yet taken (each
    /// workbook is independent, built and closed on one thread), so the fund plan, which takes
    /// as long as hundreds of small workbooks, does not leave one core with more than its share.
    /// Stops at the first failure.
    private static func run(
        _ jobs: [(url: URL, workbook: Job)], groups: PlanGroups, frontier: (@Sendable () throws -> [FrontierPoint]?)?
    ) throws {
        guard let directory = jobs.first?.url.deletingLastPathComponent() else { return }
        // One private folder for every workbook's file while it is written (see
        // `XLSXWorkbook.Options.stagingFolder`), removed when all are done.
        let staging = try XLSXStagingFolder(in: directory)
        defer { staging.remove() }
        let options = XLSXWorkbook.Options(stagingFolder: staging)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        let failures = FirstFailure()
        let queue = JobQueue(count: jobs.count)
        WorkerThreads.perform(iterations: workers) { _ in
            while let index = queue.take() {
                guard !failures.hasFailed else { return }
                let job = jobs[index]
                do {
                    switch job.workbook {
                    case .fundPlan:
                        var context = groups.context
                        if let frontier { context.frontier = try frontier() }
                        try FundPlanWorkbook.write(context, to: job.url, options: options)
                    case .intake(let id): try IntakeWorkbook.write(institution: id, groups: groups, to: job.url, options: options)
                    case .interns(let id): try InternsWorkbook.write(enterprise: id, groups: groups, to: job.url, options: options)
                    }
                } catch {
                    failures.record(error, at: index)
                    return
                }
            }
        }
        if let error = failures.error { throw error }
    }
}

/// Hands out job indices 0, 1, 2, … to the writing workers, each once.
private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var nextIndex = 0

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}

/// The failure of the earliest job among those that failed, shared by the writing workers.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: (index: Int, error: any Error)?

    var hasFailed: Bool { lock.withLock { failure != nil } }
    var error: (any Error)? { lock.withLock { failure?.error } }

    func record(_ error: any Error, at index: Int) {
        lock.withLock {
            if let current = failure, current.index <= index { return }
            failure = (index, error)
        }
    }
}

/// File names unique without regard to case (two ids differing only in case would overwrite
/// each other on a case-insensitive file system): a repeat gets `-2`, `-3`… before `.xlsx`.
struct UniqueFileNames {
    private var taken: Set<String> = []

    mutating func claim(_ name: String) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let stem = name.hasSuffix(".xlsx") ? String(name.dropLast(5)) : name
            candidate = "\(stem)-\(counter).xlsx"
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
