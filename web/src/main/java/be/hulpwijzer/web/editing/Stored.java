package be.hulpwijzer.web.editing;

import java.util.Map;

/** An entry as stored, for a form: whose it is, its version, its name, and its values as the API shows them. */
record Stored(long organisationId, long version, String name, Map<String, Object> values) {
}
