/**
 * The work calendar's REST resource and the system administrator's page (/app/platform/calendar).
 */
package cn.duban.calendar.web;
