package dev.callscribe.model.hub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The Hub's addresses: repository info and file downloads, with every variable part percent-encoded. */
final class HubUrls {

    private HubUrls() {
    }

    /** {@code {endpoint}/api/models/{repo}/revision/{revision}}: the commit and file list. */
    static URI repoInfo(URI endpoint, RepoId repo, String revision) {
        return URI.create(endpoint + "/api/models/" + repo.value() + "/revision/" + encode(revision));
    }

    /** {@code {endpoint}/{repo}/resolve/{revision}/{path}}: a file's content. */
    static URI file(URI endpoint, RepoId repo, String revision, String path) {
        String encodedPath = Arrays.stream(path.split("/")).map(HubUrls::encode).collect(Collectors.joining("/"));
        return URI.create(endpoint + "/" + repo.value() + "/resolve/" + encode(revision) + "/" + encodedPath);
    }

    /** Percent-encodes one path segment ('/' included, as in "refs%2Fpr%2F1"). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
