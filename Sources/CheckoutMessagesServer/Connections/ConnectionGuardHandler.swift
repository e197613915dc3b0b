import NIOCore

/// The first handler of every connection, before HTTP parsing: it counts the connection against the
/// limit (refusing one too many with a plain `503` and closing it) and closes a connection whose request
/// head takes longer than `requestHeaderTimeout` from its first byte. It finds the end of a head by the
/// blank line that ends it, watching raw bytes only while a head is being received; a response written
/// back means the next bytes start a new request.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    static let refusal = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"

    private let counter: ConnectionCounter
    private let maximumConnections: Int
    private let requestHeaderTimeout: TimeAmount
    private enum Admission { case pending, admitted, refused }
    private var admission = Admission.pending
    private var receivingHead = true
    private var headStarted = false
    /// The last bytes seen, to find `\r\n\r\n` across reads.
    private var tail: UInt32 = 0
    private var deadline: Scheduled<Void>?

    init(counter: ConnectionCounter, limits: ConnectionLimits) {
        self.counter = counter
        maximumConnections = limits.maximumConnections
        requestHeaderTimeout = TimeAmount(limits.requestHeaderTimeout)
    }

    /// Added to a connection that is already active (the usual case for an accepted one): admit it now.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        if admission == .admitted { context.fireChannelActive() }
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard admission == .pending else { return }
        guard counter.admit(limit: maximumConnections) else {
            admission = .refused
            var refusal = context.channel.allocator.buffer(capacity: Self.refusal.utf8.count)
            refusal.writeString(Self.refusal)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.byteBuffer(refusal))).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        admission = .admitted
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if admission == .admitted { counter.release() }
        admission = .refused  // counted once
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if admission == .pending { admit(context) }
        guard admission == .admitted else { return }  // a refused connection's request is dropped
        if receivingHead {
            let buffer = unwrapInboundIn(data)
            if !headStarted, buffer.readableBytes > 0 {
                headStarted = true
                startDeadline(context)
            }
            if buffer.readableBytesView.contains(where: headEnds) {
                receivingHead = false
                deadline?.cancel()
                deadline = nil
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // A response is going out: whatever arrives next begins a new request head, with a deadline of
        // its own (bytes that came in since the last response, say a pipelined body, start none now).
        receivingHead = true
        headStarted = false
        tail = 0
        deadline?.cancel()
        deadline = nil
        context.write(data, promise: promise)
    }

    /// Feeds one byte; true when it completes `\r\n\r\n`.
    private func headEnds(_ byte: UInt8) -> Bool {
        tail = (tail << 8) | UInt32(byte)
        return tail == 0x0D0A_0D0A
    }

    private func startDeadline(_ context: ChannelHandlerContext) {
        // On the channel's own event loop, like every call of this handler: no Sendable capture needed.
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: requestHeaderTimeout) { [weak self] in
            guard let self, self.receivingHead else { return }
            self.counter.recordHeaderTimeout()
            context.close(promise: nil)
        }
    }
}
