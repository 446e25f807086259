package dev.pairwise.app.api;

import dev.pairwise.labeling.importing.ImportFormat;
import dev.pairwise.labeling.importing.ImportPreview;
import dev.pairwise.labeling.importing.ImportResult;
import dev.pairwise.labeling.importing.ImportService;
import dev.pairwise.labeling.importing.ProjectImport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.jspecify.annotations.Nullable;

/**
 * Imports a file into a project (admins): as a multipart upload (part {@code file}) or as the raw
 * request body. {@code preview=true} reports what would be imported and stores nothing; otherwise
 * the import lands whole (201) or not at all (400 listing the bad lines). A file of battle votes
 * may instead make its own project ({@code POST /api/projects/import?format=BATTLES&name=...}):
 * the project (K = 2) and the votes land together or not at all.
 */
@RestController
@RequestMapping("/api/projects")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/{projectId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> upload(@PathVariable long projectId, @RequestParam ImportFormat format,
                             @RequestParam(defaultValue = "false") boolean preview,
                             @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return run(projectId, format, preview, file.getOriginalFilename(), in);
        }
    }

    @PostMapping(path = "/{projectId}/import", consumes = {"application/x-ndjson", "application/jsonl", "text/csv",
            "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> body(@PathVariable long projectId, @RequestParam ImportFormat format,
                           @RequestParam(defaultValue = "false") boolean preview,
                           @RequestParam(required = false) @Nullable String source, InputStream in) {
        return run(projectId, format, preview, source == null ? "api" : source, in);
    }

    /** A new project (named {@code name}, K = 2) holding the votes of a BATTLES file, sent as multipart. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProjectImport> uploadNew(@RequestParam ImportFormat format, @RequestParam String name,
                                            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return created(imports.importIntoNewProject(name, format, file.getOriginalFilename(), in));
        }
    }

    /** As {@link #uploadNew}, the file as the raw request body. */
    @PostMapping(path = "/import", consumes = {"application/x-ndjson", "application/jsonl", "text/plain",
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProjectImport> bodyNew(@RequestParam ImportFormat format, @RequestParam String name,
                                          @RequestParam(required = false) @Nullable String source, InputStream in) {
        return created(imports.importIntoNewProject(name, format, source == null ? "api" : source, in));
    }

    private static ResponseEntity<ProjectImport> created(ProjectImport made) {
        return ResponseEntity.created(URI.create("/api/projects/" + made.project().id())).body(made);
    }

    private ResponseEntity<?> run(long projectId, ImportFormat format, boolean preview, String source, InputStream in) {
        if (preview) {
            ImportPreview p = imports.preview(projectId, format, in);
            return ResponseEntity.ok(p);
        }
        ImportResult r = imports.importFile(projectId, format, source, in);
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }
}
