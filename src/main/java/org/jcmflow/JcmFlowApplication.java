package org.jcmflow;

import org.jcmflow.engine.EngineClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class JcmFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(JcmFlowApplication.class, args);
    }

    /** The engine's clock, so that the case record and the engine always agree on the time. */
    @Bean
    EngineClock clock() {
        return new EngineClock();
    }
}
