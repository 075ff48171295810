package org.jcmflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.CaseDriver;
import org.jcmflow.testsupport.ProductionApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Large documents leave the database as a stream: fifty people downloading a 20 MB report at once cost the
 * server a few chunks each, not the report fifty times. On the application with production's limits: the report is
 * as large as a document may be there.
 */
@ProductionApplicationTest
class DocumentStreamingIT {

    private static final int SIZE = 20 * 1024 * 1024;
    private static final int DOWNLOADS = 50;
    /** What each download reads before it pauses, so that all fifty are under way at the moment measured. */
    private static final int READ_BEFORE_PAUSE = 1024 * 1024;
    private static final long ALLOWED_GROWTH = 100L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void fiftyConcurrentDownloadsOfA20MbDocumentKeepTheHeapFlatAndDeliverTheSameBytes(CaseDriver driver)
            throws Exception {
        String caseId = driver.openCase(PROPONENT, "Case with a large survey");
        byte[] report = largePdf();
        String whole = "the report's " + SIZE + " bytes";
        String path;
        {
            String expectedSha256 = sha256Of(report);
            ApiClient.Response uploaded = driver.as(PROPONENT).upload("/api/cases/" + caseId + "/documents",
                    "survey.pdf", "application/pdf", report);
            assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
            assertThat(uploaded.json().path("sha256").asText()).isEqualTo(expectedSha256);
            assertThat(uploaded.json().path("size").asLong()).isEqualTo(SIZE);
            path = "/api/cases/" + caseId + "/documents/" + uploaded.json().path("id").asText();
        }
        // once, so that the code of a download is loaded and its caches are warm before measuring
        assertThat(download(path, report, null, null)).isEqualTo(whole);

        long before = usedHeapAfterGc();
        CountDownLatch underWay = new CountDownLatch(DOWNLOADS);
        CountDownLatch measured = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(DOWNLOADS);
        long during;
        List<Future<String>> arrivals = new ArrayList<>();
        try {
            for (int i = 0; i < DOWNLOADS; i++) {
                arrivals.add(clients.submit(() -> download(path, report, underWay, measured)));
            }
            assertThat(underWay.await(120, TimeUnit.SECONDS)).as("all downloads under way").isTrue();
            during = usedHeapAfterGc();
        } finally {
            measured.countDown();
            clients.shutdown();
        }
        for (Future<String> arrived : arrivals) {
            assertThat(arrived.get(180, TimeUnit.SECONDS)).isEqualTo(whole);
        }
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        long growth = during - before;
        System.out.printf("Heap while %d downloads of %d MB are under way: %d MB before, %d MB during, growth %d MB%n",
                DOWNLOADS, SIZE / 1024 / 1024, before / 1024 / 1024, during / 1024 / 1024, growth / 1024 / 1024);
        assertThat(growth).as("heap growth in bytes").isLessThan(ALLOWED_GROWTH);
    }

    /** A PDF header and random bytes: nothing compresses it, every byte counts. */
    private static byte[] largePdf() {
        byte[] report = new byte[SIZE];
        new Random(20).nextBytes(report);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, report, 0, header.length);
        return report;
    }

    /**
     * Downloads the document as the programme manager and says what arrived, compared with the report byte for byte
     * (a digest of each download cost seconds of the test JVM's CPU, whose compiler has no SHA-256 instructions).
     * With latches, reads the first megabyte, says so, and waits for the measurement before reading the rest: the
     * server is then in the middle of sending every one of them.
     */
    private String download(String path, byte[] report, CountDownLatch underWay, CountDownLatch measured)
            throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL()
                .openConnection();
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (PROGRAM_MANAGER + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        connection.setReadTimeout(180_000);
        boolean paused = underWay == null;
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            int read = 0;
            try (InputStream body = connection.getInputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = body.read(buffer)) != -1; ) {
                    if (read + n > report.length || Arrays.mismatch(buffer, 0, n, report, read, read + n) != -1) {
                        return "bytes other than the report's after its first " + read;
                    }
                    read += n;
                    if (!paused && read >= READ_BEFORE_PAUSE) {
                        paused = true;
                        underWay.countDown();
                        measured.await(180, TimeUnit.SECONDS);
                    }
                }
            }
            return read == report.length ? "the report's " + read + " bytes" : "the report's first " + read + " bytes";
        } finally {
            if (!paused) {
                underWay.countDown(); // a download that failed early does not keep the others waiting
            }
            connection.disconnect();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String sha256Of(byte[] content) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
