// `import RelGraph` brings the whole library: the targets below, each a layer of its own.
@_exported import RelGraphCore
@_exported import RelGraphCypher
@_exported import RelGraphDocument
@_exported import RelGraphInterchange
@_exported import RelGraphSearch
