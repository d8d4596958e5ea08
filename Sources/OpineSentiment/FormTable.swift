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
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
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
    subscript(form: String) -> Value? {
        let found = form.utf8.withContiguousStorageIfAvailable(lookUp) ?? Array(form.utf8).withUnsafeBufferPointer(lookUp)
        switch found {
        case .found(let index): return values[index]
        case .missingNonASCII: return dictionary[form]
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
                        key.count == 0 || memcmp(keyBytes.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) == 0
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
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, ascii: Bool) {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var high: UInt64 = 0
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < raw.count {
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
            high |= tail
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return (hash, high & 0x8080_8080_8080_8080 == 0)
    }
}

/// A fixed set of normalized forms (rule words, function words), with the lookups of
/// ``FormTable``: membership as `Set<String>` decides it, at a fraction of the cost.
struct FormSet: Sendable, ExpressibleByArrayLiteral {
    private let table: FormTable<Void>

    init(arrayLiteral forms: String...) {
        table = FormTable(Dictionary(forms.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }), nfc: { $0.precomposedStringWithCanonicalMapping })
    }

    /// Whether the set has `form` (or a canonically equivalent string).
    func contains(_ form: String) -> Bool {
        table[form] != nil
    }
}
