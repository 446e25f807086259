package dev.pairwise.app.api;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.judgment.SubmitResult;
import dev.pairwise.labeling.task.AssignmentService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labeling client's two calls, as handler functions ({@link LabelingRoutes} maps them):
 * lease the next task of a project ({@code POST /api/projects/{projectId}/tasks/next}: 200 with
 * the caller's held lease or a new one, 204 when nothing is left), and submit a judgment of it
 * ({@code POST /api/tasks/{taskId}/judgments}: 201, or 200 with the first result for a retry
 * with the same idempotency key, from the body field or the {@code Idempotency-Key} header).
 *
 * <p>Why not controller methods like the rest of the API: these two are every labeler's every
 * call, and under a crowd the app's CPU decides the tail (README, "Labeling under load"). Profiled
 * at 64 labelers, an annotated controller spent a third of the request's CPU in Spring MVC's
 * machinery around the call — matching the path against every mapping, resolving and converting
 * each argument, negotiating the response's converter — against a seventh in the labeling itself.
 * Here the path variables are parsed once, the body is read by the JSON converter as before (so
 * bad input gets the same problem details), and the answer is written straight to the response
 * by the app's JSON mapper. Exceptions reach the API's exception handler as a controller's do
 * ({@link ApiConfig#exceptionHandlersForHandlerFunctions}); the role check is a route rule of the
 * API's security chain.
 */
@Component
class LabelingCalls {

    private final AssignmentService assignment;
    private final JudgmentService judgments;
    private final Caller caller;
    private final JsonMapper json;

    LabelingCalls(AssignmentService assignment, JudgmentService judgments, Caller caller, JsonMapper json) {
        this.assignment = assignment;
        this.judgments = judgments;
        this.caller = caller;
        this.json = json;
    }

    ServerResponse next(ServerRequest request) {
        long projectId = id(request, "projectId");
        return assignment.next(projectId, callerId()).map(task -> json(HttpStatus.OK, task))
                .orElseGet(() -> ServerResponse.noContent().build());
    }

    ServerResponse submit(ServerRequest request) throws Exception {
        long taskId = id(request, "taskId");
        JudgmentRequest body = request.body(JudgmentRequest.class);
        String key = body.idempotencyKey() != null ? body.idempotencyKey()
                : request.headers().firstHeader("Idempotency-Key");
        SubmitResult r = judgments.submit(callerId(), new SubmitJudgment(taskId, key, body.presentedOrder(),
                body.tiers(), body.likert(), body.flags(), Boolean.TRUE.equals(body.allBad()), body.betterAnswer(),
                body.rationale(), body.timeOnTaskMs()));
        return json(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED, r);
    }

    private long callerId() {
        return caller.id(SecurityContextHolder.getContext().getAuthentication());
    }

    /** A path id, or 400 naming it (the words a controller's {@code @PathVariable long} gets). */
    private static long id(ServerRequest request, String name) {
        String value = request.pathVariable(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, ApiExceptionHandler.invalidValue(name, value));
        }
    }

    private ServerResponse json(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).build((request, response) -> {
            json.writeValue(response.getOutputStream(), body);
            return null;
        });
    }

    /** A judgment as sent; see {@link SubmitJudgment} for the meaning of each field. */
    record JudgmentRequest(@Nullable String idempotencyKey, @Nullable List<Long> presentedOrder,
                           @Nullable List<List<Long>> tiers, @Nullable Map<Long, Integer> likert,
                           @Nullable Map<Long, Set<ResponseFlag>> flags, @Nullable Boolean allBad,
                           @Nullable String betterAnswer, @Nullable String rationale, @Nullable Long timeOnTaskMs) {
    }
}
