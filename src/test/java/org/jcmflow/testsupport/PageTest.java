package org.jcmflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Organizations;
import org.jcmflow.identity.PersonNames;
import org.jcmflow.web.DisplayFormats;
import org.jcmflow.web.ErrorPages;
import org.jcmflow.web.Navigation;
import org.jcmflow.web.PageMessages;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A slice test of page controllers: Spring MVC with the templates, messages and the pages' shared beans,
 * the services mocked. The user comes from {@code @WithMockUser}, with Spring Boot's default security.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({PageMessages.class, DisplayFormats.class, CurrentUsers.class, Organizations.class, PersonNames.class,
        Navigation.class, ErrorPages.class})
public @interface PageTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
