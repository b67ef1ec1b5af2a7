import Workforce

/// The curricula SkillPlan ships in `Curricula/`: four skills (MAT, MOULD, AUTO, PM) at four
/// levels (vocational, college, bachelor, upskilling). Durations follow Vietnam's qualification
/// framework; completion and industry-entry rates are assumptions, not seed figures.
public enum CurriculumCatalogue {
    /// The 16 curricula, by skill then level.
    public static let curricula: [Curriculum] = materials + mould + automation + production

    /// The curriculum's `Curricula/CODE.yaml` text, in the format of `docs/FORMATS.md`.
    public static func yaml(for curriculum: Curriculum) -> String {
        var text = "# \(curriculum.name)\n"
        text += "# completion_rate and entry_rate are ASSUMPTIONS (typical Vietnamese cohorts), not seed figures.\n"
        text += "code: \(curriculum.id.rawValue)\n"
        text += "name: \(quoted(curriculum.name))\n"
        text += "skill: \(curriculum.skill.rawValue)\n"
        text += "level: \(curriculum.level.rawValue)\n"
        text += "duration_years: \(curriculum.durationYears)\n"
        text += "completion_rate: \(DecimalText.compact(curriculum.completionRate, places: 3))\n"
        text += "entry_rate: \(DecimalText.compact(curriculum.industryEntryRate, places: 3))\n"
        text += "# ASSUMPTION: \(factorReason(curriculum.level))\n"
        text += "completers: \(curriculum.completers.rawValue)\n"
        text += "effective_supply_factor: \(DecimalText.compact(curriculum.effectiveSupplyFactor, places: 3))\n"
        text += "modules:\n"
        for module in curriculum.modules {
            let competencies = module.competencies.map(quoted).joined(separator: ", ")
            text += "  - {name: \(quoted(module.name)), hours: \(module.hours), competencies: [\(competencies)]}\n"
        }
        return text
    }

    /// Every curriculum file: `CODE.yaml` → text, in catalogue order.
    public static var files: [(path: String, contents: String)] {
        curricula.map { ("\($0.id.rawValue).yaml", yaml(for: $0)) }
    }

    /// Engineers of effective supply one entering completer counts for, by level (assumptions).
    static func effectiveSupplyFactor(_ level: QualificationLevel) -> Double {
        switch level {
        case .bachelor, .college: 1
        case .vocational: 0.6
        case .upskilling: 0.3
        }
    }

    /// Why a level's factor is what it is, for the curriculum file's comment.
    static func factorReason(_ level: QualificationLevel) -> String {
        switch level {
        case .bachelor, .college: "graduates are new engineers (new headcount), each a full engineer."
        case .vocational:
            "diploma holders are new headcount as technicians who take on about 60 % of an engineer's tasks."
        case .upskilling:
            "completers are staff already at work (no new headcount); the course lets them take on about 30 % of an engineer's tasks."
        }
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    private static func curriculum(
        _ code: String, _ name: String, _ skill: String, _ level: QualificationLevel,
        completion: Double, entry: Double, _ modules: [CurriculumModule]
    ) -> Curriculum {
        let duration = switch level {
        case .vocational: 2
        case .college: 3
        case .bachelor: 4
        case .upskilling: 0
        }
        return Curriculum(
            id: Curriculum.ID(code), name: name, skill: Skill.ID(skill), level: level, durationYears: duration,
            modules: modules, completionRate: completion, industryEntryRate: entry,
            completers: level == .upskilling ? .upskilledStaff : .newHeadcount,
            effectiveSupplyFactor: effectiveSupplyFactor(level))
    }

    private static func module(_ name: String, _ hours: Int, _ competencies: [String]) -> CurriculumModule {
        CurriculumModule(name: name, hours: hours, competencies: competencies)
    }

    private static let materials: [Curriculum] = [
        curriculum("MAT-VOC", "Intermediate Diploma in Heat Treatment and Materials Testing", "MAT", .vocational,
                   completion: 0.80, entry: 0.55, [
            module("Engineering drawing and measurement", 180, ["technical drawing reading", "metrology with callipers and micrometers"]),
            module("Metals and alloys basics", 210, ["steel grade identification", "alloy selection for parts"]),
            module("Heat treatment practice", 360, ["hardening and tempering", "carburising and nitriding", "furnace operation"]),
            module("Hardness and tensile testing", 270, ["Rockwell and Vickers hardness testing", "tensile test operation"]),
            module("Plastic materials and injection basics", 240, ["resin identification", "drying and colouring of resins"]),
            module("Workshop safety and 5S", 90, ["occupational safety", "5S housekeeping"]),
            module("Enterprise internship", 480, ["shop-floor practice in a materials lab"]),
        ]),
        curriculum("MAT-COL", "College Diploma in Materials Technology", "MAT", .college,
                   completion: 0.75, entry: 0.60, [
            module("Materials science fundamentals", 240, ["crystal structure and phase diagrams", "mechanical properties"]),
            module("Physical metallurgy and heat treatment", 330, ["heat-treatment process design", "microstructure control"]),
            module("Materials testing and metallography", 300, ["metallographic sample preparation", "optical microscopy", "non-destructive testing"]),
            module("Polymer processing", 300, ["injection moulding of technical plastics", "extrusion", "rubber compounding"]),
            module("Surface engineering and coatings", 210, ["electroplating", "powder coating", "corrosion testing"]),
            module("Composites", 150, ["fibre-reinforced plastics", "lay-up and moulding"]),
            module("Quality inspection of materials", 180, ["incoming material inspection", "material certificates"]),
            module("Enterprise internship", 600, ["production practice in a supplier plant"]),
        ]),
        curriculum("MAT-BSC", "Bachelor of Materials Science and Engineering", "MAT", .bachelor,
                   completion: 0.78, entry: 0.62, [
            module("Mathematics and physics for engineers", 600, ["engineering mathematics", "solid-state physics"]),
            module("Materials science and thermodynamics", 360, ["phase transformations", "diffusion and kinetics"]),
            module("Physical metallurgy and heat treatment", 360, ["heat-treatment design for steels", "aluminium and copper alloys"]),
            module("Polymers and technical plastics", 300, ["polymer rheology", "engineering plastics selection", "polymer processing"]),
            module("Composite materials", 225, ["composite design", "resin transfer moulding"]),
            module("Materials characterisation", 300, ["SEM and XRD", "mechanical testing", "failure analysis"]),
            module("Materials for automotive and electronics", 225, ["lightweight alloys", "battery materials", "solder and PCB materials"]),
            module("Capstone project and internship", 600, ["materials development project in industry"]),
        ]),
        curriculum("MAT-UPS", "On-site Course: Heat Treatment and Plastics for Supplier Quality", "MAT", .upskilling,
                   completion: 0.92, entry: 0.90, [
            module("Heat-treatment defects and control", 40, ["distortion control", "hardness traceability"]),
            module("Technical plastics for automotive parts", 40, ["PA, PBT and PC selection", "moisture and drying control"]),
            module("Materials testing to customer standards", 40, ["JIS, ASTM and ISO test methods", "test reports for FDI customers"]),
        ]),
    ]

    private static let mould: [Curriculum] = [
        curriculum("MOULD-VOC", "Intermediate Diploma in CNC Machining for Moulds and Dies", "MOULD", .vocational,
                   completion: 0.80, entry: 0.60, [
            module("Engineering drawing and tolerances", 180, ["drawing reading", "fits and tolerances"]),
            module("Conventional machining", 300, ["turning", "milling", "grinding"]),
            module("CNC operation and programming", 420, ["G-code programming", "CNC milling operation", "tool setting"]),
            module("EDM operation", 240, ["wire EDM", "sinker EDM"]),
            module("Mould assembly and maintenance", 240, ["mould fitting and polishing", "mould maintenance"]),
            module("Enterprise internship", 480, ["production practice in a mould shop"]),
        ]),
        curriculum("MOULD-COL", "College Diploma in Mould and Die Technology", "MOULD", .college,
                   completion: 0.75, entry: 0.62, [
            module("Technical drawing and CAD", 270, ["2D drafting", "3D part modelling"]),
            module("CNC machining and CAM", 450, ["CAM toolpath generation", "5-axis machining basics", "CNC programming"]),
            module("Press die design", 270, ["progressive die design", "blanking and bending"]),
            module("Injection mould design", 300, ["injection-mould design", "cooling and ejection design"]),
            module("EDM and precision finishing", 240, ["wire and sinker EDM", "mould polishing"]),
            module("Metrology and CMM", 180, ["CMM measurement", "GD&T inspection"]),
            module("Enterprise internship", 600, ["production practice in a tool room"]),
        ]),
        curriculum("MOULD-BSC", "Bachelor of Mould and Die Technology", "MOULD", .bachelor,
                   completion: 0.78, entry: 0.68, [
            module("Mathematics and mechanics for engineers", 600, ["engineering mathematics", "strength of materials"]),
            module("CAD/CAM/CAE", 360, ["parametric 3D design", "CAM programming", "finite-element analysis"]),
            module("Injection mould design", 360, ["injection-mould design", "hot-runner systems", "mould-flow simulation"]),
            module("Sheet-metal and press die design", 300, ["progressive and transfer dies", "forming simulation"]),
            module("Precision machining and EDM", 300, ["high-speed machining", "EDM process planning"]),
            module("Metrology and GD&T", 180, ["GD&T", "CMM programming"]),
            module("Mould cost estimation and project management", 150, ["mould quotation", "tool-room scheduling"]),
            module("Capstone project and internship", 600, ["mould design-and-build project with an enterprise"]),
        ]),
        curriculum("MOULD-UPS", "On-site Course: Mould-flow Analysis and Mould Design for Tier-1 Customers", "MOULD", .upskilling,
                   completion: 0.92, entry: 0.90, [
            module("Mould-flow simulation", 40, ["filling and packing analysis", "warpage prediction"]),
            module("Design for manufacturability of moulds", 40, ["gate and runner design", "cooling layout"]),
            module("CAM for hardened steel", 40, ["hard milling strategies", "electrode design for EDM"]),
        ]),
    ]

    private static let automation: [Curriculum] = [
        curriculum("AUTO-VOC", "Intermediate Diploma in Industrial Electrics and Automation", "AUTO", .vocational,
                   completion: 0.80, entry: 0.58, [
            module("Industrial electrics", 300, ["motor wiring", "electrical safety"]),
            module("Sensors and actuators", 240, ["sensor installation", "pneumatic actuators"]),
            module("PLC basics", 360, ["PLC ladder programming", "I/O wiring"]),
            module("Pneumatics and hydraulics", 240, ["pneumatic circuits", "hydraulic maintenance"]),
            module("Machine maintenance", 240, ["preventive maintenance", "fault finding"]),
            module("Enterprise internship", 480, ["maintenance practice on a production line"]),
        ]),
        curriculum("AUTO-COL", "College Diploma in Mechatronics", "AUTO", .college,
                   completion: 0.75, entry: 0.63, [
            module("Electrical and electronic circuits", 270, ["circuit analysis", "power electronics basics"]),
            module("PLC programming", 360, ["IEC 61131-3 programming", "Siemens and Mitsubishi PLCs"]),
            module("Industrial robotics", 300, ["robot programming", "robot cell safety"]),
            module("SCADA and HMI", 240, ["HMI design", "SCADA configuration"]),
            module("Sensors and machine vision", 210, ["sensor selection", "vision inspection setup"]),
            module("Mechatronic systems", 240, ["servo drives", "motion control"]),
            module("Enterprise internship", 600, ["automation practice in a supplier plant"]),
        ]),
        curriculum("AUTO-BSC", "Bachelor of Control and Automation Engineering", "AUTO", .bachelor,
                   completion: 0.78, entry: 0.65, [
            module("Mathematics and physics for engineers", 600, ["engineering mathematics", "signals and systems"]),
            module("Control theory", 300, ["feedback control design", "PID tuning"]),
            module("PLC, SCADA and industrial networks", 360, ["PLC programming", "SCADA", "Profinet and EtherCAT"]),
            module("Industrial robotics", 300, ["robot kinematics", "robot programming", "cell integration"]),
            module("Machine vision and sensors", 240, ["machine vision", "sensor fusion"]),
            module("Mechatronic design", 300, ["mechatronic system design", "embedded control"]),
            module("Industry 4.0 and IIoT", 180, ["OPC UA", "MES integration"]),
            module("Capstone project and internship", 600, ["automation line project with an enterprise"]),
        ]),
        curriculum("AUTO-UPS", "On-site Course: PLC and Robot Cell Integration", "AUTO", .upskilling,
                   completion: 0.92, entry: 0.90, [
            module("PLC programming for production lines", 40, ["structured text", "line troubleshooting"]),
            module("Robot cell programming", 40, ["robot teaching", "gripper and fixture set-up"]),
            module("Vision-based inspection", 40, ["machine vision set-up", "defect classification"]),
        ]),
    ]

    private static let production: [Curriculum] = [
        curriculum("PM-VOC", "Intermediate Diploma in Production Supervision and Quality Inspection", "PM", .vocational,
                   completion: 0.82, entry: 0.55, [
            module("Production organisation", 210, ["work instructions", "shift reporting"]),
            module("Quality inspection", 300, ["inspection sampling", "gauge use"]),
            module("5S, kaizen and safety", 180, ["5S", "kaizen suggestions", "occupational safety"]),
            module("Basic statistics for quality", 180, ["check sheets", "control charts"]),
            module("Warehouse and materials handling", 180, ["inventory counting", "FIFO"]),
            module("Enterprise internship", 480, ["supervision practice on a production line"]),
        ]),
        curriculum("PM-COL", "College Diploma in Industrial Production Management", "PM", .college,
                   completion: 0.76, entry: 0.60, [
            module("Production planning and control", 300, ["master production scheduling", "capacity planning"]),
            module("Lean production", 270, ["value-stream mapping", "kanban", "SMED"]),
            module("Quality management systems", 270, ["ISO 9001", "IATF 16949 core tools"]),
            module("Statistical process control", 210, ["SPC", "process capability"]),
            module("Supply chain and ERP", 240, ["purchasing", "ERP transactions"]),
            module("Cost accounting for manufacturing", 150, ["standard costing"]),
            module("Enterprise internship", 600, ["production-planning practice in a supplier plant"]),
        ]),
        curriculum("PM-BSC", "Bachelor of Industrial and Systems Engineering", "PM", .bachelor,
                   completion: 0.80, entry: 0.60, [
            module("Mathematics, statistics and operations research", 600, ["probability and statistics", "linear programming"]),
            module("Production planning and scheduling", 300, ["MRP", "scheduling", "capacity planning"]),
            module("Lean and Six Sigma", 300, ["lean production", "DMAIC", "design of experiments"]),
            module("Quality engineering", 300, ["ISO 9001", "IATF 16949", "APQP, PPAP and FMEA"]),
            module("Supply-chain management", 270, ["supplier development", "logistics", "ERP"]),
            module("Facility and work-system design", 240, ["layout design", "ergonomics"]),
            module("Digital manufacturing", 180, ["MES", "production data analytics"]),
            module("Capstone project and internship", 600, ["improvement project with an enterprise"]),
        ]),
        curriculum("PM-UPS", "On-site Course: IATF 16949 and Lean for Supplier Readiness", "PM", .upskilling,
                   completion: 0.93, entry: 0.92, [
            module("IATF 16949 requirements and core tools", 40, ["APQP", "PPAP", "FMEA", "MSA"]),
            module("SPC on the shop floor", 24, ["control charts", "Cpk"]),
            module("Lean line balancing", 32, ["takt time", "line balancing", "kanban"]),
            module("Supplier audit preparation", 24, ["customer audit readiness", "corrective action 8D"]),
        ]),
    ]
}
