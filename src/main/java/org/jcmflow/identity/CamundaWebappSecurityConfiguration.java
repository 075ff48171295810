package org.jcmflow.identity;

import java.util.Map;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CamundaWebappSecurityConfiguration {

    /**
     * Runs right after the Spring Security filter chain, which has authenticated the user, and before the
     * webapps' own filters, which would otherwise ask for a second login.
     */
    @Bean
    FilterRegistrationBean<CamundaWebappSingleSignOnFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<CamundaWebappSingleSignOnFilter> registration =
                new FilterRegistrationBean<>(new CamundaWebappSingleSignOnFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
