package be.hulpwijzer.web.page;

/** Marks a controller that logs people in: {@link OriginCheck} demands an origin for its posts (no login CSRF). */
public interface LoginRoute {
}
