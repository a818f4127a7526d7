import FuzzSupport

// The process's entry (see runFuzzer in FuzzSupport).
@_cdecl("FuzzCypher_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
