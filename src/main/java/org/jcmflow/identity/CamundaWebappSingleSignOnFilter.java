package org.jcmflow.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;

/**
 * Camunda's container-based login filter reads the engine name from the request path, but expects the
 * webapps at the root; ours live under {@code /camunda}, so the application path is cut off first.
 */
class CamundaWebappSingleSignOnFilter extends ContainerBasedAuthenticationFilter {

    @Override
    protected String getRequestUri(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String applicationPath = ServletContextUtil.getAppPath(request.getServletContext());
        if (!applicationPath.isEmpty() && uri.startsWith(applicationPath)) {
            uri = uri.substring(applicationPath.length());
        }
        return uri;
    }
}
