package org.jcmflow.demodata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demonstration data set at start-up when asked to: {@code --jcm.demo-data=load} (or the environment
 * variable {@code JCM_DEMO_DATA=load}).
 */
@Component
class DemoDataRunner implements ApplicationRunner {

    static final String LOAD = "load";

    private final String demoData;
    private final DemoDataLoader loader;

    DemoDataRunner(@Value("${jcm.demo-data:}") String demoData, DemoDataLoader loader) {
        this.demoData = demoData.strip();
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoData.isEmpty()) {
            return;
        }
        if (!demoData.equals(LOAD)) {
            throw new IllegalArgumentException("jcm.demo-data must be '" + LOAD + "' (or not set), not '" + demoData
                    + "'");
        }
        loader.load();
    }
}
