package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The unit's pages (我的任务, /app/unit/*) are open to every role of a unit: the 联络员, the unit head who
 * hands tasks out and approves reports, and the unit admin. web.xml once let only {@code
 * unit-reporter} in, so a unit head met a 403 on 我的任务.
 */
class UnitPagesAccessTest {

    @Test
    void everyUnitRoleMayOpenTheUnitPages() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                f.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        NodeList constraints = doc.getElementsByTagName("security-constraint");
        List<String> roles = null;
        for (int i = 0; i < constraints.getLength(); i++) {
            Element c = (Element) constraints.item(i);
            NodeList patterns = c.getElementsByTagName("url-pattern");
            for (int p = 0; p < patterns.getLength(); p++) {
                if (patterns.item(p).getTextContent().strip().equals("/app/unit/*")) {
                    roles = new ArrayList<>();
                    NodeList names = c.getElementsByTagName("role-name");
                    for (int n = 0; n < names.getLength(); n++)
                        roles.add(names.item(n).getTextContent().strip());
                }
            }
        }
        assertThat(roles).as("constraint of /app/unit/*").isNotNull();
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Role.UNIT_ROLES);
    }
}
