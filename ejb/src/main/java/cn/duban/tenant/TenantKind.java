package cn.duban.tenant;

/**
 * What a tenant is: a district (区, runs supervision over its units) or a city (市, above districts:
 * reads only the snapshots its member districts send up, see {@code cn.duban.city}).
 */
public enum TenantKind {
    DISTRICT,
    CITY
}
