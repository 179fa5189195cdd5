package dev.descent.cli.report;

/** Escaping for text and attribute values in the report's XHTML-compatible HTML. */
public final class Html {

    private Html() {}

    /**
     * Escapes text for HTML.
     *
     * @param s the text
     * @return {@code s} with &amp;, &lt;, &gt; and &quot; escaped (valid in text and in attributes)
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
