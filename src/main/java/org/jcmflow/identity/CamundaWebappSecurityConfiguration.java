package org.jcmflow.identity;

import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CamundaWebappSecurityConfiguration {

    /** Runs after the Spring Security filter chain, which has authenticated the user already. */
    @Bean
    FilterRegistrationBean<CamundaWebappSingleSignOnFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<CamundaWebappSingleSignOnFilter> registration =
                new FilterRegistrationBean<>(new CamundaWebappSingleSignOnFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101);
        return registration;
    }
}
