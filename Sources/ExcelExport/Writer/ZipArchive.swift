internal import CDeflate
import Synchronization

/// A zip archive assembled in memory, its entries deflated with zlib: the container of an
/// `.xlsx` package. Entries are stored in the order added, dated 1980-01-01 as Office's own
/// writers date them, without zip64 (a workbook part never nears 4 GB; ``add(_:_:reusable:)``
/// refuses one that does).
struct ZipArchive {
    /// The archive so far: local headers and deflated entries.
    private var bytes: [UInt8] = []
    /// The central directory's records so far.
    private var directory: [UInt8] = []
    private var entryCount = 0
    private let compressor: Deflater

    /// An empty archive whose entries `compressor` deflates.
    init(compressor: Deflater) {
        self.compressor = compressor
        bytes.reserveCapacity(32 << 10)
    }

    /// Adds an entry. A `reusable` entry (the same bytes in many workbooks: the theme, the
    /// relationships, the styles of one kind of workbook) is deflated once per process and kept.
    /// - Throws: ``ExcelWriteError`` `.library` if zlib fails, `.invalidArgument` for an entry
    ///   of 4 GB or more.
    mutating func add(_ name: StaticString, _ content: [UInt8], reusable: Bool = false) throws {
        try add(name.withUTF8Buffer { Array($0) }, content, reusable: reusable)
    }

    /// Adds an entry whose name is built at run time (`xl/worksheets/sheet12.xml`).
    mutating func add(_ name: [UInt8], _ content: [UInt8], reusable: Bool = false) throws {
        guard content.count < Int(UInt32.max), entryCount < Int(UInt16.max) else {
            throw ExcelWriteError(.invalidArgument, "a workbook part of \(content.count) bytes is too large for a zip without zip64")
        }
        let checksum = content.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32_z(0, buffer.baseAddress, buffer.count))
        }
        let offset = bytes.count
        // Local file header; the deflated size is filled in once known.
        Self.append32(0x0403_4B50, to: &bytes)
        Self.appendCommonFields(to: &bytes, checksum: checksum, deflated: 0, size: content.count, name: name)
        bytes.append(contentsOf: name)
        let dataStart = bytes.count
        if reusable, let known = DeflatedParts.shared.lookup(checksum: checksum, content: content) {
            bytes.append(contentsOf: known)
        } else {
            // Deflated straight into the archive: no buffer per part.
            let bound = try compressor.bound(content.count)
            bytes.append(contentsOf: repeatElement(0, count: bound))
            let written = try bytes.withUnsafeMutableBufferPointer { buffer in
                try compressor.deflate(content, into: UnsafeMutableBufferPointer(rebasing: buffer[dataStart...]))
            }
            bytes.removeLast(bound - written)
            if reusable {
                DeflatedParts.shared.remember(checksum: checksum, content: content, deflated: Array(bytes[dataStart...]))
            }
        }
        let deflatedSize = bytes.count - dataStart
        // The header's "compressed size" field, 18 bytes in.
        for index in 0..<4 {
            bytes[offset + 18 + index] = UInt8(truncatingIfNeeded: deflatedSize >> (8 * index))
        }
        // Central directory record.
        Self.append32(0x0201_4B50, to: &directory)
        Self.append16(20, to: &directory)  // made by: MS-DOS, zip 2.0
        Self.appendCommonFields(to: &directory, checksum: checksum, deflated: deflatedSize, size: content.count, name: name)
        Self.append16(0, to: &directory)  // comment length
        Self.append16(0, to: &directory)  // disk number
        Self.append16(0, to: &directory)  // internal attributes
        Self.append32(0, to: &directory)  // external attributes
        Self.append32(UInt32(truncatingIfNeeded: offset), to: &directory)
        directory.append(contentsOf: name)
        entryCount += 1
        guard bytes.count < Int(UInt32.max) else {
            throw ExcelWriteError(.invalidArgument, "the workbook reached 4 GB, too large for a zip without zip64")
        }
    }

    /// The finished archive: the entries, the central directory and its end record. The archive
    /// is empty afterwards.
    mutating func finish() -> [UInt8] {
        var archive = bytes
        bytes = []
        let directoryOffset = UInt32(truncatingIfNeeded: archive.count)
        archive.append(contentsOf: directory)
        Self.append32(0x0605_4B50, to: &archive)
        Self.append16(0, to: &archive)  // this disk
        Self.append16(0, to: &archive)  // the directory's disk
        Self.append16(UInt16(entryCount), to: &archive)
        Self.append16(UInt16(entryCount), to: &archive)
        Self.append32(UInt32(truncatingIfNeeded: directory.count), to: &archive)
        Self.append32(directoryOffset, to: &archive)
        Self.append16(0, to: &archive)  // comment length
        return archive
    }

    /// The fields local headers and central records share, from "version needed" to "extra length".
    private static func appendCommonFields(to out: inout [UInt8], checksum: UInt32, deflated: Int, size: Int, name: [UInt8]) {
        append16(20, to: &out)  // version needed: 2.0 (deflate)
        append16(0, to: &out)  // flags: sizes known, names ASCII
        append16(8, to: &out)  // method: deflate
        append16(0, to: &out)  // time 00:00
        append16(0x21, to: &out)  // date 1980-01-01
        append32(checksum, to: &out)
        append32(UInt32(truncatingIfNeeded: deflated), to: &out)
        append32(UInt32(truncatingIfNeeded: size), to: &out)
        append16(UInt16(truncatingIfNeeded: name.count), to: &out)
        append16(0, to: &out)  // extra field length
    }

    private static func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func append32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// A zlib raw-deflate stream, reset between entries (setting one up costs more than small parts).
/// One per workbook being written; not thread-safe.
final class Deflater {
    /// zlib's level: 6, the level Office and libxlsxwriter use.
    static let level: Int32 = 6
    private var stream = z_stream()
    private var isReady = false
    /// Whether a part was deflated since the stream was set up (it must be reset before the next).
    private var isUsed = false

    init() {}

    deinit {
        if isReady { deflateEnd(&stream) }
    }

    /// The most bytes deflating `size` bytes can take (zlib's bound for this stream).
    func bound(_ size: Int) throws -> Int {
        try start()
        return Int(deflateBound(&stream, uLong(size)))
    }

    /// Deflates `content` (raw, as a zip entry holds it) into `output`, at least ``bound(_:)``
    /// bytes long; returns the bytes written.
    /// - Throws: ``ExcelWriteError`` `.library` when zlib fails (out of memory).
    func deflate(_ content: [UInt8], into output: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        try start()
        if isUsed {
            guard deflateReset(&stream) == Z_OK else { throw Self.failure("reset") }
        }
        isUsed = true
        let status: Int32 = content.withUnsafeBufferPointer { input in
            // zlib's `next_in` is not const, but deflate only reads it.
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return CDeflate.deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw Self.failure("finish (status \(status))") }
        return output.count - Int(stream.avail_out)
    }

    private func start() throws {
        guard !isReady else { return }
        guard czlib_deflate_init_raw(&stream, Self.level) == Z_OK else { throw Self.failure("start") }
        isReady = true
    }

    private static func failure(_ step: String) -> ExcelWriteError {
        ExcelWriteError(.library, "zlib could not \(step) deflating a workbook part (out of memory?)")
    }
}

/// Parts that many workbooks of a run share, deflated once per process. Bounded: a server that
/// writes many plans keeps at most ``limit`` parts.
final class DeflatedParts: Sendable {
    static let shared = DeflatedParts()
    static let limit = 64

    private struct Key: Hashable {
        var checksum: UInt32
        var size: Int
    }

    private let parts = Mutex<[Key: (content: [UInt8], deflated: [UInt8])]>([:])

    func lookup(checksum: UInt32, content: [UInt8]) -> [UInt8]? {
        parts.withLock { parts in
            guard let known = parts[Key(checksum: checksum, size: content.count)], known.content == content else { return nil }
            return known.deflated
        }
    }

    func remember(checksum: UInt32, content: [UInt8], deflated: [UInt8]) {
        parts.withLock { parts in
            if parts.count >= Self.limit { parts.removeAll() }
            parts[Key(checksum: checksum, size: content.count)] = (content, deflated)
        }
    }
}
