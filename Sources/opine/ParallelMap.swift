import Dispatch
import Synchronization

/// Maps `transform` over `items` on all cores, keeping order.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    let results = Mutex([Result?](repeating: nil, count: items.count))
    let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
    let chunks = (items.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { number in
        let range = (number * chunk)..<min(items.count, (number + 1) * chunk)
        let local = range.map { transform(items[$0]) }
        results.withLock { all in
            for (offset, value) in local.enumerated() { all[range.lowerBound + offset] = value }
        }
    }
    return results.withLock { $0.map { $0! } }
}

import Foundation
