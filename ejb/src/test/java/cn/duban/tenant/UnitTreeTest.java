package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitTreeTest {

    final UUID qfb = UUID.randomUUID(), csl = UUID.randomUUID(), cy = UUID.randomUUID();
    final UUID cslDzb = UUID.randomUUID(), cslJw = UUID.randomUUID(), cyDzb = UUID.randomUUID();

    Map<UUID, UUID> district() {
        Map<UUID, UUID> parents = new HashMap<>();
        parents.put(qfb, null);
        parents.put(csl, qfb); // demo data: towns under 区府办
        parents.put(cy, qfb);
        parents.put(cslDzb, csl);
        parents.put(cslJw, csl);
        parents.put(cyDzb, cy);
        return parents;
    }

    @Test
    void aTownsSubtreeIsItselfAndItsOwnSubUnitsOnly() {
        UnitTree tree = new UnitTree(district());
        assertThat(tree.subtree(csl)).containsExactlyInAnyOrder(csl, cslDzb, cslJw);
        assertThat(tree.descendants(csl)).containsExactlyInAnyOrder(cslDzb, cslJw);
        assertThat(tree.subtree(cy)).doesNotContain(cslDzb, cslJw, csl);
        assertThat(tree.subtree(qfb)).hasSize(6);
        assertThat(tree.children(csl)).containsExactlyInAnyOrder(cslDzb, cslJw);
        assertThat(tree.depth(cslDzb)).isEqualTo(2);
        assertThat(tree.depth(qfb)).isZero();
    }

    @Test
    void anUnknownUnitHasAnEmptySubtree() {
        UnitTree tree = new UnitTree(district());
        assertThat(tree.subtree(UUID.randomUUID())).isEmpty();
        assertThat(tree.subtree(null)).isEmpty();
        assertThat(tree.children(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCycleNeverLoops() {
        Map<UUID, UUID> parents = district();
        parents.put(csl, cslDzb); // csl → 党政办 → csl
        UnitTree tree = new UnitTree(parents);
        assertThat(tree.subtree(csl)).containsExactlyInAnyOrder(csl, cslDzb, cslJw);
        assertThat(tree.depth(csl)).isEqualTo(2);
        Map<UUID, UUID> self = new HashMap<>();
        self.put(qfb, qfb);
        assertThat(new UnitTree(self).subtree(qfb)).containsExactly(qfb);
        assertThat(new UnitTree(self).depth(qfb)).isEqualTo(1);
    }

    @Test
    void aNewParentBelowTheUnitWouldCloseACycle() {
        UnitTree tree = new UnitTree(district());
        assertThat(tree.wouldCycle(csl, cslDzb)).isTrue();
        assertThat(tree.wouldCycle(csl, csl)).isTrue();
        assertThat(tree.wouldCycle(cslDzb, cy)).isFalse();
        assertThat(tree.wouldCycle(csl, null)).isFalse();
    }

    @Test
    void aDeepChainIsCutAtTheDepthGuard() {
        Map<UUID, UUID> parents = new HashMap<>();
        UUID root = UUID.randomUUID();
        parents.put(root, null);
        UUID last = root;
        for (int i = 0; i < 50; i++) {
            UUID next = UUID.randomUUID();
            parents.put(next, last);
            last = next;
        }
        assertThat(new UnitTree(parents).subtree(root)).hasSize(UnitTree.MAX_DEPTH + 1);
    }

    @Test
    void aWideTreeIsWalkedOnce() {
        Map<UUID, UUID> parents = new HashMap<>();
        UUID root = UUID.randomUUID();
        parents.put(root, null);
        for (int i = 0; i < 200_000; i++) parents.put(UUID.randomUUID(), root);
        long start = System.nanoTime();
        assertThat(new UnitTree(parents).subtree(root)).hasSize(200_001);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
