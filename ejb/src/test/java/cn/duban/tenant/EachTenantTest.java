package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class EachTenantTest {

    @Test
    void suspendedTenantsGetNoBackgroundWork() {
        Tenant active = new Tenant("active", "正常区");
        Tenant suspended = new Tenant("paused", "暂停区");
        suspended.setSuspension(Instant.now(), "operator");
        TenantService service =
                new TenantService() {
                    @Override
                    public List<Tenant> list() {
                        Caller.require(Caller.PLATFORM_ADMIN);
                        return List.of(active, suspended);
                    }
                };
        List<String> ran = new ArrayList<>();
        EachTenant.run(
                service,
                Logger.getLogger("test"),
                "Reminders",
                t -> {
                    ran.add(t.getId() + " as " + Caller.currentTenant().orElseThrow());
                    return "ok";
                });
        assertThat(ran).containsExactly("active as active");
    }

    private static final Logger LOG = Logger.getLogger("test");

    /** job_run in memory: the first claim of a key wins, as insert … on conflict do nothing. */
    static class Claims extends JobRuns {
        final Set<String> claimed = ConcurrentHashMap.newKeySet();
        final Set<String> finished = ConcurrentHashMap.newKeySet();

        @Override
        public boolean claim(String tenantId, String job, String slot) {
            // Claimed as the tenant's own system caller (row-level security).
            assertThat(Caller.currentTenant().orElse("")).isEqualTo(tenantId);
            return claimed.add(tenantId + "|" + job + "|" + slot);
        }

        @Override
        public void finish(String tenantId, String job, String slot) {
            finished.add(tenantId + "|" + job + "|" + slot);
        }
    }

    private static TenantService tenants(Tenant... all) {
        return new TenantService() {
            @Override
            public List<Tenant> list() {
                Caller.require(Caller.PLATFORM_ADMIN);
                return List.of(all);
            }
        };
    }

    @Test
    void aTenantWhoseSlotIsClaimedElsewhereIsSkipped() {
        Claims runs = new Claims();
        runs.claimed.add("b|daily-reminders|2026-12-02"); // node-b was first
        List<String> ran = new ArrayList<>();
        List<String> done =
                EachTenant.run(
                        tenants(new Tenant("a", "甲区"), new Tenant("b", "乙区")),
                        runs,
                        ClusterJob.DAILY_REMINDERS,
                        "2026-12-02",
                        LOG,
                        t -> ran.add(t.getId()));
        assertThat(ran).containsExactly("a");
        assertThat(done).containsExactly("a");
        assertThat(runs.finished).containsExactly("a|daily-reminders|2026-12-02");
    }

    @Test
    void oneTenantsFailureDoesNotStopTheOthersAndLeavesItsSlotUnfinished() {
        Claims runs = new Claims();
        List<String> ran = new ArrayList<>();
        List<String> done =
                EachTenant.run(
                        tenants(
                                new Tenant("a", "甲区"),
                                new Tenant("b", "乙区"),
                                new Tenant("c", "丙区")),
                        runs,
                        ClusterJob.RECEIPT_CHASE,
                        "2026-12-02T10:30",
                        LOG,
                        t -> {
                            if (t.getId().equals("b")) throw new IllegalStateException("boom");
                            return ran.add(t.getId());
                        });
        assertThat(ran).containsExactly("a", "c");
        assertThat(done).containsExactly("a", "c");
        assertThat(runs.claimed).hasSize(3);
        assertThat(runs.finished)
                .containsExactlyInAnyOrder(
                        "a|receipt-chase|2026-12-02T10:30", "c|receipt-chase|2026-12-02T10:30");
    }

    @Test
    void aLaterSlotRunsAgainAndTheSameSlotDoesNot() {
        Claims runs = new Claims();
        TenantService one = tenants(new Tenant("a", "甲区"));
        List<String> ran = new ArrayList<>();
        for (String slot : List.of("2026-12-01", "2026-12-01", "2026-12-02")) {
            EachTenant.run(one, runs, ClusterJob.DAILY_REMINDERS, slot, LOG, t -> ran.add(slot));
        }
        assertThat(ran).containsExactly("2026-12-01", "2026-12-02");
    }

    @Test
    void suspendedTenantsAndCitiesAreNeitherClaimedNorRun() {
        Claims runs = new Claims();
        Tenant suspended = new Tenant("paused", "暂停区");
        suspended.setSuspension(Instant.now(), "operator");
        Tenant city = new Tenant("city", "市");
        city.setKind(TenantKind.CITY);
        List<String> done =
                EachTenant.run(
                        tenants(new Tenant("a", "甲区"), suspended, city),
                        runs,
                        ClusterJob.CITY_REPORTS,
                        "2026-12-02",
                        LOG,
                        t -> "sent");
        assertThat(done).containsExactly("a");
        assertThat(runs.claimed).containsExactly("a|city-reports|2026-12-02");
    }

    @Test
    void twoNodesFiringTogetherRunEachTenantOnce() throws Exception {
        Claims runs = new Claims(); // the database both nodes share
        TenantService both = tenants(new Tenant("a", "甲区"), new Tenant("b", "乙区"));
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                results.add(
                        nodes.submit(
                                () -> {
                                    start.await();
                                    return EachTenant.run(
                                            both,
                                            runs,
                                            ClusterJob.DAILY_REMINDERS,
                                            "2026-12-02",
                                            LOG,
                                            t -> ran.add(t.getId()));
                                }));
            }
            start.countDown();
            List<String> done = new ArrayList<>();
            for (Future<List<String>> r : results) done.addAll(r.get());
            assertThat(done).containsExactlyInAnyOrder("a", "b");
            assertThat(ran).containsExactlyInAnyOrder("a", "b");
        } finally {
            nodes.shutdownNow();
        }
    }
}
