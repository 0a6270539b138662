/**
 * JAX-RS integration: request tracking with route templates and W3C traceparent, the client filter,
 * the secured admin REST API and the readiness check.
 */
package ai.automagik.tracing.jaxrs;
