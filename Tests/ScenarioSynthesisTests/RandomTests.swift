import Workforce
import Testing
@testable import ScenarioSynthesis

@Suite("SplitMix64 and number text")
struct RandomTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func belowStaysInRangeAndCoversIt() {
        var random = SplitMix64(seed: 99)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let value = random.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }

    @Test func weightedIndexNeverPicksZeroWeight() {
        var random = SplitMix64(seed: 5)
        let table = WeightedTable([0, 3, 0, 1])
        for _ in 0..<500 {
            let index = table.draw(&random)
            #expect(index == 1 || index == 3)
            #expect([1, 3].contains(random.weightedIndex([0, 2, 0, 5])))
        }
    }

    @Test func decimalTextIsExact() {
        #expect(DecimalText.format(0.5, places: 2) == "0.50")
        #expect(DecimalText.format(72.45, places: 1) == "72.5")
        #expect(DecimalText.compact(0.0524, places: 4) == "0.0524")
        #expect(DecimalText.compact(12.0, places: 3) == "12")
        #expect(DecimalText.padded(42, width: 4) == "0042")
        #expect(DecimalText.groupedVND(300_000_000_000) == "300_000_000_000")
        #expect(DecimalText.groupedVND(24_000_000) == "24_000_000")
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVText.field("Đại học Bách khoa Hà Nội") == "Đại học Bách khoa Hà Nội")
        #expect(CSVText.field("Hanil Vina Co., Ltd.") == "\"Hanil Vina Co., Ltd.\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
