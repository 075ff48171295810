package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The processes beside the main thread's tests run at niceness 10, whatever the niceness of the JVM that starts
 * them: the benchmark's JVM yields already, and the application it restarted ran at 19 and did not start in three
 * minutes while the other tests kept the cores busy.
 */
class YieldingProcessTest {

    @Test
    void aProcessStartedFromThisJvmYields() throws Exception {
        assertThat(nicenessOf(ApplicationProcess.yielding(niceness()))).isEqualTo(10);
    }

    @Test
    void aProcessStartedFromAYieldingJvmYieldsNoFurther() throws Exception {
        List<String> yieldingJvm = ApplicationProcess.yielding(List.of(ApplicationProcess.javaBinary(), "-cp",
                String.join(java.io.File.pathSeparator, ApplicationProcess.testClassPath()),
                StartsAYieldingProcess.class.getName()));
        assertThat(nicenessOf(yieldingJvm)).isEqualTo(10);
    }

    @Test
    void readsTheNicenessOfThisJvm() throws Exception {
        String fromPs = output(List.of("ps", "-o", "ni=", "-p", String.valueOf(ProcessHandle.current().pid())));
        assertThat(ApplicationProcess.currentNiceness()).isEqualTo(Integer.parseInt(fromPs.trim()));
    }

    /** Run at niceness 10: starts a yielding process that prints its niceness, and prints what it printed. */
    static final class StartsAYieldingProcess {
        public static void main(String[] args) throws Exception {
            System.out.print(output(ApplicationProcess.yielding(niceness())));
        }
    }

    /** A shell that prints its own niceness (the 19th field of its stat; its name, "sh", holds no space). */
    private static List<String> niceness() {
        return List.of("sh", "-c", "cut -d ' ' -f 19 /proc/$$/stat");
    }

    private static int nicenessOf(List<String> command) throws IOException, InterruptedException {
        return Integer.parseInt(output(command).trim());
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
