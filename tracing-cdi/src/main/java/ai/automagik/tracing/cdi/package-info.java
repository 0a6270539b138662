/**
 * CDI glue: the application-scoped runtime, producers, Fault Tolerance circuit breakers and interceptors.
 */
package ai.automagik.tracing.cdi;
