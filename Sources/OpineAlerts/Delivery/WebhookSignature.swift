import Crypto
public import Foundation

/// The HMAC-SHA256 signature that lets a receiver check an alert came from Opine.
///
/// Opine sends `X-Opine-Timestamp: UNIX-SECONDS` and
/// `X-Opine-Signature: sha256=HEX`, where HEX is the HMAC-SHA256, keyed with the
/// destination's secret, of `TIMESTAMP.BODY` (the timestamp, a full stop, the raw body).
/// Signing the timestamp lets receivers refuse replays of old requests.
///
/// ```swift
/// let header = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: "s3cret")
/// WebhookSignature.verify(header, body: body, timestamp: 1_700_000_000, secret: "s3cret")   // true
/// ```
public enum WebhookSignature {
    /// The `X-Opine-Signature` value: `sha256=` and the lowercase hex digest.
    public static func sign(body: Data, timestamp: Int, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `header` is the signature of `body` at `timestamp` with `secret`,
    /// compared in constant time.
    public static func verify(_ header: String, body: Data, timestamp: Int, secret: String) -> Bool {
        ConstantTime.equal(Array(header.utf8), Array(sign(body: body, timestamp: timestamp, secret: secret).utf8))
    }
}

/// Comparison whose time does not depend on where two secrets differ.
public enum ConstantTime {
    /// Whether the two byte strings are equal, looking at every byte of the longer one.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
