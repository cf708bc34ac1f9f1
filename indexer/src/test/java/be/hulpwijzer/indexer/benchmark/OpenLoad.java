package be.hulpwijzer.indexer.benchmark;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: requests start on a fixed schedule whatever the answers do, and each latency is
 * measured from its scheduled start (so a slow server is not hidden by fewer requests: no coordinated
 * omission). Answers p50, p99 and the achieved throughput.
 * <p>
 * The client is Netty on one event-loop thread with keep-alive connections (at most {@link #MAX_CONNECTIONS};
 * a request with none free waits for one, its clock running): it shares the two cores with the server, so it
 * must cost little. Java's {@code HttpClient} took about a quarter of the CPU at 1,000 requests a second (its
 * connection pool keeps an expiry list in a linked list, searched on every return).
 */
final class OpenLoad {

    record Result(int rate, int sent, int failed, double p50, double p99, double max, double throughput) {
    }

    private static final int MAX_CONNECTIONS = 256;

    /** A request waiting for a connection or an answer; its clock started at its scheduled time. */
    private record Pending(String path, long scheduled) {
    }

    private OpenLoad() {
    }

    static Result run(List<URI> targets, int perSecond, Duration length) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            long interval = 1_000_000_000L / perSecond;
            int count = (int) (length.toNanos() / interval);
            Run run = new Run(group, targets.get(0), count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long scheduled = start + i * interval;
                LockSupport.parkNanos(scheduled - System.nanoTime());
                URI target = targets.get(i % targets.size());
                Pending pending = new Pending(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()),
                        scheduled);
                group.execute(() -> run.send(pending));
            }
            if (!run.done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("answers still missing after two minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = Arrays.copyOf(run.latencies, run.answered);
            Arrays.sort(sorted);
            return new Result(perSecond, count, run.failed, quantile(sorted, 0.5), quantile(sorted, 0.99), quantile(sorted, 1.0),
                    sorted.length / seconds);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The state of one run; touched only on the event loop's thread. */
    private static final class Run {
        private static final AttributeKey<Pending> CURRENT = AttributeKey.valueOf("pending");
        private final Bootstrap bootstrap;
        private final String host;
        private final int port;
        private final ArrayDeque<Channel> idle = new ArrayDeque<>();
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private final long[] latencies;
        private final CountDownLatch done = new CountDownLatch(1);
        private int connections;
        private int answered;
        private int failed;

        Run(EventLoopGroup group, URI server, int count) {
            this.host = server.getHost();
            this.port = server.getPort();
            this.latencies = new long[count];
            this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new Answers());
                        }
                    });
        }

        void send(Pending pending) {
            Channel channel = idle.pollFirst();
            if (channel != null) {
                write(channel, pending);
            } else {
                waiting.addLast(pending);
                connect();
            }
        }

        /** Opens one more connection, unless there are enough. */
        private void connect() {
            if (connections >= MAX_CONNECTIONS) {
                return;
            }
            connections++;
            bootstrap.connect(host, port).addListener((ChannelFuture connected) -> {
                if (connected.isSuccess()) {
                    free(connected.channel());
                } else {
                    connections--;
                    fail(waiting.pollFirst());
                }
            });
        }

        private void write(Channel channel, Pending pending) {
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pending.path());
            request.headers().set(HttpHeaderNames.HOST, host + ":" + port);
            channel.attr(CURRENT).set(pending);
            channel.writeAndFlush(request, channel.voidPromise());
        }

        /** A connection is free: it takes the oldest waiting request, or waits itself. */
        private void free(Channel channel) {
            Pending next = waiting.pollFirst();
            if (next != null) {
                write(channel, next);
            } else {
                idle.addLast(channel);
            }
        }

        private void answer(Pending pending, boolean ok) {
            if (ok) {
                latencies[answered++] = System.nanoTime() - pending.scheduled();
            } else {
                failed++;
            }
            if (answered + failed == latencies.length) {
                done.countDown();
            }
        }

        private void fail(Pending pending) {
            if (pending != null) {
                answer(pending, false);
            }
        }

        /** Reads one answer at a time per connection (no pipelining). */
        private final class Answers extends SimpleChannelInboundHandler<HttpObject> {
            private boolean ok;

            @Override
            protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
                if (message instanceof HttpResponse response) {
                    ok = response.status().code() == 200;
                }
                if (message instanceof LastHttpContent) {
                    Pending pending = context.channel().attr(CURRENT).getAndSet(null);
                    answer(pending, ok);
                    free(context.channel());
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext context) {
                connections--;
                idle.remove(context.channel());
                fail(context.channel().attr(CURRENT).getAndSet(null));
                if (!waiting.isEmpty()) {
                    connect();
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                context.close();
            }
        }
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
