package org.jcmflow.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data when no external database is configured.
 *
 * @param dataDirectory the cluster's data directory; kept across restarts
 * @param port          the port to listen on; 0 picks a free one
 * @param clean         start from an empty cluster (tests) instead of keeping the data
 */
@ConfigurationProperties("jcm.embedded-db")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, boolean clean) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
