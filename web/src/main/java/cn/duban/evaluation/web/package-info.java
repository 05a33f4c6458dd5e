/**
 * Evaluation: the office's scheme, closing and adjustments page (EvaluationAdminPage, its rules
 * through RulesForm), the leader dashboard (DashboardPage), a unit's score page (ScorePage) and the
 * REST API under /evaluation (EvaluationResource).
 *
 * <p>Pages are @ViewScoped beans behind the xhtml of src/main/webapp; a domain error of an action
 * is shown by cn.duban.web.FacesProblemHandler, so page beans catch only what they handle
 * otherwise. Resources answer problem+json through cn.duban.web.ProblemMapper. Both call the
 * capability's EJB services, never the EntityManager (ArchitectureTest).
 */
package cn.duban.evaluation.web;
