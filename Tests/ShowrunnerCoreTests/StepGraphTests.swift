import Testing

@testable import ShowrunnerCore

struct StepGraphTests {
    static func graph(_ steps: [(String, [String])]) -> StepGraph {
        StepGraph(steps: steps.map { PipelineStep(id: $0.0, uses: "command", needs: $0.1) })
    }

    @Test func ordersStepsAfterTheirNeedsKeepingDeclarationOrder() {
        let graph = Self.graph([
            ("upload", ["video", "thumb"]), ("topic", []), ("video", ["topic"]), ("thumb", ["topic"]),
        ])
        #expect(graph.topologicalOrder() == ["topic", "video", "thumb", "upload"])
        #expect(graph.cycle() == nil)
    }

    @Test func namesTheCycle() {
        let graph = Self.graph([("a", ["c"]), ("b", ["a"]), ("c", ["b"]), ("d", [])])
        #expect(graph.topologicalOrder() == nil)
        #expect(graph.cycle() == ["a", "c", "b", "a"])
    }

    @Test func ancestorsAreNearestFirst() {
        let graph = Self.graph([("topic", []), ("script", ["topic"]), ("voice", ["script"]), ("video", ["voice"])])
        #expect(graph.ancestors(of: "video") == ["voice", "script", "topic"])
        #expect(graph.ancestors(of: "topic") == [])
    }

    @Test func unknownNeedsAreIgnoredByTheGraph() {
        let graph = Self.graph([("a", ["missing"])])
        #expect(graph.topologicalOrder() == ["a"])
        #expect(graph.ancestors(of: "a") == [])
    }
}
