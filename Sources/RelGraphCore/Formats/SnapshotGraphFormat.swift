extension GraphFormat {
    /// `rgpack`: a binary snapshot of a loaded graph, mapped on reading (docs/rgpack.md);
    /// known by its first bytes whatever its name.
    public static let rgpack = GraphFormat(
        name: "rgpack", summary: "a RelGraph snapshot (binary, opened in a fraction of a second)",
        fileExtensions: ["rgpack"], isBinary: true,
        recognizer: { SnapshotFormat.hasMagic($0.firstBytes) },
        reader: Reader(
            fromPath: { path, _ throws(GraphLoadError) in
                do throws(SnapshotError) { return ImportedGraph(graph: try Graph(snapshotAt: path)) } catch { throw GraphLoadError(error) }
            },
            fromBytes: { bytes, fileName, _ throws(GraphLoadError) in
                do throws(SnapshotError) { return ImportedGraph(graph: try Graph(snapshot: bytes, name: fileName)) } catch { throw GraphLoadError(error) }
            }),
        writer: .file { graph, _, file in
            SnapshotWriter().write(graph, to: file)
            return []
        })
}
