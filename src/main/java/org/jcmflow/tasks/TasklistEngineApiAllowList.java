package org.jcmflow.tasks;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jcmflow.identity.CurrentUsers;
import org.jcmflow.identity.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the programme's roles may ask of the engine through the Camunda webapps: the reads Tasklist makes, and the
 * task actions our rules check (claim, unclaim, complete, submit the form), which {@link TasklistRequestCheck}
 * checks next. Everything else (resolving, delegating or reassigning a task, writing variables, identity links,
 * comments, attachments, BPMN errors, starting, moving or deleting processes, and any endpoint not named here) is
 * refused before Camunda sees it: Camunda's own authorizations let a task's candidate groups resolve it and write
 * variables on the way. Operators (admin) reach the whole API, held by the engine's guards
 * ({@link TasklistWorkGuard}, {@link VariableWriteGuard}).
 */
class TasklistEngineApiAllowList extends OncePerRequestFilter {

    static final String RULE = "In Camunda Tasklist the programme's roles may read their tasks, and claim, unclaim, "
            + "complete or submit the form of a task; the rest of Camunda's engine API is for operators (admin).";

    private static final String ENGINES = "/camunda/api/engine/engine";
    private static final String ENGINE = ENGINES + "/[^/]+";
    private static final String ID = "/[^/]+";

    private record Allowed(String method, Pattern path) {

        static Allowed of(String method, String path) {
            return new Allowed(method, Pattern.compile(path + "/?"));
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private static final List<Allowed> ALLOWED = List.of(
            Allowed.of("GET", ENGINES),
            // a task with its form, form variables, identity links, comments and attachments; the filters' lists
            Allowed.of("GET", ENGINE + "/task(/.*)?"),
            Allowed.of("GET", ENGINE + "/filter(/.*)?"),
            // the process's name, diagram and start form beside a task
            Allowed.of("GET", ENGINE + "/process-definition(/.*)?"),
            Allowed.of("GET", ENGINE + "/process-instance" + ID + "(/activity-instances)?"),
            Allowed.of("GET", ENGINE + "/case-definition" + ID),
            Allowed.of("GET", ENGINE + "/case-instance" + ID),
            // the task's history tab, the user's name in the header, whether they may create filters
            Allowed.of("GET", ENGINE + "/history/user-operation(/count)?"),
            Allowed.of("GET", ENGINE + "/user" + ID + "/profile"),
            Allowed.of("GET", ENGINE + "/authorization/check"),
            Allowed.of("GET", ENGINE + "/version"),
            // queries that Tasklist sends as POST
            Allowed.of("POST", ENGINE + "/filter" + ID + "/(list|count|singleResult)"),
            Allowed.of("POST", ENGINE + "/task(/count)?"),
            // the work itself
            Allowed.of("POST", ENGINE + "/task" + ID + "/(claim|unclaim|complete|submit-form)"));

    private final CurrentUsers users;
    private final ObjectMapper json;

    TasklistEngineApiAllowList(CurrentUsers users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        if (users.current().has(Role.ADMIN) || ALLOWED.stream().anyMatch(allowed -> allowed.matches(method, path))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, RULE);
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        // Tasklist shows a refusal's message
        problem.setProperty("message", RULE);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
