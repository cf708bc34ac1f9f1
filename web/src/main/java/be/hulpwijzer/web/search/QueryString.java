package be.hulpwijzer.web.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search in the URL, immutable: every link on the page is this search with one thing changed. */
record QueryString(Map<String, List<String>> values) {

    QueryString {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            List<String> kept = list.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!kept.isEmpty()) {
                copy.put(name, kept);
            }
        });
        values = copy;
    }

    String first(String name) {
        List<String> list = values.get(name);
        return list == null ? "" : list.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /** With the value added, or removed when it was there; back to the first page. */
    QueryString toggle(String name, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(values);
        List<String> list = new ArrayList<>(all(name));
        if (!list.remove(value)) {
            list.add(value);
        }
        next.put(name, list);
        next.remove("page");
        return new QueryString(next);
    }

    /** With the value added or removed, on the same page (choosing a result for the selection is no new search). */
    QueryString toggleOnThisPage(String name, String value) {
        String page = first("page");
        QueryString toggled = toggle(name, value);
        return page.isEmpty() ? toggled : toggled.with("page", page);
    }

    /** Without the parameter, on the same page. */
    QueryString withoutOnThisPage(String name) {
        Map<String, List<String>> next = new LinkedHashMap<>(values);
        next.remove(name);
        return new QueryString(next);
    }

    QueryString without(String name) {
        Map<String, List<String>> next = new LinkedHashMap<>(values);
        next.remove(name);
        next.remove("page");
        return new QueryString(next);
    }

    QueryString with(String name, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(values);
        next.put(name, List.of(value));
        if (!name.equals("page")) {
            next.remove("page");
        }
        return new QueryString(next);
    }

    String href() {
        StringBuilder out = new StringBuilder("/");
        values.forEach((name, list) -> list.forEach(value -> out.append(out.length() == 1 ? '?' : '&')
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return out.toString();
    }
}
