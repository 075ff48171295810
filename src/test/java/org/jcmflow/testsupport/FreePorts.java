package org.jcmflow.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers the tests start themselves (the packaged application, Keycloak, PostgreSQL, SMTP), chosen
 * below the kernel's ephemeral range (32768 and up on Linux). Servers that bind port 0 — Spring's, the embedded
 * PostgreSQL's — get their port from that range, so none of them can take a port here between its choice and its
 * use, also while tests run side by side. Each test JVM starts at an offset of its own, so that two builds on one
 * machine rarely meet.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;
    /** The offset a test JVM starts at when it is given one, as {@link #forAnotherJvm()} gives it. */
    private static final String OFFSET_PROPERTY = "jcm.test.port-offset";
    private static final AtomicInteger NEXT = new AtomicInteger(Integer.getInteger(OFFSET_PROPERTY,
            (int) (ProcessHandle.current().pid() * 499 % COUNT)));

    private FreePorts() {
    }

    /** A port nobody listens on now, never handed out before by this JVM. */
    public static int next() {
        for (int tried = 0; tried < COUNT; tried++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + FIRST + " and " + (FIRST + COUNT));
    }

    /**
     * The JVM option that starts another test JVM, launched from this one, half the range away from this JVM's next
     * port: the two never hand out the same port while each uses fewer than 6,000.
     */
    public static String forAnotherJvm() {
        return "-D" + OFFSET_PROPERTY + "=" + Math.floorMod(NEXT.get() + COUNT / 2, COUNT);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
