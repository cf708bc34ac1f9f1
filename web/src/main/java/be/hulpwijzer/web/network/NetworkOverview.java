package be.hulpwijzer.web.network;

import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads methods with the organisations practising them, and the engagements in force. */
@Singleton
public class NetworkOverview {

    private final JdbcOperations jdbc;

    public NetworkOverview(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public List<Map<String, Object>> methods(@io.micronaut.core.annotation.Nullable String words) {
        return jdbc.execute(connection -> {
            Map<String, Map<String, Object>> methods = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    select me.code, me.name, me.description, o.id, o.name, count(m.id)
                    from method me
                    left join module m on me.code = any(m.methods) and m.status = 'active'
                    left join organisation o on o.id = m.organisation_id
                    where cast(? as text) is null
                       or concat_ws(' ', me.name, me.description, array_to_string(me.synonyms, ' ')) ilike cast(? as text)
                    group by me.code, me.name, me.description, o.id, o.name
                    order by me.name, o.name""")) {
                String like = like(words);
                ps.setString(1, like);
                ps.setString(2, like);
                try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> method = methods.computeIfAbsent(rs.getString(1), code -> new LinkedHashMap<>(
                            Map.of("name", uncheckedName(rs), "id", "methode-" + code, "organisations", new ArrayList<>())));
                    method.putIfAbsent("description", rs.getString(3));
                    if (rs.getObject(4) != null) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> organisations = (List<Map<String, Object>>) method.get("organisations");
                        organisations.add(Map.of("name", rs.getString(5), "href", "/organisaties/" + rs.getLong(4),
                                "modules", rs.getLong(6)));
                    }
                }
                }
            }
            methods.values().forEach(method -> method.put("organisationCount",
                    Texts.get("methodsOrganisations", ((List<?>) method.get("organisations")).size())));
            return new ArrayList<>(methods.values());
        });
    }

    private static String uncheckedName(ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A LIKE pattern for words typed in a filter box, its wildcards taken literally; null for none. */
    private static String like(@io.micronaut.core.annotation.Nullable String words) {
        return words == null || words.isBlank() ? null
                : "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The engagements in force today, of one zone or (zone null) of all; each with the names of its zones. */
    @Connectable
    public List<Map<String, Object>> engagementsInForce(LocalDate today, String zone, @io.micronaut.core.annotation.Nullable String words,
                                                        Map<String, String> zoneNames) {
        return jdbc.execute(connection -> {
            List<Map<String, Object>> engagements = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    select e.title, e.description, e.target_group, e.capacity_per_month, e.response_time_days,
                           e.valid_from, e.valid_to, o.id, o.name, e.zones, e.contact_name, e.contact_phone, e.contact_email,
                           (select array_agg(m.id || '|' || m.title order by m.title) from module m
                             where m.id = any(e.module_ids) and m.status = 'active')
                    from engagement e join organisation o on o.id = e.organisation_id
                    where e.valid_from <= ? and (e.valid_to is null or e.valid_to >= ?)
                      and (cast(? as text) is null or cast(? as text) = any(e.zones))
                      and (cast(? as text) is null or concat_ws(' ', e.title, e.description, e.target_group, o.name) ilike cast(? as text))
                    order by o.name, e.title""")) {
                ps.setObject(1, today);
                ps.setObject(2, today);
                ps.setString(3, zone);
                ps.setString(4, zone);
                String like = like(words);
                ps.setString(5, like);
                ps.setString(6, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date to = rs.getDate(7);
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("title", rs.getString(1));
                        e.put("description", rs.getString(2));
                        e.put("target", rs.getString(3));
                        e.put("capacity", rs.getObject(4) == null ? null : Texts.get("engagementCapacity", rs.getInt(4)));
                        e.put("response", rs.getObject(5) == null ? null : Texts.get("responseDays", rs.getInt(5)));
                        e.put("valid", to == null ? Texts.get("engagementValidOpen", Dutch.date(rs.getDate(6).toLocalDate()))
                                : Texts.get("engagementValid", Dutch.date(rs.getDate(6).toLocalDate()), Dutch.date(to.toLocalDate())));
                        e.put("organisation", rs.getString(9));
                        e.put("organisationHref", "/organisaties/" + rs.getLong(8));
                        java.sql.Array zones = rs.getArray(10);
                        e.put("zones", zones == null ? "" : java.util.Arrays.stream((String[]) zones.getArray())
                                .map(code -> zoneNames.getOrDefault(code, code)).collect(java.util.stream.Collectors.joining(", ")));
                        e.put("contactName", rs.getString(11));
                        String phone = rs.getString(12);
                        e.put("contactPhone", phone);
                        e.put("contactPhoneHref", phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", ""));
                        e.put("contactEmail", rs.getString(13));
                        java.sql.Array modules = rs.getArray(14);
                        e.put("modules", modules == null ? List.of() : java.util.Arrays.stream((String[]) modules.getArray())
                                .map(m -> Map.of("href", "/modules/" + m.substring(0, m.indexOf('|')), "title", m.substring(m.indexOf('|') + 1)))
                                .toList());
                        engagements.add(e);
                    }
                }
            }
            return engagements;
        });
    }
}
