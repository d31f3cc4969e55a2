package dev.callscribe.model.hub;

import java.util.List;

/**
 * A repository at one commit, from {@code GET /api/models/{repo}/revision/{revision}}.
 *
 * @param commit the commit sha the revision resolved to ({@code sha})
 * @param files  every file, relative, '/'-separated ({@code siblings[].rfilename})
 */
record RepoInfo(String commit, List<String> files) {

    RepoInfo {
        files = List.copyOf(files);
    }
}
