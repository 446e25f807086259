/**
 * The REST API under {@code /api} (JSON; every error, the security layer's and Spring MVC's
 * included, as RFC 9457 problem details, with a {@code field} property for bad input; see
 * {@link dev.pairwise.app.api.ApiExceptionHandler}). Authentication (HTTP basic or
 * {@code Authorization: Bearer <token>}) is the security layer's; each endpoint states its roles
 * with {@code @PreAuthorize}. Request bodies are capped before they are parsed
 * ({@link dev.pairwise.app.api.ApiLimits}): 1 MB, an import 64 MB.
 * <pre>
 * GET  /api/projects                                   any role      list projects
 * GET  /api/projects/{id}                              any role      one project
 * POST /api/projects                                   ADMIN         create (201)
 * PUT  /api/projects/{id}                              ADMIN         edit
 * GET  /api/projects/{id}/progress                     ADMIN, RESEARCHER
 * POST /api/projects/{id}/import?format=JSONL|CSV|HH_RLHF|TRL|BATTLES[&amp;preview=true]
 *                                                      ADMIN         multipart "file" or raw body
 * POST /api/projects/import?format=BATTLES&amp;name=       ADMIN         a new K=2 project with the votes (201), or nothing
 * GET  /api/projects/{id}/leaderboard[?ties=arena|half] ADMIN, RESEARCHER   {"systems": [...], "battles", "ties"}
 * POST /api/projects/{id}/tasks/next                   LABELER       200 task, 204 none left
 * POST /api/tasks/{taskId}/judgments                   LABELER       201 new, 200 same idempotency key
 * POST /api/tasks/{taskId}/skip                        LABELER       204; it comes back after the caller's other open tasks
 * POST /api/projects/{id}/skips/undo                   LABELER       200 the task skipped last, leased again; 404 none, 409 filled by others
 * GET  /api/projects/{id}/tasks/queue                  LABELER       {done, left, skipped, position, total, timeOnTaskMs}
 * GET  /api/projects/{id}/export/pairs?format=TRL|HH_RLHF                  ADMIN, RESEARCHER (JSONL)
 * GET  /api/projects/{id}/export/judgments            ADMIN, RESEARCHER (JSONL {task_id, labeler, tiers, judgment_id, created_at})
 * GET  /api/projects/{id}/agreement                    ADMIN, RESEARCHER   {pairwise_agreement, krippendorff_alpha, kendall_tau_b, units, labelers, per_labeler}
 * GET  /api/projects/{id}/labelers                     ADMIN, RESEARCHER   {alpha, correction, agreement, labelers: [...]}
 * GET  /api/projects/{id}/quality-settings             ADMIN, RESEARCHER   {goldRate, goldMinAccuracy, goldPause, reviewDisagreement}
 * PUT  /api/projects/{id}/quality-settings             ADMIN         any of those fields
 * GET  /api/projects/{id}/gold                         ADMIN         [{taskId, tiers}]
 * PUT  /api/projects/{id}/tasks/{taskId}/gold          ADMIN         {"tiers"}: mark a task gold
 * POST /api/projects/{id}/gold                         ADMIN         {"prompt", "responses", "ranking"} → 201 a new gold task
 * POST|DELETE /api/projects/{id}/labelers/{labelerId}/pause   ADMIN   204 paused / resumed
 * GET  /api/projects/{id}/review                       REVIEWER, ADMIN   disputed tasks [{taskId, labelers, disagreement}]
 * GET  /api/tasks/{taskId}/review                      REVIEWER, ADMIN   the task with every labeler's ranking
 * POST /api/tasks/{taskId}/adjudication                REVIEWER, ADMIN   {"tiers", "note"?} → 201; 409 once decided
 * GET  /api/projects/{id}/export/demonstrations?format=PROMPT_COMPLETION|MESSAGES[&amp;status=]
 * GET  /api/demonstrations?projectId=&amp;status=&amp;authorId=&amp;text=&amp;page=&amp;size=   ADMIN, RESEARCHER
 * POST /api/projects/{id}/demonstrations               ADMIN; LABELER where the project allows
 * POST /api/demonstrations/{id}/submit                 the author or an admin
 * POST /api/demonstrations/{id}/review                 ADMIN   {"approve": true|false, "note": "..."}; 403 approving one's own (unless the only admin)
 * PUT  /api/demonstrations/{id}                        the author (draft, rejected) or an admin   {"instruction", "response"}
 * GET  /api/demonstrations/{id}/edits                  ADMIN, RESEARCHER   reviewers' edits: who, when, the text replaced
 * POST /api/jobs                                      RESEARCHER    {"type": "SFT", "config": {...}} → 201 queued
 * GET  /api/jobs?type=&amp;status=&amp;limit=                   RESEARCHER, ADMIN   newest first
 * GET  /api/jobs/{id}, /api/jobs/{id}/metrics          RESEARCHER, ADMIN
 * POST /api/jobs/{id}/cancel                           RESEARCHER
 * GET  /api/job-types                                  RESEARCHER, ADMIN   installed types + form fields
 * GET  /api/checkpoints?kind=, /api/checkpoints/{id}   RESEARCHER, ADMIN   the model registry
 * GET  /api/checkpoints/{id}/download                  RESEARCHER, ADMIN   the folder as a zip (streamed)
 * GET  /api/connections[/{id}]                        RESEARCHER, ADMIN   model connections (never the API key: "api_key_set")
 * POST /api/connections                                RESEARCHER    {"name", "base_url", "model", "api_key"?, "temperature"?, "top_p"?,
 *                                                                     "max_tokens"?, "max_concurrent"?, "requests_per_minute"?, "timeout_seconds"?} → 201; 409 name taken
 * PUT  /api/connections/{id}                           RESEARCHER    the same; no "api_key" keeps the stored key, "" removes it
 * DELETE /api/connections/{id}                         RESEARCHER    204
 * POST /api/connections/{id}/test                      RESEARCHER    one tiny chat request → {"ok", "latency_ms", "reply" | "error", "error_kind"}
 * GET  /api/admin/accounts[/{id}]                      ADMIN   accounts (id, username, displayName, roles, enabled, createdAt)
 * POST /api/admin/accounts                             ADMIN   {"username", "displayName"?, "password"?, "roles"} → 201; 409 taken
 * PATCH /api/admin/accounts/{id}                       ADMIN   any of {"enabled", "roles", "displayName"}
 * POST /api/admin/accounts/{id}/tokens                 ADMIN   {"name"} → 201 {"id", "name", "token", "createdAt"}, the secret once
 * GET  /api/admin/accounts/{id}/tokens                 ADMIN   [{"id", "name", "createdAt"}]
 * DELETE /api/admin/accounts/{id}/tokens/{tokenId}     ADMIN   204 revoked
 * </pre>
 */
@NullMarked
package dev.pairwise.app.api;

import org.jspecify.annotations.NullMarked;
