import Foundation
import Planning
import Portal

/// The portal's plan job: the same pipeline as `skillplan plan` (``PlanningPipeline``), in
/// process, on the round's merged dataset as the portal loaded and checked it.
enum PortalPlanRunner {
    static func runner(draws: Int) -> PlanJobRunner {
        { input, progress in
            let request = PlanRequest(exports: input.exportsFolder, draws: draws)
            let pipeline = PlanningPipeline(request: request, storePath: input.storePath, softwareVersion: SkillPlan.version) { step in
                guard case .started = step.event else { return }
                // The portal's own stage texts have no placeholders (no paths in the page).
                progress("portal.stage.\(step.stage.rawValue)", Double(step.stage.number - 1) / Double(PlanProgress.stageCount))
            }
            let source: ScenarioSource = input.loaded.map { .loaded($0) }
                ?? .directory(input.scenarioDirectory, curricula: input.curriculaDirectory)
            let outcome = try pipeline.run(source)
            let report = outcome.report
            var figures: [String: Double] = [
                "shortage_before": report.shortageBefore, "shortage_after": report.shortageAfter,
                "spend_vnd": report.spendVND, "budget_vnd": report.budgetVND,
            ]
            if let matched = report.matched { figures["matched"] = Double(matched) }
            if let students = report.students { figures["students"] = Double(students) }
            if let places = report.fundedPlaces { figures["funded_places"] = Double(places) }
            // The pipeline writes into a run folder of its own inside the exports folder.
            let folder = outcome.files.first?.deletingLastPathComponent()
            let files = outcome.files.filter { $0.deletingLastPathComponent() == folder }
                .map(\.lastPathComponent).filter { !$0.hasPrefix(".") }.sorted()
            return PlanJobResult(runID: outcome.run.rawValue, files: files, figures: figures, folder: folder)
        }
    }
}
