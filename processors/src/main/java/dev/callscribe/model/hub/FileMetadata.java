package dev.callscribe.model.hub;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What the Hub says about one file before it is downloaded, from the headers of a HEAD request: for a large (LFS)
 * file, {@code X-Linked-Etag} (its sha256) and {@code X-Linked-Size} on a redirect to the CDN; for a small file,
 * {@code ETag} (its git blob id) and {@code Content-Length}; and {@code X-Repo-Commit}.
 *
 * @param etag   the ETag without quotes or weak marker; names the blob in the cache
 * @param size   the file's size in bytes, or -1 where not given
 * @param commit the commit the Hub resolved, where given
 */
record FileMetadata(String etag, long size, Optional<String> commit) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static Optional<FileMetadata> fromHeaders(HttpHeaders headers) {
        Optional<String> etag = headers.firstValue("X-Linked-Etag").or(() -> headers.firstValue("ETag"))
            .map(FileMetadata::normalizeEtag);
        OptionalLong size = headers.firstValueAsLong("X-Linked-Size");
        long bytes = size.isPresent() ? size.getAsLong() : headers.firstValueAsLong("Content-Length").orElse(-1);
        return etag.filter(value -> !value.isEmpty())
            .map(value -> new FileMetadata(value, bytes, headers.firstValue("X-Repo-Commit")));
    }

    private static String normalizeEtag(String etag) {
        String value = etag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    /** Returns the sha256 the content must have: the ETag, when it is 64 hex digits (LFS files). */
    Optional<String> sha256() {
        String lower = etag.toLowerCase(Locale.ROOT);
        return SHA256.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }
}
