package io.tokenkeeper.app.api.auth;

import io.tokenkeeper.domain.base.TokenShape;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page for a request to the API that it refused before the application saw it (a URL whose
 * %-encoding it cannot decode, for one): problem JSON instead of Tomcat's HTML. Other paths keep Tomcat's page.
 */
final class ApiErrorReportValve extends ErrorReportValve {

    private final JsonMapper json = JsonMapper.builder().build();

    ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var path = request.getRequestURI();
        int status = response.getStatus();
        if (path == null || !ApiRequestGuard.isApi(path) || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        var httpStatus = HttpStatus.resolve(status);
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", httpStatus == null ? "Error" : httpStatus.getReasonPhrase());
        problem.put("status", status);
        problem.put(
                "detail", status == 400 ? ApiRequestGuard.ODD_PATH : "The API refused this request before reading it.");
        if (!TokenShape.containedIn(path)) {
            problem.put("instance", path);
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: nothing more to say.
        }
    }
}
