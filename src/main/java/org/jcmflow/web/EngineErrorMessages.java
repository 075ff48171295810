package org.jcmflow.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine API behind Camunda Tasklist answers errors with the engine's own message, which may quote a BPMN
 * expression ({@code ${...}}) or name the engine's classes: the insides of the processes, shown to proponents
 * and committee members. Such a message is replaced by one that says what failed in plain words; the original
 * goes to the log for the operators. Messages without them (the portal's rules, "no such task") pass as they are.
 */
@Configuration(proxyBeanMethods = false)
class EngineErrorMessages {

    /** An expression of the engine's language, or a qualified Java class name such as org.camunda....Exception. */
    static final Pattern INSIDES = Pattern.compile("[$#]\\{|\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*");

    static final String EXPRESSION_FAILED = "A condition or value of the process could not be worked out from the "
            + "values given; nothing was changed. The operators find the details in the log.";

    static final String ENGINE_FAILED = "The process engine could not carry out the request; nothing was changed. "
            + "The operators find the details in the log.";

    private static final Logger log = LoggerFactory.getLogger(EngineErrorMessages.class);

    /** Right after the security filters, so that it also sees the answers of the filters behind them. */
    @Bean
    FilterRegistrationBean<PlainEngineErrors> plainEngineErrors(ObjectMapper json) {
        FilterRegistrationBean<PlainEngineErrors> registration = new FilterRegistrationBean<>(new PlainEngineErrors(json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The error's message as a user may read it: unchanged, or in plain words when it shows the insides. */
    static String plain(String message) {
        if (message == null || !INSIDES.matcher(message).find()) {
            return message;
        }
        return message.contains("${") || message.contains("#{") ? EXPRESSION_FAILED : ENGINE_FAILED;
    }

    static final class PlainEngineErrors extends OncePerRequestFilter {

        private final ObjectMapper json;

        PlainEngineErrors(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ErrorCapture capture = new ErrorCapture(response);
            chain.doFilter(request, capture);
            capture.finish(request, this);
        }

        byte[] rewritten(byte[] body, String contentType, HttpServletRequest request) {
            if (contentType == null || !contentType.contains("json")) {
                return body;
            }
            JsonNode error;
            try {
                error = json.readTree(body);
            } catch (IOException notJson) {
                return body;
            }
            if (!(error instanceof ObjectNode object) || !object.path("message").isTextual()) {
                return body;
            }
            String message = object.path("message").asText();
            String plain = plain(message);
            if (plain.equals(message)) {
                return body;
            }
            log.warn("Engine error on {} {} shown in plain words: {}", request.getMethod(), request.getRequestURI(),
                    message.replaceAll("\\p{Cntrl}", " "));
            object.put("message", plain);
            try {
                return json.writeValueAsBytes(object);
            } catch (IOException e) {
                return body;
            }
        }
    }

    /**
     * Passes successful answers straight through; holds back the body of an error answer (4xx, 5xx) until the
     * engine API has written it, so that its message can be read before it leaves.
     */
    static final class ErrorCapture extends HttpServletResponseWrapper {

        private ByteArrayOutputStream held;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        private boolean holding() {
            if (held == null && getStatus() >= 400 && !getResponse().isCommitted()) {
                held = new ByteArrayOutputStream();
            }
            return held != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holding()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        held.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("an error answer is written at once");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holding()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (getStatus() < 400) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (getStatus() < 400) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (getStatus() < 400 || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer();
            }
        }

        void finish(HttpServletRequest request, PlainEngineErrors errors) throws IOException {
            if (held == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = errors.rewritten(held.toByteArray(), getContentType(), request);
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }
    }
}
