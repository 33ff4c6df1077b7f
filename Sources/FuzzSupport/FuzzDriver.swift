import Foundation

#if FUZZING
import CLibFuzzer
#endif

/// The `main` of every fuzz target.
///
/// In the fuzz build (`scripts/fuzz`: `-sanitize=fuzzer -DFUZZING`) it hands control to
/// libFuzzer. In a normal build it replays the files and folders given as arguments once, so
/// a saved crash reproduces with a plain `swift build` (and under a debugger).
public enum FuzzDriver {
    /// libFuzzer's callback type; the pointer is never null for inputs it generates.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func main(_ test: TestOneInput) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
        #else
        let files = CommandLine.arguments.dropFirst().flatMap(inputFiles)
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(2)
            }
            // One extra byte so that an empty file still has a base address, as under libFuzzer.
            let copy = [UInt8](bytes) + [0]
            _ = copy.withUnsafeBufferPointer { buffer in test(buffer.baseAddress, bytes.count) }
        }
        print("replayed \(files.count) inputs without a failure")
        exit(0)
        #endif
    }

    /// A file, or every regular file directly inside a folder (a libFuzzer corpus).
    static func inputFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
