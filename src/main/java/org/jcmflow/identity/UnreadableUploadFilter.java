package org.jcmflow.identity;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jcmflow.problem.InvalidInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;

/**
 * Reads an upload before anything looks for a parameter among its fields (the CSRF check, the language switch):
 * Tomcat refuses a file name with a NUL by throwing from whatever first reads the body, which there would be a
 * server error. Refused here, it is a bad request: problem+json naming the file on the API, the portal's error
 * page on pages. Other failures (a body over the size limit) Tomcat keeps for the upload's handler, which shows
 * its own message.
 *
 * <p>Only a signed-in caller's upload is read. On the API this filter runs after authorization; on pages it runs
 * before the CSRF check, which comes before authorization, so it refuses an upload without a signed-in session
 * itself, unread: to the login page, with the connection closed rather than the rest of the body awaited.
 */
final class UnreadableUploadFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    private UnreadableUploadFilter(ObjectMapper json) {
        this.json = json;
    }

    static UnreadableUploadFilter forPages() {
        return new UnreadableUploadFilter(null);
    }

    static UnreadableUploadFilter forApi(ObjectMapper json) {
        return new UnreadableUploadFilter(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MultipartResolutionDelegate.isMultipartRequest(request)) {
            if (json == null && !signedIn()) {
                toLoginUnread(request, response);
                return;
            }
            try {
                request.getParts();
            } catch (InvalidFileNameException e) {
                refuse(response);
                return;
            } catch (IOException | IllegalStateException | ServletException keptForTheHandler) {
                // Tomcat keeps the failure and reports it again to the upload's handler
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Sent at once, so that the browser reads it while Tomcat drops the rest of the body with the connection. */
    private static void toLoginUnread(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/login");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentLength(0);
        response.flushBuffer();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        if (json == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // as web's problem handling words invalid input, which this filter runs before
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid field: file");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(new InvalidInput.FieldProblem("file", "has a name with control characters")));
        json.writeValue(response.getOutputStream(), problem);
    }
}
