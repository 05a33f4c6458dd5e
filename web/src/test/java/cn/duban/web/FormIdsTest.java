package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Faces form writes a hidden input named after its id, and a form's named controls shadow its DOM
 * properties. A form called {@code children} made {@code form.children} that input, so PrimeFaces'
 * CSP set-up threw on it, no later form got its nonce, and every postback of the page failed with
 * "CSP nonce mismatch" (下级单位, issue 21). No form may take such a name.
 */
class FormIdsTest {

    private static final Path PAGES = Path.of("src/main/webapp");

    /**
     * Properties of HTMLFormElement and the element and node interfaces that scripts (PrimeFaces,
     * faces.js, jQuery) read on a form; the layout's form {@code lang} shadows only an attribute.
     */
    private static final Set<String> SHADOWED =
            Set.of(
                    "action",
                    "method",
                    "elements",
                    "length",
                    "submit",
                    "reset",
                    "requestSubmit",
                    "name",
                    "target",
                    "enctype",
                    "encoding",
                    "acceptCharset",
                    "autocomplete",
                    "noValidate",
                    "checkValidity",
                    "reportValidity",
                    "children",
                    "childNodes",
                    "id",
                    "className",
                    "classList",
                    "style",
                    "title",
                    "hidden",
                    "attributes",
                    "parentNode",
                    "parentElement",
                    "firstChild",
                    "lastChild",
                    "firstElementChild",
                    "lastElementChild",
                    "nodeName",
                    "nodeType",
                    "ownerDocument",
                    "innerHTML",
                    "outerHTML",
                    "textContent",
                    "tagName",
                    "querySelector",
                    "querySelectorAll",
                    "getAttribute",
                    "setAttribute",
                    "appendChild",
                    "removeChild",
                    "insertBefore",
                    "contains",
                    "dataset");

    private static final Pattern FORM_ID = Pattern.compile("<h:form\\b[^>]*?\\bid=\"([^\"]+)\"");

    @Test
    void noFormIsNamedLikeAPropertyItWouldShadow() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = FORM_ID.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(m.group(1));
                    if (SHADOWED.contains(m.group(1))) clashes.add(page + ": " + m.group(1));
                }
            }
        }
        assertThat(found).as("forms read").hasSizeGreaterThan(40).contains("lang", "sub-units");
        assertThat(clashes).isEmpty();
    }
}
