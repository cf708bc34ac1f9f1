package be.hulpwijzer.catalogue.testing;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** Small catalogue fixtures for tests: JSON bodies, and a clean slate. */
@Singleton
public class Fixtures {

    private final JdbcOperations jdbc;

    public Fixtures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes every organisation (with its modules, locations, availability, engagements, tokens), method and account,
     * and the thesaurus groups people added (the shipped ones are back in use).
     */
    @Connectable
    public void clean() {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(c -> {
                    try (var st = c.createStatement()) {
                        st.execute("delete from thesaurus_group where not shipped");
                        st.execute("update thesaurus_group set removed_at = null, removed_by = null where removed_at is not null");
                        st.execute("truncate organisation, method, account, audit_log, login_throttle, hsds_import restart identity cascade");
                    }
                    return null;
                });
                return;
            } catch (io.micronaut.data.exceptions.DataAccessException e) {
                // the TRUNCATE can deadlock with a background reader of the previous test (the waiting figures'
                // refresh, the index follower): PostgreSQL then aborts one side, and the clean slate is tried again
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("deadlock detected")) {
                    throw e;
                }
            }
        }
    }

    public static String organisation(String name) {
        return """
                {"name": "%s", "sector": "cgg", "enterpriseNumber": "0403.170.701", "website": "https://cgg.example.be",
                 "email": "onthaal@cgg.example.be", "phone": "050 12 34 56", "description": "Geestelijke gezondheidszorg."}
                """.formatted(name);
    }

    public static String module(String title) {
        return """
                {"title": "%s", "description": "Kortdurende begeleiding voor jongeren met angst.",
                 "type": "consult", "setting": "ambulant", "access": "rtj", "ageMinMonths": 144, "ageMaxMonths": 216,
                 "lifeDomains": ["psychisch-welzijn"], "zones": ["brugge", "oostkust"], "languages": ["nl", "fr"],
                 "referralProcedure": "Bel het onthaal.", "contact": {"name": "An Peeters", "phone": "050 12 34 56",
                 "email": "an.peeters@cgg.example.be"}}
                """.formatted(title);
    }

    /** The same JSON object with a version field added, as an update must send it. */
    public static String withVersion(String json, long version) {
        return json.replaceFirst("\\{", "{\"version\": " + version + ", ");
    }
}
