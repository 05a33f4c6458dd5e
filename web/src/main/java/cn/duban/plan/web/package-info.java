/**
 * Plans: import with preview (PlanImportPage), the list (PlansPage) and one plan with its links to
 * the level above (PlanPage), and the REST API under /plans (PlanResource).
 *
 * <p>Pages are @ViewScoped beans behind the xhtml of src/main/webapp; a domain error of an action
 * is shown by cn.duban.web.FacesProblemHandler, so page beans catch only what they handle
 * otherwise. Resources answer problem+json through cn.duban.web.ProblemMapper. Both call the
 * capability's EJB services, never the EntityManager (ArchitectureTest).
 */
package cn.duban.plan.web;
