import ArgumentParser

@main
struct CheckoutMessagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-messages",
        abstract: "Customer-safe, localized checkout messages for payment API errors.",
        subcommands: [ServeCommand.self, ResolveCommand.self, ValidateCommand.self, ExportCommand.self, ImportCommand.self]
    )
}
