/**
 * The web shell shared by every capability: the REST application and its error model (RFC 9457
 * problem+json), the caller filter that turns a verified token into a {@link
 * cn.duban.platform.Caller}, the Faces layout, language and logout.
 */
package cn.duban.web;
