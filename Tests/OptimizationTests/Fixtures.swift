import Optimization

/// Small models worked out by hand, shared by several suites.
enum Fixtures {
    /// Wyndor Glass (Hillier & Lieberman): max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum x = 2, y = 6, objective 36; duals 0, 1.5, 1.
    struct Wyndor {
        var model = LinearModel(name: "wyndor")
        let x: Variable, y: Variable
        let plantA: Constraint, plantB: Constraint, plantC: Constraint

        init() {
            x = model.addVariable("doors[2027]")
            y = model.addVariable("windows[2027]")
            plantA = model.addConstraint(LinearExpression(x), .lessOrEqual, 4, name: "hours[plant1]")
            plantB = model.addConstraint(2 * y, .lessOrEqual, 12, name: "hours[plant2]")
            plantC = model.addConstraint(3 * x + 2 * y, .lessOrEqual, 18, name: "hours[plant3]")
            model.maximize(3 * x + 5 * y)
        }
    }

    /// min 2a + 3b + 4c + 1, a + b + c ≥ 10, a ≤ 6 (a row), all ≥ 0.
    /// Optimum a = 6, b = 4, c = 0, objective 25; duals 3 and −1; reduced cost of c: 1.
    struct Supply {
        var model = LinearModel(name: "supply")
        let a: Variable, b: Variable, c: Variable
        let demand: Constraint, capacity: Constraint

        init() {
            a = model.addVariable("a")
            b = model.addVariable("b")
            c = model.addVariable("c")
            demand = model.addConstraint(.sum([a, b, c]), .greaterOrEqual, 10, name: "demand")
            capacity = model.addConstraint(LinearExpression(a), .lessOrEqual, 6, name: "capacity[a]")
            model.minimize(2 * a + 3 * b + 4 * c + 1)
        }
    }

    /// max 3x + 5y + 2z, x ≤ 4, 2y ≤ 12, 3x + 2y + z ≤ 18, x − z = 1.
    /// Optimum x = 1.75, y = 6, z = 0.75, objective 36.75; duals 0, 1.25, 1.25, −0.75.
    struct WyndorWithEquality {
        var model = LinearModel(name: "wyndor-eq")
        let x: Variable, y: Variable, z: Variable
        let rows: [Constraint]

        init() {
            x = model.addVariable("x")
            y = model.addVariable("y")
            z = model.addVariable("z")
            rows = [
                model.addConstraint(LinearExpression(x), .lessOrEqual, 4, name: "r1"),
                model.addConstraint(2 * y, .lessOrEqual, 12, name: "r2"),
                model.addConstraint(3 * x + 2 * y + z, .lessOrEqual, 18, name: "r3"),
                model.addConstraint(x - z, .equal, 1, name: "link"),
            ]
            model.maximize(3 * x + 5 * y + 2 * z)
        }
    }

    /// x free, y ∈ [−5, −1], x + 2y = −3, 2 ≤ x − y ≤ 4.
    /// min x + y: y = −5/3, x = 1/3, objective −4/3 (range at its lower bound; duals 2/3, 1/3).
    /// max x + y: y = −7/3, x = 5/3, objective −2/3 (range at its upper bound).
    struct FreeAndRange {
        var model = LinearModel(name: "free-range")
        let x: Variable, y: Variable
        let link: Constraint, window: Constraint

        init(sense: ObjectiveSense) {
            x = model.addVariable("x free", lowerBound: -.infinity)
            y = model.addVariable("y[neg]", lowerBound: -5, upperBound: -1)
            link = model.addConstraint(x + 2 * y, .equal, -3, name: "link")
            window = model.addConstraint("window", 2, x - y, 4)
            model.setObjective(x + y, sense: sense)
        }
    }

    /// 0-1 knapsack: values 10, 13, 7, weights 4, 6, 3, capacity 9.
    /// Integer optimum {b, c} = 20; LP relaxation a = 1, c = 1, b = 1/3, objective 21 1/3.
    struct Knapsack {
        var model = LinearModel(name: "knapsack")
        let items: [Variable]
        let capacity: Constraint

        init() {
            let values = [10.0, 13, 7], weights = [4.0, 6, 3]
            var model = LinearModel(name: "knapsack")
            let items = ["a", "b", "c"].map { model.addVariable("take[\($0)]", upperBound: 1, isInteger: true) }
            capacity = model.addConstraint(
                .sum(zip(weights, items)) { $0 * $1 }, .lessOrEqual, 9, name: "capacity")
            model.maximize(.sum(zip(values, items)) { $0 * $1 })
            self.items = items
            self.model = model
        }
    }
}
