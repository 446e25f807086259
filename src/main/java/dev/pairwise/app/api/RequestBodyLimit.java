package dev.pairwise.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps the request bodies of {@code /api/**} ({@link ApiLimits}): an import's at
 * {@code max-import-bytes}, every other at {@code max-json-bytes}. A body whose
 * {@code Content-Length} is over the limit is refused with 413 before a byte of it is read; a
 * body without one (chunked) is read through a counting stream that fails with
 * {@link BodyTooLargeException} at the first byte past the limit, so the parser never sees more.
 * Multipart uploads are parsed by the servlet container from its own stream: their limit is the
 * container's multipart configuration, set from the same property ({@link ApiConfig}).
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    /** Imports into a project, and a new project made from an imported file. */
    private static final PathPattern IMPORT = PathPatternParser.defaultInstance.parse("/api/projects/{projectId}/import");
    private static final PathPattern NEW_PROJECT_IMPORT = PathPatternParser.defaultInstance.parse("/api/projects/import");

    private final long maxJsonBytes;
    private final long maxImportBytes;
    private final HandlerExceptionResolver problems;

    RequestBodyLimit(ApiLimits limits, HandlerExceptionResolver problems) {
        this.maxJsonBytes = limits.maxJsonBytes().toBytes();
        this.maxImportBytes = limits.maxImportBytes().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer parsed = PathContainer.parsePath(path);
        long limit = IMPORT.matches(parsed) || NEW_PROJECT_IMPORT.matches(parsed) ? maxImportBytes : maxJsonBytes;
        if (request.getContentLengthLong() > limit) {
            if (problems.resolveException(request, response, null, new BodyTooLargeException(limit)) == null) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
            return;
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
        chain.doFilter(multipart ? request : new Capped(request, limit), response);
    }

    /** The request with its body read through a {@link CappedStream}. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private CappedStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts the bytes read and fails at the first one past the limit. */
    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
