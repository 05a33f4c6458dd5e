/**
 * The load and fault run (profile {@code load} of the ear module, docs/RELIABILITY.md): {@link
 * cn.duban.load.LoadRun} starts its own stack, drives the virtual users of {@link
 * cn.duban.load.Workload}, injects the faults of {@link cn.duban.load.Faults} and fails when a goal
 * is missed.
 */
package cn.duban.load;
