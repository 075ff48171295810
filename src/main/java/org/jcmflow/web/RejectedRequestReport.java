package org.jcmflow.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them: a NUL, an encoded slash or bytes that are no
 * UTF-8 in the address. Its own page for these is neither the API's problem+json nor the portal's page; this
 * answers with them instead, saying only that the address is not valid.
 */
@Component
class RejectedRequestReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // named, so that the host does not add Tomcat's own report when it starts
            host.setErrorReportValveClass(Report.class.getName());
            host.getPipeline().addValve(new Report());
        });
    }

    /** API callers and everyone who does not ask for a page get problem+json. */
    static boolean wantsProblem(String uri, String accept) {
        return uri != null && (uri.startsWith("/api/") || uri.startsWith("/engine-rest/"))
                || accept == null || !accept.contains("text/html");
    }

    /** The answer to an address that is not valid: problem+json, or a page that needs nothing of the application. */
    static String body(int status, boolean api) {
        String title = status == 400 ? "Bad Request" : "Error " + status;
        return api
                ? "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request's address is not valid.\"}"
                : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + " · JCM Flow</title></head><body><main><h1>" + title + "</h1>"
                        + "<p class=\"lead\">The address is not valid. アドレスが正しくありません。</p>"
                        + "<p><a href=\"/tasks\">JCM Flow</a></p></main></body></html>";
    }

    /** The report for errors no servlet answered; what the application answered it leaves alone. */
    public static class Report extends ErrorReportValve {

        public Report() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            boolean api = wantsProblem(request.getRequestURI(), request.getHeader("Accept"));
            try {
                response.setCharacterEncoding("UTF-8");
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                writer.write(body(status, api));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was already sent: nothing more to say
            }
        }
    }
}
