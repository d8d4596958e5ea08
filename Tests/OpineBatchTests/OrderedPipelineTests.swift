import Foundation
import Synchronization
import Testing
@testable import OpineBatch

/// The pipeline delivers in submission order and bounds the work in flight.
struct OrderedPipelineTests {
    @Test func outputsComeInSubmissionOrderWhateverOrderWorkersFinishIn() {
        let pipeline = OrderedPipeline<Int, Int>(limit: 6)
        Thread {
            for number in 0..<500 { pipeline.submit(number) }
            pipeline.close()
        }.start()
        for _ in 0..<4 {
            Thread {
                while let (index, work) = pipeline.nextWork() {
                    usleep(UInt32.random(in: 0..<300))
                    pipeline.complete(index, with: work * 10)
                }
            }.start()
        }
        var outputs: [Int] = []
        while let output = pipeline.nextOutput() { outputs.append(output) }
        #expect(outputs == (0..<500).map { $0 * 10 })
    }

    @Test func noMoreThanTheLimitIsInFlight() {
        let pipeline = OrderedPipeline<Int, Int>(limit: 3)
        let submitted = Atomic<Int>(0)
        Thread {
            for number in 0..<10 {
                pipeline.submit(number)
                submitted.add(1, ordering: .sequentiallyConsistent)
            }
            pipeline.close()
        }.start()
        Thread {
            while let (index, work) = pipeline.nextWork() { pipeline.complete(index, with: work) }
        }.start()
        usleep(200_000)
        // Nothing was taken by the consumer, so the producer waits after three.
        let count = submitted.load(ordering: .sequentiallyConsistent)
        #expect(count == 3)
        var outputs: [Int] = []
        while let output = pipeline.nextOutput() { outputs.append(output) }
        #expect(outputs == Array(0..<10))
    }

    @Test func workIsReleasedOnceTakenEvenWhileMoreIsQueued() throws {
        let pipeline = OrderedPipeline<Payload, Int>(limit: 4)
        weak var first: Payload?
        do {
            let payload = Payload()
            first = payload
            pipeline.submit(payload)
        }
        pipeline.submit(Payload())
        do {
            let (number, _) = try #require(pipeline.nextWork())
            pipeline.complete(number, with: 0)
        }
        #expect(pipeline.nextOutput() == 0)
        // The second piece is still queued; the first must not be kept with it.
        #expect(first == nil)
    }

    private final class Payload: Sendable {}

    @Test func cancellingReleasesAWaitingProducerAndConsumer() {
        let pipeline = OrderedPipeline<Int, Int>(limit: 1)
        let refused = Atomic<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        Thread {
            pipeline.submit(1)
            if !pipeline.submit(2) { refused.store(true, ordering: .sequentiallyConsistent) }
            done.signal()
        }.start()
        usleep(50_000)
        pipeline.cancel()
        #expect(done.wait(timeout: .now() + 5) == .success)
        let wasRefused = refused.load(ordering: .sequentiallyConsistent)
        #expect(wasRefused)
        #expect(pipeline.nextOutput() == nil)
    }
}
