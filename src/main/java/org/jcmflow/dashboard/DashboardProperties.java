package org.jcmflow.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The targets the indicators are measured against. */
@ConfigurationProperties("jcm.dashboard")
record DashboardProperties(int methodologiesApprovedTarget, int studiesAndDemonstrationsPerYearTarget) {
}
