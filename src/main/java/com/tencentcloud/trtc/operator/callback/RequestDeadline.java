package com.tencentcloud.trtc.operator.callback;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request has not been read whole within the read timeout, counted from the request's first
 * byte, and a connection that stays idle (no request begun, or none since the last answer) for the idle timeout. Netty's {@code ReadTimeoutHandler}
 * and {@code IdleStateHandler} restart their clocks with every byte, so a client sending a few bytes every two seconds
 * would never reach them; this deadline does not move once a request has begun. It sits first in the pipeline, so it
 * sees the raw bytes in and out, with {@link #requestRead()} after the aggregator to stop the clock when a request is
 * whole; both run on the connection's event loop: no locks, and no thread per waiting client.
 *
 * <p>A connection cut off with part of a request received is reported through {@code onTimeout}; an idle connection
 * is closed quietly.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final long requestNanos;
    private final long idleNanos;
    private final Runnable onTimeout;
    private ScheduledFuture<?> timer;
    private boolean receiving;

    RequestDeadline(Duration requestTimeout, Duration idleTimeout, Runnable onTimeout) {
        this.requestNanos = requestTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
        this.onTimeout = onTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        schedule(ctx, idleNanos);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!receiving && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            receiving = true;
            schedule(ctx, requestNanos);
        }
        super.channelRead(ctx, msg);
    }

    /** The handler to place after the aggregator: it stops the clock once a whole request has been read. */
    ChannelInboundHandler requestRead() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                cancel();
                receiving = false;
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        promise.addListener(done -> {
            if (done.isSuccess() && ctx.channel().isActive() && !receiving) {
                schedule(ctx, idleNanos);
            }
        });
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx, long nanos) {
        cancel();
        timer = ctx.executor().schedule(() -> {
            if (receiving) {
                onTimeout.run();
            }
            ctx.close();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
