package cn.duban.ledger;

import java.util.List;

/**
 * The people of a unit, as the directory (Keycloak) knows them: whom a unit head may hand a task
 * to. The ledger only names what it needs; the account capability answers it (accounts sit above
 * the ledger, so the ledger cannot call them itself).
 */
public interface UnitPeople {

    /** A colleague: Keycloak username and the display name. */
    record Colleague(String username, String name) {

        /** The name to show and store; the username when the directory has no name. */
        public String displayName() {
            return name == null || name.isBlank() ? username : name;
        }
    }

    /**
     * The enabled accounts of that unit of that tenant who draft reports (联络员, {@code
     * unit-reporter}), by username.
     */
    List<Colleague> reporters(String tenant, String unitCode);

    /**
     * Every enabled account of that unit of that tenant (联络员, 经办人, head, admin), by username: who a
     * message to the unit is for.
     */
    List<Colleague> everyone(String tenant, String unitCode);
}
