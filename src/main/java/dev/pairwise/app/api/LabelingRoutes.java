package dev.pairwise.app.api;

import static org.springframework.web.servlet.function.RequestPredicates.path;

import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.task.NextTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Maps the labeling client's two calls to {@link LabelingCalls} (why functional endpoints: see
 * there). Spring MVC consults functional routes before the controllers' mappings, so these two
 * paths are matched without looking through the rest of the API. Another method on either path
 * is answered 405 with {@code Allow: POST}, as a controller's path is. The OpenAPI description
 * lists both from the annotations here (springdoc cannot read a handler function's signature).
 */
@Configuration(proxyBeanMethods = false)
class LabelingRoutes {

    /** Path patterns of the two calls; the API's security chain gives both to labelers only. */
    static final String NEXT = "/api/projects/{projectId}/tasks/next";
    static final String SUBMIT = "/api/tasks/{taskId}/judgments";

    @Bean
    @RouterOperations({
        @RouterOperation(path = NEXT, method = RequestMethod.POST, produces = "application/json",
                operation = @Operation(operationId = "nextTask",
                        summary = "Lease the next task (the caller's held lease, or a new one)",
                        parameters = @Parameter(name = "projectId", in = ParameterIn.PATH, required = true),
                        responses = {
                            @ApiResponse(responseCode = "200", description = "the task",
                                    content = @Content(schema = @Schema(implementation = NextTask.class))),
                            @ApiResponse(responseCode = "204", description = "nothing left for the caller")})),
        @RouterOperation(path = SUBMIT, method = RequestMethod.POST, consumes = "application/json",
                produces = "application/json",
                operation = @Operation(operationId = "submitJudgment",
                        summary = "Submit a judgment of a leased task (idempotent by key)",
                        parameters = {
                            @Parameter(name = "taskId", in = ParameterIn.PATH, required = true),
                            @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
                                    description = "when the body has no idempotencyKey")},
                        requestBody = @RequestBody(required = true, content = @Content(
                                schema = @Schema(implementation = LabelingCalls.JudgmentRequest.class))),
                        responses = {
                            @ApiResponse(responseCode = "201", description = "stored",
                                    content = @Content(schema = @Schema(implementation = SubmitResult.class))),
                            @ApiResponse(responseCode = "200", description = "a retry: the first result",
                                    content = @Content(schema = @Schema(implementation = SubmitResult.class)))}))})
    RouterFunction<ServerResponse> labelingCallRoutes(LabelingCalls calls) {
        return RouterFunctions.route()
                .POST(NEXT, calls::next)
                .POST(SUBMIT, calls::submit)
                .route(path(NEXT).or(path(SUBMIT)), request -> {
                    throw new HttpRequestMethodNotSupportedException(request.method().name(),
                            Set.of(HttpMethod.POST.name()));
                })
                .build();
    }
}
