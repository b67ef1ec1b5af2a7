/// The students each posting holds during deferred acceptance: per posting a max-heap keyed by
/// the posting's rank of the student (worst on top), all postings in one flat array sized by their
/// capacities, so the proposal loop allocates nothing.
struct HeldStudents {
    /// Posting `p`'s heap lives in `key`/`student[start[p] ..< start[p] + count[p]]`.
    private(set) var start: [Int]
    private(set) var count: [Int]
    private var key: [Int]
    private var student: [Int]

    /// Empty heaps for postings with these capacities.
    init(capacity: [Int]) {
        var start = [Int](repeating: 0, count: capacity.count + 1)
        for p in capacity.indices { start[p + 1] = start[p] + capacity[p] }
        self.start = start
        count = [Int](repeating: 0, count: capacity.count)
        key = [Int](repeating: 0, count: start[capacity.count])
        student = [Int](repeating: 0, count: start[capacity.count])
    }

    /// The rank of the worst student posting `p` holds; `p` must hold someone.
    @inline(__always) func worstKey(_ p: Int) -> Int { key[start[p]] }

    /// Holds student `s` (rank `rank`) at posting `p`, which must have room. O(log c).
    @inline(__always) mutating func insert(_ s: Int, rank: Int, at p: Int) {
        let base = start[p]
        var i = count[p]
        while i > 0 {
            let parent = (i - 1) / 2
            if key[base + parent] >= rank { break }
            key[base + i] = key[base + parent]
            student[base + i] = student[base + parent]
            i = parent
        }
        key[base + i] = rank
        student[base + i] = s
        count[p] += 1
    }

    /// Replaces posting `p`'s worst held student by `s` (rank `rank`); returns the one let go. O(log c).
    @inline(__always) mutating func replaceWorst(at p: Int, with s: Int, rank: Int) -> Int {
        let released = student[start[p]]
        siftDown(at: p, count: count[p], rank: rank, student: s)
        return released
    }

    /// Lets posting `p`'s worst held student go and returns them; `p` must hold someone. O(log c).
    @inline(__always) mutating func removeWorst(at p: Int) -> Int {
        let base = start[p]
        let released = student[base]
        let last = count[p] - 1
        count[p] = last
        if last > 0 { siftDown(at: p, count: last, rank: key[base + last], student: student[base + last]) }
        return released
    }

    /// Places (rank, s) from the top of posting `p`'s heap of `count` entries down to its place.
    @inline(__always) private mutating func siftDown(at p: Int, count: Int, rank: Int, student s: Int) {
        let base = start[p]
        var i = 0
        while true {
            let left = 2 * i + 1
            if left >= count { break }
            var child = left
            if left + 1 < count && key[base + left + 1] > key[base + left] { child = left + 1 }
            if key[base + child] <= rank { break }
            key[base + i] = key[base + child]
            student[base + i] = student[base + child]
            i = child
        }
        key[base + i] = rank
        student[base + i] = s
    }

    /// Posting and choice of every held student, from each student's next-proposal pointer (a held
    /// student stopped proposing right after the choice that is held).
    func assignment(studentCount: Int, next: [Int]) -> (postingOf: [Int], choiceOf: [Int]) {
        var postingOf = [Int](repeating: -1, count: studentCount)
        var choiceOf = [Int](repeating: -1, count: studentCount)
        for p in count.indices {
            for i in start[p]..<(start[p] + count[p]) {
                let s = student[i]
                postingOf[s] = p
                choiceOf[s] = next[s] - 1
            }
        }
        return (postingOf, choiceOf)
    }
}
