package dev.pagerpolicy.forward;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The copies waiting to reach one Alertmanager, sent in their order by a thread of its own, in batches, and retried
 * with a growing pause (up to {@link #LONGEST_PAUSE}) for as long as it cannot be reached, so that nothing is lost
 * while it is away: an Alertmanager that comes back gets everything held for it. Bounded: when its queue is full,
 * {@link #offer} says no and the sender is asked to send again later. Only an answer that no retry can change (a 4xx:
 * Alertmanager refused the batch as invalid) drops a batch, counted and logged with Alertmanager's words.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Outbox.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final URI endpoint;
    private final ArrayBlockingQueue<PostableAlert> queue;
    private final int batchSize;
    private final Function<List<PostableAlert>, byte[]> encoder;
    private final HttpClient client;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastFailure;

    /**
     * @param alertmanager its base URL, e.g. {@code http://alertmanager:9093}
     * @param capacity     how many copies it holds at most while they cannot be sent
     */
    public Outbox(URI alertmanager, int capacity, int batchSize, Function<List<PostableAlert>, byte[]> encoder) {
        String base = alertmanager.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/api/v2/alerts");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.encoder = encoder;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.sender = new Thread(this::sendForever, "pager-policy-forward-" + base.replaceAll("^[a-z]+://", ""));
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues {@code copies} all, or none when they do not all fit. */
    public synchronized boolean offer(List<PostableAlert> copies) {
        if (queue.remainingCapacity() < copies.size()) {
            return false;
        }
        queue.addAll(copies);
        return true;
    }

    private void sendForever() {
        List<PostableAlert> batch = new ArrayList<>(batchSize);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, batchSize - 1);
                sendUntilAnswered(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** Sends the batch, pausing longer after each failure, until Alertmanager answers it. */
    private void sendUntilAnswered(List<PostableAlert> batch) throws InterruptedException {
        byte[] body = encoder.apply(batch);
        Duration pause = FIRST_PAUSE;
        while (true) {
            String failure;
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    sent.addAndGet(batch.size());
                    recovered();
                    return;
                }
                if (status / 100 == 4) {
                    refused.addAndGet(batch.size());
                    LOG.errorf("%s refused %d alerts (%d): %s", endpoint, batch.size(), status, answer.body());
                    return;
                }
                failure = status + " " + answer.body();
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            failures.incrementAndGet();
            if (lastFailure == null) {
                LOG.warnf("%s cannot be reached (%s): %d alerts held, retrying", endpoint, failure, queue.size() + batch.size());
            }
            lastFailure = failure;
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void recovered() {
        if (lastFailure != null) {
            LOG.infof("%s reached again", endpoint);
            lastFailure = null;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Copies waiting to be sent. */
    public int depth() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    public long sent() {
        return sent.get();
    }

    /** Attempts that failed (each retried). */
    public long failures() {
        return failures.get();
    }

    /** Copies Alertmanager refused as invalid: not sent again. */
    public long refused() {
        return refused.get();
    }

    /** Why the last attempt failed, while no later one succeeded. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        sender.interrupt();
    }
}
