package be.hulpwijzer.web.page;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "Terug naar zoeken": the search a page was opened from, carried along in the URL ({@code terug}). Only a
 * search on this site is followed (a path of exactly "/" with its query); anything else leads to the
 * empty search, so the parameter cannot send anyone elsewhere.
 */
public final class BackToSearch {

    private BackToSearch() {
    }

    public static String href(@Nullable String terug) {
        if (terug == null || !(terug.equals("/") || terug.startsWith("/?")) || terug.contains("\\") || terug.length() > 2000) {
            return "/";
        }
        return terug;
    }

    /** The parameter to carry the search along: {@code terug=...}, encoded. */
    public static String parameter(String searchHref) {
        return "terug=" + URLEncoder.encode(searchHref, StandardCharsets.UTF_8);
    }
}
