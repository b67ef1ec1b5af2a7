// Texts of the request templates (`skillplan template`): headers, instructions, input messages.
extension CatalogueTables {
    static let englishTemplates: [String: String] = [:]

    static let vietnameseTemplates: [String: String] = [:]
}
