import FuzzSupport

@main enum Main {
    static func main() {
        FuzzDriver.main { data, size in data.map { fuzz($0, size) } ?? 0 }
    }
}
