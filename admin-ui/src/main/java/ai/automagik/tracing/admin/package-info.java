/**
 * The Vaadin admin console: dashboard, test event, privacy toggle and outgoing payloads, effective
 * configuration, recent traces. Add the JAR to a WAR that also has {@code tracing-cdi}; the console
 * appears under {@code /tracing-admin} (setting {@code automagik.admin.path}) for users in the role
 * {@code tracing-admin}. The application chooses how users log in (Jakarta Security).
 */
package ai.automagik.tracing.admin;
