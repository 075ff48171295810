package org.jcmflow.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jcmflow.identity.CurrentUser;
import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;
import org.jcmflow.problem.Problem;
import org.jcmflow.problem.ProblemKind;
import org.jcmflow.web.ProblemDocuments;
import org.jcmflow.problem.InvalidInput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks what Camunda Tasklist asks the engine to do with a task against the rules of our API, and answers a
 * refusal the way Camunda's REST API does, which Tasklist shows the user: who may claim, unclaim and complete
 * the task, and the submitted values against the task's form and the programme's rules; and, for operators, whom
 * {@link TasklistEngineApiAllowList} lets change a task's hands, that a task the process gave by name keeps them. What passes goes on to
 * Camunda unchanged, which checks its own authorizations and CSRF token and does the work;
 * {@link TasklistWorkGuard} holds the engine to the same rules whatever the way in.
 */
class TasklistRequestCheck extends OncePerRequestFilter {

    private static final Pattern TASK_ACTION =
            Pattern.compile("/camunda/api/engine/engine/[^/]+/task/([^/]+)/(claim|unclaim|assignee|complete|submit-form"
                    + "|resolve|delegate|identity-links|identity-links/delete)/?");
    private static final Set<String> COMPLETIONS = Set.of("complete", "submit-form");

    private final ObjectProvider<TaskWork> tasks;
    private final CurrentUsers users;
    private final ObjectMapper json;

    TasklistRequestCheck(ObjectProvider<TaskWork> tasks, CurrentUsers users, ObjectMapper json) {
        this.tasks = tasks;
        this.users = users;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher action = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !action.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode submitted;
        try {
            submitted = body.length == 0 ? json.nullNode() : json.readTree(body);
        } catch (IOException notJson) {
            submitted = null;
        }
        // Camunda would answer anything but an object with its JSON mapper's words and class names, in plain text
        if (submitted == null || !(submitted.isObject() || submitted.isNull() || submitted.isMissingNode())) {
            refuse(response, InvalidInput.of("body", "is not a JSON object"));
            return;
        }
        try {
            VariableMap values = check(action.group(1), action.group(2), submitted);
            if (values != null) {
                body = asTheApiCompletes(submitted, values);
            }
        } catch (Problem refused) {
            refuse(response, refused);
            return;
        }
        if (COMPLETIONS.contains(action.group(2))) {
            // the values were checked, so the engine lets this completion write them (VariableWriteGuard)
            try (CheckedCompletion completion = CheckedCompletion.of(action.group(1))) {
                chain.doFilter(new ReadAgain(request, body), response);
            }
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /**
     * The completion's body as the API's completion hands it to the engine: the form's fields that Tasklist left out
     * written as null (a second round's empty rationale must not leave the first round's in the process), and the
     * values the processes do not read later marked transient, so that they live in the case's history alone.
     */
    private byte[] asTheApiCompletes(JsonNode submitted, VariableMap values) throws IOException {
        ObjectNode completion = submitted.isObject() ? ((ObjectNode) submitted).deepCopy() : json.createObjectNode();
        ObjectNode variables = completion.path("variables").isObject() ? (ObjectNode) completion.get("variables")
                : completion.putObject("variables");
        values.keySet().forEach(name -> {
            TypedValue value = values.getValueTyped(name);
            if (value.getValue() == null && !variables.has(name)) {
                variables.putObject(name).putNull("value").put("type", "Null");
            }
            if (value.isTransient() && variables.get(name) instanceof ObjectNode variable) {
                variable.withObject("/valueInfo").put(ValueType.VALUE_INFO_TRANSIENT, true);
            }
        });
        return json.writeValueAsBytes(completion);
    }

    /** @return for a completion, the values it must write; otherwise null */
    private VariableMap check(String taskId, String action, JsonNode body) {
        CurrentUser user = users.current();
        TaskWork tasks = this.tasks.getObject();
        switch (action) {
            case "resolve", "delegate", "identity-links", "identity-links/delete" -> tasks.checkHandsKept(taskId);
            case "claim", "assignee" -> {
                if ("assignee".equals(action)) {
                    tasks.checkHandsKept(taskId);
                }
                String assignee = body.path("userId").isTextual() ? body.path("userId").asText() : null;
                if (assignee == null) {
                    tasks.checkUnclaim(taskId, user);
                } else if (assignee.equals(user.username())) {
                    tasks.checkClaim(taskId, user);
                } else if (!user.has(Role.ADMIN)) {
                    throw Problem.forbidden("You may claim a task for yourself only.");
                }
            }
            case "unclaim" -> tasks.checkUnclaim(taskId, user);
            default -> {
                return tasks.checkCompletion(taskId, submittedValues(body.path("variables")), user);
            }
        }
        return null;
    }

    /** Camunda's typed variables ({@code {"name": {"value": ..., "type": ...}}}) as the plain values our API takes. */
    private Map<String, Object> submittedValues(JsonNode variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        variables.fields().forEachRemaining(variable ->
                values.put(variable.getKey(), json.convertValue(variable.getValue().path("value"), Object.class)));
        return values;
    }

    /** In the shape of Camunda's REST errors ({@code type}, {@code message}), which Tasklist shows. */
    private void refuse(HttpServletResponse response, Problem refused) throws IOException {
        String message = refused.getMessage();
        Map<String, Object> error = new LinkedHashMap<>();
        if (refused instanceof InvalidInput invalid) {
            message = String.join("; ", invalid.problems().stream()
                    .map(problem -> problem.field() + " " + problem.message()).toList());
            error.put("type", "InvalidRequestException");
            error.put("fields", invalid.problems().stream()
                    .map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList());
        } else {
            error.put("type", refused.kind() == ProblemKind.FORBIDDEN ? "AuthorizationException" : "RestException");
        }
        error.put("message", message);
        response.setStatus(ProblemDocuments.statusOf(refused.kind()).value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }

    /** The request with its body, which the check has read, to be read once more by Camunda. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read at once");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
