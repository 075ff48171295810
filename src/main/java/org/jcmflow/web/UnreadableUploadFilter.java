package org.jcmflow.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;

/**
 * Reads a page's upload before the CSRF check looks for its token among the form's fields: Tomcat refuses a file
 * name with a NUL by throwing from whatever first reads the body, which in the CSRF filter would be a server error.
 * Refused here, it is a bad request with the portal's error page. Other failures (a body over the size limit) Tomcat
 * keeps for the upload's handler, which shows its own message.
 */
public class UnreadableUploadFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MultipartResolutionDelegate.isMultipartRequest(request)) {
            try {
                request.getParts();
            } catch (InvalidFileNameException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            } catch (IOException | IllegalStateException | ServletException keptForTheHandler) {
                // Tomcat keeps the failure and reports it again to the upload's handler
            }
        }
        chain.doFilter(request, response);
    }
}
