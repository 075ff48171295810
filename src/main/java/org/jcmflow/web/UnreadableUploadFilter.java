package org.jcmflow.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;

/**
 * Reads an upload before anything looks for a parameter among its fields (the CSRF check, the language switch):
 * Tomcat refuses a file name with a NUL by throwing from whatever first reads the body, which there would be a
 * server error. Refused here, it is a bad request: problem+json naming the file on the API, the portal's error
 * page on pages. Other failures (a body over the size limit) Tomcat keeps for the upload's handler, which shows
 * its own message.
 */
public final class UnreadableUploadFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    private UnreadableUploadFilter(ObjectMapper json) {
        this.json = json;
    }

    public static UnreadableUploadFilter forPages() {
        return new UnreadableUploadFilter(null);
    }

    public static UnreadableUploadFilter forApi(ObjectMapper json) {
        return new UnreadableUploadFilter(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MultipartResolutionDelegate.isMultipartRequest(request)) {
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

    private void refuse(HttpServletResponse response) throws IOException {
        if (json == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), InvalidInputException.problemDetail("Invalid field: file",
                List.of(new InvalidInputException.FieldProblem("file", "has a name with control characters"))));
    }
}
