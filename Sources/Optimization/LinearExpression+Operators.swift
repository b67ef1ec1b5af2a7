// Arithmetic on variables and expressions. There is deliberately no `==`, `<=` or `>=` that
// builds a constraint (it would break `Equatable`): use `LinearModel.addConstraint`.

extension LinearExpression {
    /// The sum of two expressions.
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs)
        return result
    }

    /// The difference of two expressions.
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs, times: -1)
        return result
    }

    /// The negated expression.
    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        var result = operand
        result.scale(by: -1)
        return result
    }

    /// The expression scaled by a number.
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        result.scale(by: lhs)
        return result
    }

    /// The expression scaled by a number.
    public static func * (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        rhs * lhs
    }

    /// The expression plus a constant.
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    /// The expression minus a constant.
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        lhs + (-rhs)
    }

    /// A constant plus the expression.
    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        rhs + lhs
    }

    /// A constant minus the expression.
    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        -rhs + lhs
    }

    /// The expression plus a variable.
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(1, rhs)
        return result
    }

    /// The expression minus a variable.
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(-1, rhs)
        return result
    }

    /// A variable plus the expression.
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    /// A variable minus the expression.
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }

    /// Adds an expression in place.
    /// - Complexity: O(terms of `rhs`).
    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs)
    }

    /// Subtracts an expression in place.
    /// - Complexity: O(terms of `rhs`).
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs, times: -1)
    }

    /// Adds a variable in place.
    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(1, rhs)
    }

    /// Subtracts a variable in place.
    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(-1, rhs)
    }

    /// Adds a constant in place.
    public static func += (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant += rhs
    }

    /// Subtracts a constant in place.
    public static func -= (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant -= rhs
    }

    /// Scales in place.
    public static func *= (lhs: inout LinearExpression, rhs: Double) {
        lhs.scale(by: rhs)
    }
}

extension Variable {
    /// `coefficient · variable`.
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(rhs, coefficient: lhs)
    }

    /// `variable · coefficient`.
    public static func * (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs, coefficient: rhs)
    }

    /// `-variable`.
    public static prefix func - (operand: Variable) -> LinearExpression {
        LinearExpression(operand, coefficient: -1)
    }

    /// The sum of two variables.
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(1, rhs)
        return result
    }

    /// The difference of two variables.
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(-1, rhs)
        return result
    }

    /// A variable plus a constant.
    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    /// A variable minus a constant.
    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }
}
