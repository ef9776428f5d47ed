import ShowrunnerCLI

@main
enum Entry {
    static func main() async {
        await ShowrunnerCommand.runAsMain()
    }
}
