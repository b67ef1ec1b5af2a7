import Crypto
import Foundation

/// SHA-256 (FIPS 180-4), for content hashes of datasets: swift-crypto's (BoringSSL's on Linux,
/// CryptoKit's on Apple platforms), here under the names the loaders and the store use.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    /// - Complexity: O(n).
    public static func digest(of message: some DataProtocol) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: message))
    }

    /// The digest of `message` as 64 lowercase hexadecimal characters.
    /// - Complexity: O(n).
    public static func hex(of message: [UInt8]) -> String {
        hex(digest: Crypto.SHA256.hash(data: message))
    }

    /// The digest of `data` as 64 lowercase hexadecimal characters.
    /// - Complexity: O(n).
    public static func hex(of data: Data) -> String {
        hex(digest: Crypto.SHA256.hash(data: data))
    }

    private static func hex(digest: Crypto.SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
