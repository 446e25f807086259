package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin account and token API through the security filters: provisioning a machine client
 * (account without password + token), the 403 of every other role, 409 on a taken username, 400
 * naming the field, and that disabling, demoting and revoking act on the very next request.
 * Run against H2 and PostgreSQL by the subclasses.
 */
abstract class AdminAccountsScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";
    private static final String ACCOUNTS = "/api/admin/accounts";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    String admin;
    String labeler;
    String researcher;

    @BeforeEach
    void accounts() {
        admin = account(Role.ADMIN);
        labeler = account(Role.LABELER);
        researcher = account(Role.RESEARCHER);
    }

    private String account(Role role) {
        String name = unique(role.name().toLowerCase());
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private JsonNode json(MockHttpServletRequestBuilder request, int status) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private static MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode create(String body) throws Exception {
        return json(withJson(post(ACCOUNTS), body).with(as(admin)), 201);
    }

    private long idOf(String username) {
        return accounts.findByUsername(username).orElseThrow().getId();
    }

    @Test
    void an_admin_provisions_a_machine_labeler_with_a_token_shown_once_and_stored_hashed() throws Exception {
        String name = unique("crowd");
        JsonNode created = mvc.perform(withJson(post(ACCOUNTS), "{\"username\":\"" + name + "\",\"roles\":[\"LABELER\"]}")
                        .with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith(ACCOUNTS + "/" + idOf(name))))
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.displayName").value(name))
                .andExpect(jsonPath("$.roles[0]").value("LABELER"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andReturn().getResponse().getContentAsString().transform(JSON::readTree);
        long id = created.get("id").asLong();
        JsonNode listed = json(get(ACCOUNTS).with(as(admin)), 200);
        assertThat(listed.valueStream().filter(a -> a.get("id").asLong() == id).findFirst().orElseThrow())
                .isEqualTo(created);

        JsonNode token = json(withJson(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"crowd-worker\"}")
                .with(as(admin)), 201);
        String secret = token.get("token").asString();
        assertThat(secret).startsWith("pw_");
        assertThat(token.get("name").asString()).isEqualTo("crowd-worker");
        String storedHash = jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = ?")
                .param(token.get("id").asLong()).query(String.class).single();
        assertThat(storedHash).hasSize(64).doesNotContain(secret);

        JsonNode tokens = json(get(ACCOUNTS + "/" + id + "/tokens").with(as(admin)), 200);
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).get("id").asLong()).isEqualTo(token.get("id").asLong());
        assertThat(tokens.get(0).get("createdAt")).isEqualTo(token.get("createdAt"));
        assertThat(tokens.get(0).has("token")).as("the secret is shown only once").isFalse();

        mvc.perform(get("/api/projects").with(bearer(secret))).andExpect(status().isOk());
        mvc.perform(get("/api/jobs").with(bearer(secret))).andExpect(status().isForbidden());

        mvc.perform(delete(ACCOUNTS + "/" + id + "/tokens/" + token.get("id").asLong()).with(as(admin)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/projects").with(bearer(secret))).andExpect(status().isUnauthorized());
        mvc.perform(delete(ACCOUNTS + "/" + id + "/tokens/" + token.get("id").asLong()).with(as(admin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("tokenId"));
        assertThat(json(get(ACCOUNTS + "/" + id + "/tokens").with(as(admin)), 200)).isEmpty();
    }

    @Test
    void an_account_created_with_a_password_signs_in_with_it() throws Exception {
        String name = unique("ann");
        create("{\"username\":\"" + name + "\",\"displayName\":\"Ann\",\"password\":\"long enough\","
                + "\"roles\":[\"RESEARCHER\",\"LABELER\"]}");
        mvc.perform(get("/api/jobs").with(httpBasic(name, "long enough"))).andExpect(status().isOk());
        mvc.perform(get("/api/jobs").with(httpBasic(name, "long enougH"))).andExpect(status().isUnauthorized());
    }

    @Test
    void labelers_researchers_and_their_tokens_get_403_anonymous_callers_401() throws Exception {
        long id = idOf(labeler);
        for (String user : new String[] {labeler, researcher}) {
            mvc.perform(get(ACCOUNTS).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(withJson(post(ACCOUNTS), "{\"username\":\"" + unique("x") + "\",\"roles\":[\"ADMIN\"]}")
                    .with(as(user))).andExpect(status().isForbidden());
            mvc.perform(withJson(patch(ACCOUNTS + "/" + id), "{\"roles\":[\"ADMIN\"]}").with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(withJson(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"t\"}").with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(get(ACCOUNTS + "/" + id + "/tokens").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(delete(ACCOUNTS + "/" + id + "/tokens/1").with(as(user))).andExpect(status().isForbidden());
        }
        String token = json(withJson(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"own\"}").with(as(admin)), 201)
                .get("token").asString();
        mvc.perform(get(ACCOUNTS).with(bearer(token))).andExpect(status().isForbidden());
        mvc.perform(get(ACCOUNTS)).andExpect(status().isUnauthorized());
        assertThat(accounts.findByUsername(labeler).orElseThrow().getRoles()).containsExactly(Role.LABELER);
    }

    @Test
    void a_taken_username_answers_409_naming_the_field() throws Exception {
        mvc.perform(withJson(post(ACCOUNTS), "{\"username\":\"" + labeler + "\",\"roles\":[\"LABELER\"]}")
                        .with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("username"))
                .andExpect(jsonPath("$.detail", startsWith("Username: '" + labeler + "' is taken")));
    }

    @Test
    void bad_input_answers_400_naming_the_field_and_changes_nothing() throws Exception {
        long before = accounts.count();
        expect400(post(ACCOUNTS), "{\"username\":\"Has Space\",\"roles\":[\"LABELER\"]}", "username");
        expect400(post(ACCOUNTS), "{\"roles\":[\"LABELER\"]}", "username");
        expect400(post(ACCOUNTS), "{\"username\":\"" + unique("p") + "\",\"password\":\"short\",\"roles\":[\"LABELER\"]}",
                "password");
        expect400(post(ACCOUNTS), "{\"username\":\"" + unique("r") + "\",\"roles\":[]}", "roles");
        expect400(post(ACCOUNTS), "{\"username\":\"" + unique("r") + "\"}", "roles");
        expect400(post(ACCOUNTS), "{\"username\":\"" + unique("r") + "\",\"roles\":[\"BOSS\"]}", "roles[0]");
        expect400(post(ACCOUNTS), "{\"username\":\"" + unique("d") + "\",\"displayName\":\"   \",\"roles\":[\"LABELER\"]}",
                "displayName");
        assertThat(accounts.count()).isEqualTo(before);

        long id = idOf(labeler);
        expect400(patch(ACCOUNTS + "/" + id), "{\"enabled\":\"maybe\"}", "enabled");
        // The display name is valid but the roles are not: neither is stored.
        expect400(patch(ACCOUNTS + "/" + id), "{\"displayName\":\"Renamed\",\"roles\":[]}", "roles");
        assertThat(accounts.findByUsername(labeler).orElseThrow().getDisplayName()).isEqualTo(labeler);
        expect400(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"  \"}", "name");
        expect400(post(ACCOUNTS + "/" + id + "/tokens"), "not json", "body");

        long me = idOf(admin);
        expect400(patch(ACCOUNTS + "/" + me), "{\"enabled\":false}", "enabled");
        expect400(patch(ACCOUNTS + "/" + me), "{\"roles\":[\"LABELER\"]}", "roles");
        assertThat(accounts.findByUsername(admin).orElseThrow().isEnabled()).isTrue();

        mvc.perform(withJson(patch(ACCOUNTS + "/987654321"), "{\"enabled\":false}").with(as(admin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("accountId"));
        mvc.perform(get(ACCOUNTS + "/987654321/tokens").with(as(admin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("accountId"));
        mvc.perform(withJson(post(ACCOUNTS + "/987654321/tokens"), "{\"name\":\"t\"}").with(as(admin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("accountId"));
    }

    private void expect400(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
        mvc.perform(withJson(request, body).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field));
    }

    @Test
    void disabling_an_account_stops_its_password_and_tokens_at_the_next_request() throws Exception {
        long id = idOf(labeler);
        String token = json(withJson(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"bot\"}").with(as(admin)), 201)
                .get("token").asString();
        // Signed in once each, so a credential cache (if any) holds them.
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isOk());
        mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isOk());

        JsonNode disabled = json(withJson(patch(ACCOUNTS + "/" + id), "{\"enabled\":false}").with(as(admin)), 200);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isUnauthorized());

        json(withJson(patch(ACCOUNTS + "/" + id), "{\"enabled\":true}").with(as(admin)), 200);
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isOk());
        mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isOk());
    }

    @Test
    void an_account_disabled_on_another_instance_stops_its_tokens_when_the_remembered_answer_runs_out()
            throws Exception {
        long id = idOf(labeler);
        String token = json(withJson(post(ACCOUNTS + "/" + id + "/tokens"), "{\"name\":\"bot\"}").with(as(admin)), 201)
                .get("token").asString();
        mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isOk());
        // As another instance would: only the row changes, this instance's token cache is not told.
        Account account = accounts.findByUsername(labeler).orElseThrow();
        account.setEnabled(false);
        accounts.save(account);
        try {
            mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isOk());
            Thread.sleep(5_500); // pairwise.security.token-cache-seconds, default 5
            mvc.perform(get("/api/projects").with(bearer(token))).andExpect(status().isUnauthorized());
        } finally {
            account.setEnabled(true);
            accounts.save(account);
        }
    }

    @Test
    void a_password_changed_in_the_database_stops_the_old_one_at_the_next_request() throws Exception {
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isOk());
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isOk());
        // As a reset on another app instance would: only the stored hash changes.
        Account account = accounts.findByUsername(labeler).orElseThrow();
        account.setPasswordHash(encoder.encode("a new password"));
        accounts.save(account);
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects").with(httpBasic(labeler, "a new password"))).andExpect(status().isOk());
    }

    @Test
    void new_roles_and_display_name_apply_at_the_next_request() throws Exception {
        long id = idOf(labeler);
        mvc.perform(get("/api/jobs").with(as(labeler))).andExpect(status().isForbidden());
        JsonNode changed = json(withJson(patch(ACCOUNTS + "/" + id),
                "{\"roles\":[\"RESEARCHER\",\"LABELER\"],\"displayName\":\"Lee\"}").with(as(admin)), 200);
        assertThat(changed.get("roles").valueStream().map(JsonNode::asString)).containsExactly("LABELER", "RESEARCHER");
        assertThat(changed.get("displayName").asString()).isEqualTo("Lee");
        assertThat(changed.get("enabled").asBoolean()).isTrue();
        mvc.perform(get("/api/jobs").with(as(labeler))).andExpect(status().isOk());

        json(withJson(patch(ACCOUNTS + "/" + id), "{\"roles\":[\"LABELER\"]}").with(as(admin)), 200);
        mvc.perform(get("/api/jobs").with(as(labeler))).andExpect(status().isForbidden());
    }
}
