package org.jcmflow.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.web.PageMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

    /**
     * After the Spring Security filter chain, which knows the user, and before {@link TasklistRequestCheck}: on the
     * engine API of the Camunda webapps, which serves Tasklist, Cockpit and Admin alike.
     */
    @Bean
    FilterRegistrationBean<TasklistEngineApiAllowList> tasklistEngineApiAllowList(CurrentUsers users,
                                                                                 ObjectMapper json) {
        FilterRegistrationBean<TasklistEngineApiAllowList> registration =
                new FilterRegistrationBean<>(new TasklistEngineApiAllowList(users, json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /**
     * After the allow-list; on the engine API of the Camunda webapps.
     * The task service comes when the first request does: filters are made as the web server starts, before
     * the database's schema is migrated.
     */
    @Bean
    FilterRegistrationBean<TasklistRequestCheck> tasklistRequestCheck(ObjectProvider<TaskWork> tasks,
                                                                      CurrentUsers users, ObjectMapper json) {
        FilterRegistrationBean<TasklistRequestCheck> registration =
                new FilterRegistrationBean<>(new TasklistRequestCheck(tasks, users, json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
        return registration;
    }

    /** A task's Camunda Form in the reader's language, on the engine API of the Camunda webapps. */
    @Bean
    FilterRegistrationBean<TasklistFormTranslation> tasklistFormTranslation(LocaleResolver languages,
                                                                            PageMessages messages, ObjectMapper json) {
        FilterRegistrationBean<TasklistFormTranslation> registration =
                new FilterRegistrationBean<>(new TasklistFormTranslation(languages, messages, json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
        return registration;
    }
}
