package cn.duban.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR built by this module, as Arquillian deploys it. */
public final class Deployments {

    private Deployments() {}

    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("duban.ear")));
    }
}
