import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with `ConnectionGuardHandler` in front and the idle timeout set.
struct GuardedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let http: HTTP1Channel
    let counter: ConnectionCounter
    let limits: ConnectionLimits

    init(responder: @escaping HTTPChannelHandler.Responder, counter: ConnectionCounter, limits: ConnectionLimits) {
        http = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(limits.idleTimeout)))
        self.counter = counter
        self.limits = limits
    }

    var responder: HTTPChannelHandler.Responder { http.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionGuardHandler(counter: counter, limits: limits), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the service's connection limits.
    static func guardedHTTP1(counter: ConnectionCounter, limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, counter: counter, limits: limits) }
    }
}
