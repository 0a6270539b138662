/** In-process metrics for scraping: the GenAI client histograms and the Prometheus text rendering. */
package ai.automagik.tracing.metrics;
