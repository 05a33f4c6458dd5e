/**
 * The scale data set (profile {@code scale} of the ear module, docs/SCALE.md): {@link
 * cn.duban.scale.DataGenerator} loads up to 300 generated tenants with COPY and {@link
 * cn.duban.scale.LoadCheck} checks them; {@link cn.duban.scale.ScaleBenchmark} (profile {@code
 * scale-bench}, docs/PERFORMANCE.md) times one tenant's operations with one and with all tenants
 * loaded.
 */
package cn.duban.scale;
