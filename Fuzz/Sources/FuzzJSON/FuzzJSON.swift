// libFuzzer target: the JSON document decoder. Built only by `make fuzz` (see Fuzz/README.md).
import FuzzSupport
import RelGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    checkDocumentDecoding(UnsafeBufferPointer(start: data, count: size), syntax: .json)
    return 0
}
