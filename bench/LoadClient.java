import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP/1.1 load client with keep-alive connections, one per worker, in two modes.
 * <ul>
 * <li>{@code open URL RATE SECONDS BODY [WORKERS]}: requests are due at a constant arrival rate, one every 1/rate
 * seconds, and each latency is measured from the moment its request was due, so that a stalled server is not
 * hidden by a client that waits for it (coordinated omission). With enough workers, a slow answer delays later
 * requests and their latency shows it. (autocannon's -R is a per-second quota instead: each connection sends back
 * to back until its quota for the second is used, so load arrives in bursts at the start of each second.)</li>
 * <li>{@code closed URL REQUESTS WORKERS @BODYFILE [ROUNDS]}: the workers send REQUESTS requests in all, each as
 * soon as its previous answer arrives: a storm, timed from the first request to the last answer. With ROUNDS, the
 * storm is repeated that many times from this one process, one line per round, so that later rounds measure the
 * service and not this client's own start (its compiler shares the service's cores).</li>
 * </ul>
 * Usage: java bench/LoadClient.java open|closed ...
 */
public class LoadClient {
    public static void main(String[] args) throws Exception {
        boolean open = args[0].equals("open");
        int rounds = !open && args.length > 5 ? Integer.parseInt(args[5]) : 1;
        for (int round = 1; round <= rounds; round++) {
            run(args, open, rounds > 1 ? "round " + round + ": " : "");
        }
    }

    private static void run(String[] args, boolean open, String prefix) throws Exception {
        URI uri = URI.create(args[1]);
        int rate = open ? Integer.parseInt(args[2]) : 0;
        int total = open ? rate * Integer.parseInt(args[3]) : Integer.parseInt(args[2]);
        int workers = open ? (args.length > 5 ? Integer.parseInt(args[5]) : 16) : Integer.parseInt(args[3]);
        String text = args[4];
        byte[] body = text.startsWith("@") ? java.nio.file.Files.readAllBytes(java.nio.file.Path.of(text.substring(1)))
                : text.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(request, request.length + body.length);
        System.arraycopy(body, 0, message, request.length, body.length);
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long interval = open ? 1_000_000_000L / rate : 0;
        long start = System.nanoTime() + (open ? 100_000_000L : 0);
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = open ? start + i * interval : System.nanoTime();
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        out.write(message);
                        out.flush();
                        if (readResponse(in) != 200) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - due;
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            });
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        String percentiles = String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms;"
                        + " %d failed", ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                ms(latencies, 0.999), latencies[total - 1] / 1e6, failures.get());
        if (open) {
            System.out.printf(Locale.ROOT, "%d requests due at %d/s (%.0f/s answered): %s%n", total, rate,
                    total / took, percentiles);
        } else {
            System.out.printf(Locale.ROOT, "%s%d requests in %.3f s (%.0f/s), %d at a time: %s%n", prefix, total, took,
                    total / took, workers, percentiles);
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) c);
        }
        String headers = head.toString();
        int status = Integer.parseInt(headers.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
            chunked |= line.regionMatches(true, 0, "transfer-encoding: chunked", 0, 26);
        }
        if (!chunked) {
            in.skipNBytes(length);
            return status;
        }
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            in.skipNBytes(size + 2); // the chunk and its CRLF
        }
        in.skipNBytes(2); // the CRLF after the last, empty chunk
        return status;
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return Integer.parseInt(line.toString().trim(), 16);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
