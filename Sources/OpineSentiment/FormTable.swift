import Foundation

/// A read-only hash table from normalized forms to values that hashes and compares the
/// forms' UTF-8 bytes, several times cheaper per lookup than a `[String: Value]`, whose
/// String hashing (SipHash over normalized scalars) dominated lexicon matching.
///
/// Lookups agree with the dictionary the table is built from. Swift compares strings by
/// canonical equivalence, bytes do not; so every key is stored under its own bytes and
/// its NFC bytes, which makes an NFC query (every ASCII query, and every form the
/// tokenizer makes) find what the dictionary finds, and a non-ASCII query the bytes miss
/// is asked of the dictionary too.
struct FormTable<Value: Sendable>: Sendable {
    private struct Slot {
        /// The high half of the key's hash.
        var tag: UInt32 = 0
        var length: UInt32 = 0
        var offset: UInt32 = 0
        /// Index into `values`, -1 for an empty slot.
        var value: Int32 = -1
    }

    private let slots: [Slot]
    private let keyBytes: [UInt8]
    private let values: [Value]
    private let mask: Int
    /// The table's source, for non-ASCII queries the bytes do not find.
    private let dictionary: [String: Value]

    /// Creates a table with the entries of `dictionary`; `nfc` gives a key's NFC form.
    init(_ dictionary: [String: Value], nfc: (String) -> String) {
        self.dictionary = dictionary
        var entries: [(key: [UInt8], value: Int32)] = []
        var values: [Value] = []
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            let index = Int32(values.count)
            values.append(value)
            entries.append((Array(key.utf8), index))
            // ASCII is NFC already.
            guard key.utf8.contains(where: { $0 >= 0x80 }) else { continue }
            let normalized = Array(nfc(key).utf8)
            if normalized != entries[entries.count - 1].key { entries.append((normalized, index)) }
        }
        // At most three quarters full: a miss probes a few neighbouring slots, mostly in
        // the same cache line, and the table stays small enough to stay in the cache.
        var capacity = 16
        while capacity * 3 < entries.count * 4 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var keyBytes: [UInt8] = []
        for entry in entries {
            let hash = entry.key.withUnsafeBufferPointer(Self.hash).hash
            var position = Int(truncatingIfNeeded: hash) & (capacity - 1)
            var duplicate = false
            while slots[position].value >= 0 {
                let slot = slots[position]
                if slot.length == entry.key.count, keyBytes[Int(slot.offset)..<Int(slot.offset + slot.length)].elementsEqual(entry.key) {
                    duplicate = true
                    break
                }
                position = (position + 1) & (capacity - 1)
            }
            if duplicate { continue }
            slots[position] = Slot(
                tag: UInt32(truncatingIfNeeded: hash >> 32), length: UInt32(entry.key.count), offset: UInt32(keyBytes.count),
                value: entry.value)
            keyBytes += entry.key
        }
        self.slots = slots
        self.keyBytes = keyBytes
        self.values = values
        self.mask = capacity - 1
    }

    /// The value for a form, nil when the table has none.
    subscript(form: some StringProtocol) -> Value? {
        let found = form.utf8.withContiguousStorageIfAvailable(lookUp) ?? Array(form.utf8).withUnsafeBufferPointer(lookUp)
        switch found {
        case .found(let index): return values[index]
        case .missingNonASCII: return dictionary[String(form)]
        case .missing: return nil
        }
    }

    private enum LookUp {
        case found(Int)
        case missing
        /// Missing, and the key is not ASCII, so possibly not NFC.
        case missingNonASCII
    }

    private func lookUp(_ key: UnsafeBufferPointer<UInt8>) -> LookUp {
        let (hash, ascii) = Self.hash(key)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var position = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { keyBytes in
                while true {
                    let slot = slots[position]
                    if slot.value < 0 { return ascii ? .missing : .missingNonASCII }
                    if slot.tag == tag, Int(slot.length) == key.count,
                        key.isEmpty || Self.equal(UnsafeRawPointer(keyBytes.baseAddress! + Int(slot.offset)), UnsafeRawPointer(key.baseAddress!), count: key.count)
                    {
                        return .found(Int(slot.value))
                    }
                    position = (position + 1) & mask
                }
            }
        }
    }

    /// A 64-bit hash of bytes, eight at a time, multiplied and mixed (not keyed: the keys
    /// are the lexicon's, not an attacker's), and whether the bytes are ASCII.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, ascii: Bool) {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var high: UInt64 = 0
        let count = bytes.count
        guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return (hash, true) }
        var offset = 0
        while offset + 8 < count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        // The last one to eight bytes, read with loads that stay inside the buffer.
        let tail = lastWord(base + offset, count: count - offset)
        high |= tail
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return (hash, high & 0x8080_8080_8080_8080 == 0)
    }

    /// One to eight bytes as a number (zero-extended; the count is hashed separately).
    @inline(__always)
    private static func lastWord(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        switch count {
        case 8: return bytes.loadUnaligned(as: UInt64.self)
        case 4...7:
            let low = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << 32
        case 1...3:
            return UInt64(bytes.load(as: UInt8.self)) | UInt64(bytes.load(fromByteOffset: count / 2, as: UInt8.self)) << 8
                | UInt64(bytes.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
        default: return 0
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }
}

/// A fixed set of normalized forms (rule words, function words), with the lookups of
/// ``FormTable``: membership as `Set<String>` decides it, at a fraction of the cost.
struct FormSet: Sendable, ExpressibleByArrayLiteral {
    private let table: FormTable<Void>
    /// The first bytes of the forms, a bit each (`low` for bytes below 64, `high` for
    /// 64...127), when every form is ASCII and starts with a character that no other
    /// string is canonically equivalent to: then a string whose first byte is not among
    /// them is in no equivalence class of a form (its NFD would have to start with that
    /// character, so its first scalar would have to be it), and is ruled out without a
    /// lookup. Nil otherwise.
    private let firstBytes: (low: UInt64, high: UInt64)?

    init(arrayLiteral forms: String...) {
        self.init(forms)
    }

    /// A set of the given forms.
    init(_ forms: some Sequence<String>) {
        let forms = Array(forms)
        table = FormTable(Dictionary(forms.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }), nfc: { $0.precomposedStringWithCanonicalMapping })
        var low: UInt64 = 0
        var high: UInt64 = 0
        var usable = true
        for form in forms {
            // `K` (KELVIN SIGN), `;` (GREEK QUESTION MARK) and the backtick (GREEK VARIA)
            // have canonical equivalents outside ASCII.
            guard let first = form.utf8.first, form.utf8.allSatisfy({ $0 < 0x80 }),
                first != UInt8(ascii: "K"), first != UInt8(ascii: ";"), first != UInt8(ascii: "`")
            else {
                usable = false
                break
            }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        firstBytes = usable ? (low, high) : nil
    }

    /// Whether the set has `form` (or a canonically equivalent string).
    func contains(_ form: String) -> Bool {
        if let firstBytes, let first = form.utf8.first {
            let listed = first < 64 ? firstBytes.low >> UInt64(first) & 1 != 0 : first < 128 && firstBytes.high >> UInt64(first - 64) & 1 != 0
            if !listed { return false }
        }
        return table[form] != nil
    }
}
