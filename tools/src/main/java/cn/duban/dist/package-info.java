/**
 * The distribution's smoke test (profile {@code dist-smoke} of the ear module, docs/DEPLOYMENT.md):
 * {@link cn.duban.dist.DistSmoke} unpacks the archive and runs it with Debian's PostgreSQL, HAProxy
 * and headless Chromium; {@link cn.duban.dist.Totp} answers the operator's OTP prompt.
 */
package cn.duban.dist;
