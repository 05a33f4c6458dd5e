/**
 * Tenants (one district office each, 区府办) and their units: the district office, departments (部门)
 * and towns/streets (街镇), with aliases used to resolve names found in plan documents and the
 * ranking group (街镇组, 部门组) used by evaluation.
 */
package cn.duban.tenant;
