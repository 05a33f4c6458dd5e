package cn.duban.it;

import static cn.duban.it.support.Rankings.byUnit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import cn.duban.it.support.TestStack;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read replica (issue 22): every test runs with one (TestStack), synchronous so tests read what
 * they wrote. Here replication is made asynchronous and the replica's replay paused, to see where
 * rankings are read from: a stale answer can only come from the replica; the writer reads their own
 * write at once, and everyone reads from the primary once the replica is behind by more than the
 * bound (DUBAN_DB_REPLICA_MAX_LAG, 10 s in arquillian.xml). Row-level security holds on the replica
 * as on the primary.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplicaIT {

    /** A year no other test plans in. */
    static final int Y = Plans.TODAY.getYear() - 6;

    static final String WRITER = "pt-admin", READER = "pt-leader";

    static final long BOUND_MS = 10_000;

    static String sjj;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void aPlanAndScheme() {
        String text =
                Y
                        + "年只读副本测试工作要点\n"
                        + "一、信息公开\n"
                        + "1.做好副本测试财政预决算公开。（责任单位：长寿路街道、区数据局；完成时限："
                        + Y
                        + "年3月31日前）\n";
        JsonObject saved = Plans.saved(WRITER, text, "replica.txt");
        String section = saved.getJsonArray("sections").getJsonObject(0).getString("id");
        Reply published =
                Api.post(
                        WRITER,
                        "/plans/" + saved.getString("id") + "/publication",
                        "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Reply scheme =
                Api.post(
                        WRITER,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"name\":\""
                                + Y
                                + "年副本测试考核\",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"cooperatingScoring\":\"OWN_REPORTS\",\"indicators\":[{\"name\":\"信息公开\",\"points\":100,"
                                + "\"target\":\"SECTION\",\"targetId\":\""
                                + section
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        sjj = Api.unitId(WRITER, "区数据局");
    }

    @Test
    void theWriterReadsTheirWriteOthersReadTheReplicaWithinTheBound() throws Exception {
        // Tokens first: the steps below must fit in the bound.
        BigDecimal before = score(READER);
        assertThat(score(WRITER)).isEqualByComparingTo(before);
        BigDecimal trendBefore = trendScore(READER);
        double primaryMs;
        try (Connection primary = superuser(TestStack.jdbcUrl());
                Connection replica = superuser(TestStack.replicaJdbcUrl())) {
            run(primary, "alter system set synchronous_standby_names = ''");
            run(primary, "select pg_reload_conf()");
            try {
                // A fresh commit, replayed, then replay stops: from here the replica's staleness
                // grows from about zero.
                run(primary, "select txid_current()");
                long committed = System.nanoTime();
                awaitCaughtUp(primary, replica);
                System.out.printf(
                        "REPLICA asynchronous: a commit replayed within %d ms (50 ms polls)%n",
                        (System.nanoTime() - committed) / 1_000_000);
                run(replica, "select pg_wal_replay_pause()");
                awaitPaused(replica);
                long paused = System.nanoTime();

                Reply bonus =
                        Api.post(
                                WRITER,
                                "/evaluation/adjustments",
                                "{\"unitId\":\""
                                        + sjj
                                        + "\",\"kind\":\"BONUS\",\"points\":3,"
                                        + "\"reason\":\"只读副本测试加分\",\"occurredOn\":\""
                                        + Y
                                        + "-03-15\"}");
                assertThat(bonus.status()).as(bonus.body()).isEqualTo(201);
                BigDecimal after = before.add(new BigDecimal(3));

                // Read-your-writes: the writer is sent to the primary.
                assertThat(score(WRITER)).isEqualByComparingTo(after);
                assertThat(trendScore(WRITER))
                        .isEqualByComparingTo(trendBefore.add(BigDecimal.valueOf(3)));
                // Another user, within the bound, reads the replica: the bonus is not there yet.
                BigDecimal stale = score(READER);
                BigDecimal staleTrend = trendScore(READER);
                long elapsed = (System.nanoTime() - paused) / 1_000_000;
                assertThat(elapsed).as("the steps took longer than the bound").isLessThan(BOUND_MS);
                assertThat(stale).as("read from the paused replica").isEqualByComparingTo(before);
                assertThat(staleTrend)
                        .as("read from the paused replica")
                        .isEqualByComparingTo(trendBefore);
                System.out.printf(
                        "REPLICA stale read by another user %d ms after replay paused%n", elapsed);

                // Beyond the bound the replica is not read any more, by anyone.
                Thread.sleep(Math.max(0, BOUND_MS + 1_000 - elapsed));
                assertThat(score(READER)).isEqualByComparingTo(after);
                assertThat(score(WRITER)).isEqualByComparingTo(after);
                primaryMs = millisPerRanking();
            } finally {
                run(replica, "select pg_wal_replay_resume()");
                run(primary, "alter system set synchronous_standby_names = 'duban_replica'");
                run(primary, "select pg_reload_conf()");
                awaitCaughtUp(primary, replica);
            }
            // Caught up again: the reader gets the bonus (from the replica or the primary alike).
            assertThat(score(READER)).isEqualByComparingTo(before.add(new BigDecimal(3)));
            double replicaMs = millisPerRanking();
            System.out.printf(
                    "REPLICA rankings read: %.1f ms from the primary (replica lagging), %.1f ms from"
                            + " the replica (caught up), ratio %.2f%n",
                    primaryMs, replicaMs, replicaMs / primaryMs);
        }
    }

    @Test
    void rowLevelSecurityHoldsOnTheReplica() throws SQLException {
        String others = "select count(*) from unit where tenant_id <> 'putuo'";
        assertThat(Db.maintCount(others)).as("other tenants' units exist").isPositive();
        try (Connection c =
                        EmbeddedDatabase.connect(TestStack.replicaJdbcUrl(), EmbeddedDatabase.APP);
                Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from task")).as("no tenant set").isZero();
            assertThat(count(s, "select count(*) from unit")).as("no tenant set").isZero();
            s.execute("select set_config('app.tenant_id', 'putuo', false)");
            assertThat(count(s, "select count(*) from unit")).isPositive();
            assertThat(count(s, others)).isZero();
            assertThat(count(s, "select count(*) from task where tenant_id <> 'putuo'")).isZero();
            // A replica never writes, whatever the role could do on the primary.
            assertThat(count(s, "select count(*) from pg_stat_wal_receiver")).isOne();
        }
    }

    /** The mean of ten rankings reads by the reader, after one not counted. */
    static double millisPerRanking() {
        score(READER);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) score(READER);
        return (System.nanoTime() - start) / 10 / 1e6;
    }

    static BigDecimal score(String user) {
        Reply r = Api.get(user, "/evaluation/rankings?period=" + Y + "&live=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return byUnit(r.json()).get("区数据局").getJsonNumber("score").bigDecimalValue();
    }

    /** 区数据局's year-end score in the year's trend (the leadership dashboard's line). */
    static BigDecimal trendScore(String user) {
        Reply r = Api.get(user, "/evaluation/trend?year=" + Y);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject series =
                r.json().getJsonArray("series").getValuesAs(JsonObject.class).stream()
                        .filter(x -> x.getString("unitName").equals("区数据局"))
                        .findFirst()
                        .orElseThrow();
        var scores = series.getJsonArray("scores");
        return scores.getJsonNumber(scores.size() - 1).bigDecimalValue();
    }

    static Connection superuser(String url) throws SQLException {
        return EmbeddedDatabase.connect(url.replace("/duban", "/postgres"), "postgres");
    }

    static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void awaitCaughtUp(Connection primary, Connection replica) throws Exception {
        String target = text(primary, "select pg_current_wal_lsn()::text");
        for (int i = 0; i < 600; i++) {
            if ("t"
                    .equals(
                            text(
                                    replica,
                                    "select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")))
                return;
            Thread.sleep(50);
        }
        throw new AssertionError("The replica did not catch up with " + target);
    }

    static void awaitPaused(Connection replica) throws Exception {
        for (int i = 0; i < 200; i++) {
            if ("paused".equals(text(replica, "select pg_get_wal_replay_pause_state()"))) return;
            Thread.sleep(50);
        }
        throw new AssertionError("Replay did not pause");
    }
}
