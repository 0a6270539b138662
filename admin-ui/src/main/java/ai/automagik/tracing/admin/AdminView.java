package ai.automagik.tracing.admin;

/** Marks the console's views that need a caller in the role {@value #ROLE}. */
public interface AdminView {

    /** The same role as the admin REST API's. */
    String ROLE = "tracing-admin";
}
