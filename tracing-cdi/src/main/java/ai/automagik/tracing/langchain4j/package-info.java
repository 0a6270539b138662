/**
 * LangChain4j integration, active only when the application brings LangChain4j.
 */
package ai.automagik.tracing.langchain4j;
