package org.jcmflow.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jcmflow.problem.InvalidInput;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jcmflow.problem.InvalidInput.FieldProblem;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the API and the pages accept, read strictly: a request body names only fields the request has, with
 * values of the field's type (no "12" for a number, no 2016.5 for a year), and no text anywhere carries control
 * characters other than tab and line breaks (PostgreSQL cannot store a NUL; the others are never typed). Only
 * the requests our controllers read: the application's own HTTP clients (Keycloak) stay lenient.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestInput implements WebMvcConfigurer {

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

    private final ObjectMapper json;

    StrictRequestInput(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // a new converter in MVC's list, not a changed one: the shared converter also serves RestClient
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? new MappingJackson2HttpMessageConverter(strict(json)) : converter);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
    }

    static ObjectMapper strict(ObjectMapper lenient) {
        ObjectMapper strict = lenient.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("text without control characters")
                .addDeserializer(String.class, new TextDeserializer()));
        return strict;
    }

    static boolean hasControlCharacters(String text) {
        return text != null && CONTROL_CHARACTERS.matcher(text).find();
    }

    /** Text in a request body: refused, with the field named, when it holds control characters. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (hasControlCharacters(text)) {
                throw new ControlCharactersException(parser, text);
            }
            return text;
        }
    }

    /** Text of a request body with control characters; {@link ProblemHandling} names the field. */
    static final class ControlCharactersException extends InvalidFormatException {

        ControlCharactersException(JsonParser parser, String text) {
            super(parser, "Text " + CONTROL_CHARACTERS_MESSAGE, text, String.class);
        }
    }

    /** The query and form parameters of a request to our controllers, before the controller reads them. */
    static final class ParameterCheck implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (MultipartResolutionDelegate.isMultipartRequest(request)) {
                return true; // read by the upload's handler, which answers for a body it cannot read
            }
            List<FieldProblem> problems = new ArrayList<>();
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean controls = hasControlCharacters(parameter.getKey());
                for (String value : parameter.getValue()) {
                    controls |= hasControlCharacters(value);
                }
                if (controls) {
                    problems.add(FieldProblem.coded(CONTROL_CHARACTERS.matcher(parameter.getKey()).replaceAll("?"),
                            CONTROL_CHARACTERS_MESSAGE, "controlCharacters"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return true;
        }
    }
}
