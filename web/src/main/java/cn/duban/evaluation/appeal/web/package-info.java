/**
 * Appeals (申诉) on the web: the REST resource {@code /api/v1/appeals}, the district office's page
 * {@code leader/appeals.xhtml} (the office decides, leaders read) and the filing part of the unit's
 * score page.
 */
package cn.duban.evaluation.appeal.web;
