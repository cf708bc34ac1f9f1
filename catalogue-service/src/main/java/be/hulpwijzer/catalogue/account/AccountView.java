package be.hulpwijzer.catalogue.account;

import java.util.List;

/** An account as the API shows it: never its password hash. */
public record AccountView(long id, String email, String name, String role, List<Long> organisations,
                          List<String> zones, long version) {
}
