import RelGraph
import RelGraphTestSupport
import Testing

/// Mistakes in documents reported as what they are.
@Suite("Documents: mistakes named as they are")
struct DocumentMistakeTests {
    @Test("a tab that indents a line is named as a tab, at its line and column")
    func tabIndentsAListItem() {
        let problems = Fixtures.problems("relgraph: 1\nnodes:\n\t- {id: a, kind: actor}\n")
        #expect(problems == ["bad.yaml:3:1: error: a tab indents this line; YAML indents with spaces only: replace the tab with spaces"])
    }

    @Test("a tab after spaces in a mapping's indentation is named as a tab, at its column")
    func tabAfterSpaces() {
        let problems = Fixtures.problems("relgraph: 1\nnodes:\n  - id: a\n  \tkind: actor\n")
        #expect(problems == ["bad.yaml:4:3: error: a tab indents this line; YAML indents with spaces only: replace the tab with spaces"])
    }

    @Test("a tab between a key and its value is no mistake")
    func tabAfterKey() {
        #expect(Fixtures.problems("relgraph: 1\nnodes:\n  - id:\ta\n    kind: actor\n").isEmpty)
    }

    @Test("a declared kind with an unknown shape is a style error, and its nodes are not undeclared")
    func styleError() {
        let problems = Fixtures.problems("relgraph: 1\nkinds:\n  - {id: ministry, style: {shape: cds}}\nnodes:\n  - {id: a, kind: ministry}\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("bad.yaml:3:27: error: shape 'cds' is not available; use one of box") == true)
    }
}
