/**
 * Configuration read through MicroProfile Config, validated once at start-up; secrets masked wherever shown.
 */
package ai.automagik.tracing.config;
