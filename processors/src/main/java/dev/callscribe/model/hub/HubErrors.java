package dev.callscribe.model.hub;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * Turns an unsuccessful Hub response into an exception that says what failed: a {@link HubException} for answers
 * that retrying will not change, a plain {@link IOException} (retried) for HTTP 429 and 5xx. The Hub's
 * {@code X-Error-Code} header, where present, decides the reason.
 */
final class HubErrors {

    private HubErrors() {
    }

    /** What a request was about, for choosing the reason of a 404. */
    enum Subject { REPOSITORY, FILE }

    static IOException of(HttpResponse<?> response, Subject subject, String what, RepoId repo, boolean tokenSent) {
        int status = response.statusCode();
        String code = response.headers().firstValue("X-Error-Code").orElse("");
        String prefix = what + ": HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if (status == 429 || status >= 500) {
            return new IOException(prefix + " (server busy or failing; worth retrying)");
        }
        HubException.Reason reason = reason(status, code, subject);
        return new HubException(reason, prefix + ": " + explanation(reason, repo, tokenSent));
    }

    private static HubException.Reason reason(int status, String code, Subject subject) {
        switch (code) {
            case "GatedRepo":
                return HubException.Reason.ACCESS_DENIED;
            case "RepoNotFound":
                return HubException.Reason.REPO_NOT_FOUND;
            case "RevisionNotFound":
                return HubException.Reason.REVISION_NOT_FOUND;
            case "EntryNotFound":
                return HubException.Reason.FILE_NOT_FOUND;
            default:
                break;
        }
        if (status == 401 || status == 403) {
            return HubException.Reason.ACCESS_DENIED;
        }
        if (status == 404) {
            return subject == Subject.REPOSITORY ? HubException.Reason.REPO_NOT_FOUND
                : HubException.Reason.FILE_NOT_FOUND;
        }
        return HubException.Reason.UNEXPECTED_RESPONSE;
    }

    private static String explanation(HubException.Reason reason, RepoId repo, boolean tokenSent) {
        switch (reason) {
            case ACCESS_DENIED:
                return "access to " + repo + " was refused. " + (tokenSent
                    ? "The token in HF_TOKEN has no access: accept the model's conditions on its Hub page, or use"
                        + " a token of an account that has access."
                    : "The repository is gated or private (or does not exist): set HF_TOKEN to an access token of"
                        + " an account that has accepted its conditions.");
            case REPO_NOT_FOUND:
                return "repository " + repo + " was not found; check the id"
                    + (tokenSent ? "" : " (a private repository also needs HF_TOKEN)");
            case REVISION_NOT_FOUND:
                return repo + " has no such branch, tag or commit";
            case FILE_NOT_FOUND:
                return "the file is not in " + repo;
            default:
                return "unexpected answer";
        }
    }
}
