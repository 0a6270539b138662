package ai.automagik.tracing.admin;

import com.vaadin.flow.component.html.Span;

/**
 * Text that wraps at spaces, and inside a word only when the word alone is wider than its column (a long URL, path
 * or key), so no column ever cuts it off.
 */
final class WrappingText extends Span {

    private static final long serialVersionUID = 1L;

    WrappingText(String text, String className) {
        super(text == null ? "" : text);
        addClassName(className);
        getStyle().set("overflow-wrap", "break-word").set("white-space", "normal");
    }
}
