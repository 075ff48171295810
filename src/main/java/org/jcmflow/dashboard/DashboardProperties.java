package org.jcmflow.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The targets the indicators are measured against, and how long figures counted once are shown again while
 * nothing changes on this node (changes made on another node show after at most that long).
 */
@ConfigurationProperties("jcm.dashboard")
record DashboardProperties(int methodologiesApprovedTarget, int studiesAndDemonstrationsPerYearTarget,
                           @DefaultValue("PT1M") Duration figuresMaxAge) {
}
