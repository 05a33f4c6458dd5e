/**
 * The task ledger: the unit's and the office's task pages (MyTasksPage, TaskPage, LedgerPage),
 * publishing tasks from a plan (PublishPage, PublishPicks), reviews (ReviewPage), the inbox
 * (InboxPage), the Excel ledger import (LedgerImportPage), and the REST API under /tasks, /reports,
 * /publications and /inbox.
 *
 * <p>Pages are @ViewScoped beans behind the xhtml of src/main/webapp; a domain error of an action
 * is shown by cn.duban.web.FacesProblemHandler, so page beans catch only what they handle
 * otherwise. Resources answer problem+json through cn.duban.web.ProblemMapper. Both call the
 * capability's EJB services, never the EntityManager (ArchitectureTest).
 */
package cn.duban.ledger.web;
